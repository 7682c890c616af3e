package dk.model3.publishing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;

/**
 * The rule catalogue of one version, generated from the rules' own metadata and never
 * written by hand: each rule's id, sentence, Danish and English text and source, grouped
 * by rule file. As Markdown for the repository and as an HTML page for the service,
 * Danish first.
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
		md.append("- **Titel · Title:** ").append(nullToEmpty(this.rules.descriptor().title())).append('\n');
		md.append("- **I kraft fra · In force from:** ").append(this.rules.descriptor().inForceFrom()).append('\n');
		md.append("- **Checksum:** `").append(this.rules.checksum()).append("`\n");
		for (String change : this.rules.descriptor().changes()) {
			md.append("- **Ændring · Change:** ").append(change).append('\n');
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
				md.append("- **Kilde · Source:** ")
					.append(rule.source().document())
					.append(", \"")
					.append(rule.source().section())
					.append("\"\n");
			}
		});
		return md.toString();
	}

	public String html() {
		StringBuilder html = new StringBuilder();
		String version = Html.escape(this.rules.version());
		html.append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<title>Regelkatalog ").append(version).append("</title>\n");
		html.append(Html.STYLE);
		html.append("</head>\n<body>\n");
		html.append("<h1>Regelkatalog <span lang=\"en\">· Rule catalogue</span> ").append(version).append("</h1>\n");
		html.append("<dl>\n");
		html.append("<dt>Titel · Title</dt><dd>")
			.append(Html.escape(nullToEmpty(this.rules.descriptor().title())))
			.append("</dd>\n");
		html.append("<dt>I kraft fra · In force from</dt><dd>")
			.append(Html.escape(String.valueOf(this.rules.descriptor().inForceFrom())))
			.append("</dd>\n");
		html.append("<dt>Checksum</dt><dd><code>").append(Html.escape(this.rules.checksum())).append("</code></dd>\n");
		for (String change : this.rules.descriptor().changes()) {
			html.append("<dt>Ændring · Change</dt><dd>").append(Html.escape(change)).append("</dd>\n");
		}
		html.append("</dl>\n");
		byFile().forEach((file, rules) -> {
			html.append("<h2>").append(Html.escape(title(file))).append("</h2>\n");
			for (RuleMetadata rule : rules) {
				html.append("<section id=\"").append(Html.escape(rule.id())).append("\">\n");
				html.append("<h3>")
					.append(Html.escape(rule.id()))
					.append(" ")
					.append(Html.escape(sentence(rule)))
					.append("</h3>\n");
				html.append("<p lang=\"da\">").append(Html.escape(rule.text().da())).append("</p>\n");
				html.append("<p lang=\"en\" class=\"en\">").append(Html.escape(rule.text().en())).append("</p>\n");
				if (rule.nextStep() != null) {
					html.append("<p><strong>Næste skridt:</strong> ")
						.append(Html.escape(rule.nextStep().da()))
						.append(" <span lang=\"en\" class=\"en\">")
						.append(Html.escape(rule.nextStep().en()))
						.append("</span></p>\n");
				}
				html.append("<p class=\"source\">Kilde · Source: ")
					.append(Html.escape(rule.source().document()))
					.append(", “")
					.append(Html.escape(rule.source().section()))
					.append("”</p>\n</section>\n");
			}
		});
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private Map<String, List<RuleMetadata>> byFile() {
		Map<String, List<RuleMetadata>> byFile = new LinkedHashMap<>();
		for (String file : List.of("derived.drl", "tiers.drl", "flags.drl", "whynot.drl")) {
			byFile.put(file, List.of());
		}
		byFile.putAll(this.rules.rules().stream().collect(Collectors.groupingBy(RuleMetadata::file)));
		byFile.values().removeIf(List::isEmpty);
		return byFile;
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
