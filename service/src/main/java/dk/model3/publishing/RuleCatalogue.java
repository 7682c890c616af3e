package dk.model3.publishing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.SourceRef;

/**
 * The rule catalogue of one version, generated from the rules' own metadata and never
 * written by hand: each rule's id, sentence, Danish and English text and source, grouped
 * by rule file. As Markdown for the repository; the service's page
 * ({@code templates/publishing/catalogue.html}) is drawn from the same groups.
 */
public final class RuleCatalogue {

	private static final Map<String, String> FILE_TITLES = Map.of("derived.drl", "Afledte fakta · Derived facts",
			"tiers.drl", "Udfald · Outcomes", "flags.drl", "Markeringer · Flags", "whynot.drl",
			"Hvorfor ikke · Why not");

	private final CompiledRules rules;

	public RuleCatalogue(CompiledRules rules) {
		this.rules = rules;
	}

	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Regelkatalog · Rule catalogue ").append(this.rules.version()).append("\n\n");
		md.append("_Genereret fra reglernes metadata · generated from the rule metadata; do not edit._\n\n");
		md.append("- **Titel:** ").append(nullToEmpty(this.rules.descriptor().titleDa())).append('\n');
		md.append("- **Title:** ").append(nullToEmpty(this.rules.descriptor().title())).append('\n');
		md.append("- **I kraft fra · In force from:** ").append(this.rules.descriptor().inForceFrom()).append('\n');
		md.append("- **Checksum:** `").append(this.rules.checksum()).append("`\n");
		for (String change : this.rules.descriptor().da().changes()) {
			md.append("- **Ændring:** ").append(change).append('\n');
		}
		for (String change : this.rules.descriptor().changes()) {
			md.append("- **Change:** ").append(change).append('\n');
		}
		byFile().forEach((file, rules) -> {
			md.append("\n## ").append(title(file)).append(" (`").append(file).append("`)\n");
			for (RuleMetadata rule : rules) {
				md.append("\n### ").append(rule.id()).append(" ").append(sentence(rule)).append("\n\n");
				md.append("- **Dansk:** ").append(rule.text().da()).append('\n');
				md.append("- **English:** ").append(rule.text().en()).append('\n');
				if (rule.nextStep() != null) {
					md.append("- **Næste skridt · Next step:** ")
						.append(rule.nextStep().da())
						.append(" · ")
						.append(rule.nextStep().en())
						.append('\n');
				}
				md.append("- **Kilde · Source:** ").append(source(rule.source())).append('\n');
				String condition = conditions().get(rule.id());
				if (condition != null) {
					md.append("- **Betingelse · Condition:**\n\n```\n").append(condition).append("\n```\n");
				}
			}
		});
		return md.toString();
	}

	/** Each rule's sentence (its name without the id), by rule id. */
	public Map<String, String> sentences() {
		Map<String, String> sentences = new LinkedHashMap<>();
		this.rules.rules().forEach((rule) -> sentences.put(rule.id(), sentence(rule)));
		return sentences;
	}

	/**
	 * Each rule's condition, the text between {@code when} and {@code then} as its file
	 * has it, by rule id: what a citizen must be for the rule to fire.
	 */
	public Map<String, String> conditions() {
		Map<String, String> conditions = new LinkedHashMap<>();
		for (RuleMetadata rule : this.rules.rules()) {
			String file = this.rules.files().files().get(rule.file());
			String condition = (file != null) ? condition(file, rule.name()) : null;
			if (condition != null) {
				conditions.put(rule.id(), condition);
			}
		}
		return conditions;
	}

	static String condition(String drl, String ruleName) {
		Matcher matcher = Pattern
			.compile("(?s)rule\\s+\"" + Pattern.quote(ruleName) + "\".*?\\n\\s*when\\s*\\n(.*?)\\n\\s*then\\b")
			.matcher(drl);
		if (!matcher.find()) {
			return null;
		}
		return matcher.group(1).lines().map(String::strip).collect(Collectors.joining("\n"));
	}

	/** The rules grouped by rule file, in the order a reader follows the reasoning. */
	public Map<String, List<RuleMetadata>> byFile() {
		Map<String, List<RuleMetadata>> byFile = new LinkedHashMap<>();
		for (String file : List.of("derived.drl", "tiers.drl", "flags.drl", "whynot.drl")) {
			byFile.put(file, List.of());
		}
		byFile.putAll(this.rules.rules().stream().collect(Collectors.groupingBy(RuleMetadata::file)));
		byFile.values().removeIf(List::isEmpty);
		return byFile;
	}

	/** A source as a person reads it: title, issuer, date and section. */
	private static String source(SourceRef source) {
		StringBuilder text = new StringBuilder((source.title() != null) ? source.title() : source.document());
		if (source.issuer() != null) {
			text.append(", ").append(source.issuer());
		}
		if (source.date() != null) {
			text.append(", ").append(source.date());
		}
		return text.append(", \"").append(source.section()).append('"').toString();
	}

	private static String title(String file) {
		return FILE_TITLES.getOrDefault(file, file);
	}

	/** The rule's name without its id: the sentence that says what it does. */
	static String sentence(RuleMetadata rule) {
		return rule.name().startsWith(rule.id() + " ") ? rule.name().substring(rule.id().length() + 1) : rule.name();
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
