package dk.model3.workbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dk.model3.facts.Flag;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.SourceDocument;
import dk.model3.rules.language.RuleEdit;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.versions.ConditionalOnVersionStore;

import org.springframework.stereotype.Service;

/**
 * The guided view of a draft's rules, for a policy consultant who does not program: each
 * rule by its id and Danish name, its texts and source, and its conditions in Danish with
 * the values that may change as form fields ({@link RuleEdit}). A save writes the rule
 * file back through {@link Drafts#save}, so the same validation, history and checks apply
 * as to a save from the text editor.
 */
@Service
@ConditionalOnVersionStore
class GuidedRules {

	private final Drafts drafts;

	private final RuleLoader loader;

	GuidedRules(Drafts drafts, RuleLoader loader) {
		this.drafts = drafts;
		this.loader = loader;
	}

	/** A rule in the draft's list: its file, id and Danish name. */
	record Entry(String file, String ruleId, String name) {
	}

	/**
	 * A rule file of the draft in the list, with its rules; none when it does not parse.
	 */
	record FileEntry(String file, boolean readable, List<Entry> rules) {
	}

	/**
	 * The guided form of one rule.
	 *
	 * @param seen the checksum of the rule file shown: a save names it, and is refused
	 * when the file changed since
	 */
	record Form(String draft, String file, String ruleId, String name, List<Text> texts, List<SourceChoice> sources,
			List<ConditionForm> conditions, String seen) {
	}

	/** A text of the rule: its metadata name and its value. */
	record Text(String name, String value) {
	}

	/** A source document the rule may cite: its file and title. */
	record SourceChoice(String file, String title) {
	}

	/** A condition in Danish words, with its fields. */
	record ConditionForm(String words, List<Field> fields) {
	}

	/**
	 * A value of a condition as a form field: its index, label in words, kind, value and
	 * the choices (value and words) of a choice or yes/no.
	 */
	record Field(int index, String label, String kind, String value, List<Choice> choices) {
	}

	/** A choice of a field: the value sent and its words. */
	record Choice(String value, String words) {
	}

	/**
	 * A save's outcome: the file written, whether anything changed (nothing is committed
	 * when nothing did), and the draft's validation problems.
	 */
	record Saved(String file, boolean changed, List<CheckResults.Problem> problems) {
	}

	/** What a save sent that cannot be written: each field at fault, in Danish. */
	static final class Refused extends RuntimeException {

		private final transient List<RuleEdit.Refusal> refusals;

		Refused(List<RuleEdit.Refusal> refusals) {
			super(refusals.stream()
				.map((each) -> each.field() + ": " + each.message())
				.collect(Collectors.joining("; ")), null, false, false);
			this.refusals = List.copyOf(refusals);
		}

		List<RuleEdit.Refusal> refusals() {
			return this.refusals;
		}

	}

	/** Every rule file of the draft with its rules, in the files' order, in Danish. */
	List<FileEntry> list(String id) {
		return list(id, "da");
	}

	/** The same in the words of a language: "da", or "en" for the English pages. */
	List<FileEntry> list(String id, String lang) {
		RuleVersionFiles files = this.drafts.files(id);
		List<FileEntry> entries = new ArrayList<>();
		new TreeMap<>(files.files()).forEach((file, text) -> {
			if (!file.endsWith(".drl")) {
				return;
			}
			Optional<List<RuleEdit.Rule>> rules = RuleEdit.rules(text);
			entries.add(new FileEntry(file, rules.isPresent(),
					rules.orElse(List.of())
						.stream()
						.map((rule) -> new Entry(file, rule.id(), name(rule, lang)))
						.toList()));
		});
		return entries;
	}

	/** The form of a rule; {@link DraftNotFound} when no readable file has it. */
	Form form(String id, String ruleId) {
		return form(id, ruleId, "da");
	}

	/** The form in the words of a language: "da", or "en" for the English pages. */
	Form form(String id, String ruleId, String lang) {
		RuleVersionFiles files = this.drafts.files(id);
		Located located = locate(files, ruleId);
		RuleEdit.Rule rule = located.rule();
		List<String> words = RuleChanges.conditionWords(files, ruleId, lang);
		List<ConditionForm> conditions = new ArrayList<>();
		for (int i = 0; i < rule.conditions().size(); i++) {
			RuleEdit.Condition condition = rule.conditions().get(i);
			String sentence = (words.size() == rule.conditions().size()) ? capitalized(words.get(i))
					: ConditionWords.word(lang, "guided.condition", "Betingelse") + " " + (i + 1);
			conditions.add(new ConditionForm(sentence,
					condition.values().stream().map((value) -> field(value, lang)).toList()));
		}
		List<Text> texts = RuleEdit.TEXTS.stream()
			.filter(rule.texts()::containsKey)
			.map((name) -> new Text(name, rule.texts().get(name)))
			.toList();
		return new Form(id, located.file(), ruleId, name(rule, lang), texts, sources(), conditions,
				checksum(files.files().get(located.file())));
	}

	/**
	 * Writes the rule's new values and texts into its file and saves the file as the text
	 * editor does, with the problems of the draft's validation, each at its line.
	 * @param seen the checksum of the file the form showed
	 * @throws Refused naming each field that cannot be written; nothing is saved
	 */
	Saved save(String id, String ruleId, Map<Integer, String> values, Map<String, String> texts, String seen,
			String user) {
		RuleVersionFiles files = this.drafts.files(id);
		Located located = locate(files, ruleId);
		String text = files.files().get(located.file());
		requireSeen(text, seen);
		Set<String> sources = this.loader.sources().stream().map(SourceDocument::file).collect(Collectors.toSet());
		String changed;
		try {
			changed = RuleEdit.apply(text, ruleId, values, texts, sources);
		}
		catch (RuleEdit.Refused ex) {
			throw new Refused(ex.refusals());
		}
		if (changed.equals(text)) {
			return new Saved(located.file(), false, List.of());
		}
		return new Saved(located.file(), true, this.drafts.save(id, located.file(), changed, user));
	}

	/**
	 * The rule file a flag rule from the template goes into, and the only one rules are
	 * removed from.
	 */
	static final String FLAGS = "flags.drl";

	/**
	 * The template of a new flag rule: the flags to raise and sources to cite with their
	 * words, the conditions it offers, and a free id.
	 */
	record TemplateForm(String draft, String suggestedId, List<Choice> flags, List<SourceChoice> sources,
			List<TemplateField> conditions, String seen) {
	}

	/** A condition the template offers: its name, kind and choices in words. */
	record TemplateField(String name, String kind, List<Choice> choices) {
	}

	TemplateForm template(String id) {
		return template(id, "da");
	}

	/** The template in the words of a language: "da", or "en" for the English pages. */
	TemplateForm template(String id, String lang) {
		RuleVersionFiles files = this.drafts.files(id);
		Set<String> ids = ids(files);
		int number = 1;
		while (ids.contains("F-%02d".formatted(number)) && number < 99) {
			number++;
		}
		List<Choice> flags = flagChoices(lang);
		List<TemplateField> conditions = Arrays.stream(RuleEdit.TemplateCondition.values())
			.map((condition) -> new TemplateField(condition.name(), condition.kind().name(), condition.choices()
				.stream()
				.map((constant) -> new Choice(constant, ConditionWords.choice(lang, condition.enumType(), constant)))
				.toList()))
			.toList();
		String text = files.files().get(FLAGS);
		return new TemplateForm(id, "F-%02d".formatted(number), flags, sources(), conditions,
				(text != null) ? checksum(text) : null);
	}

	private static List<Choice> flagChoices(String lang) {
		return Arrays.stream(Flag.values())
			.map((flag) -> new Choice(flag.name(), ConditionWords.choice(lang, "Flag", flag.name())))
			.toList();
	}

	/**
	 * Appends a flag rule from the template to the draft's flags.drl and saves the file.
	 * @param seen the checksum of flags.drl the template showed (null: not checked)
	 * @throws Refused naming each field at fault; nothing is saved
	 */
	Saved addFlag(String id, RuleEdit.FlagTemplate template, String seen, String user) {
		RuleVersionFiles files = this.drafts.files(id);
		String text = files.files().get(FLAGS);
		if (text == null) {
			throw new Refused(
					List.of(new RuleEdit.Refusal("id", "udkastet har ingen fil med markeringer (" + FLAGS + ")")));
		}
		requireSeen(text, seen);
		Set<String> sources = this.loader.sources().stream().map(SourceDocument::file).collect(Collectors.toSet());
		try {
			String changed = RuleEdit.addFlagRule(text, template, sources, ids(files));
			return new Saved(FLAGS, true, this.drafts.save(id, FLAGS, changed, user));
		}
		catch (RuleEdit.Refused ex) {
			throw new Refused(ex.refusals());
		}
	}

	/**
	 * Removes a flag rule from the draft's flags.drl and saves the file; a rule of
	 * another file is refused (its removal is a structural change: the text editor).
	 */
	Saved remove(String id, String ruleId, String seen, String user) {
		RuleVersionFiles files = this.drafts.files(id);
		Located located = locate(files, ruleId);
		if (!located.file().equals(FLAGS)) {
			throw new Refused(List.of(new RuleEdit.Refusal("ruleId",
					"kun en markering kan fjernes her; andre regler fjerner du i den avancerede redigering")));
		}
		requireSeen(files.files().get(FLAGS), seen);
		try {
			String changed = RuleEdit.remove(files.files().get(FLAGS), ruleId);
			return new Saved(FLAGS, true, this.drafts.save(id, FLAGS, changed, user));
		}
		catch (RuleEdit.Refused ex) {
			throw new Refused(ex.refusals());
		}
	}

	// a save names the checksum of the file it was shown; another is refused as "seen"
	private static void requireSeen(String text, String seen) {
		if (seen != null && !seen.equals(checksum(text))) {
			throw new Refused(List.of(new RuleEdit.Refusal("seen",
					"reglens fil er ændret, siden du åbnede formularen; åbn reglen igen, og gør ændringen igen")));
		}
	}

	private List<SourceChoice> sources() {
		return this.loader.sources().stream().map((source) -> new SourceChoice(source.file(), source.title())).toList();
	}

	// the ids of every readable rule of the version
	private static Set<String> ids(RuleVersionFiles files) {
		Set<String> ids = new HashSet<>();
		files.files().forEach((name, text) -> {
			if (name.endsWith(".drl")) {
				RuleEdit.rules(text).ifPresent((rules) -> rules.forEach((rule) -> ids.add(rule.id())));
			}
		});
		return ids;
	}

	private record Located(String file, RuleEdit.Rule rule) {
	}

	private static Located locate(RuleVersionFiles files, String ruleId) {
		for (Map.Entry<String, String> file : new TreeMap<>(files.files()).entrySet()) {
			if (!file.getKey().endsWith(".drl")) {
				continue;
			}
			Optional<RuleEdit.Rule> rule = RuleEdit.rules(file.getValue())
				.flatMap((rules) -> rules.stream().filter((each) -> each.id().equals(ruleId)).findFirst());
			if (rule.isPresent()) {
				return new Located(file.getKey(), rule.get());
			}
		}
		throw new DraftNotFound(files.folder(),
				"The draft " + files.folder() + " has no readable rule " + ruleId + ".");
	}

	// the rule's name: the first sentence of its text in the language (Danish, or
	// English)
	private static String name(RuleEdit.Rule rule, String lang) {
		String text = rule.texts().getOrDefault(lang, rule.texts().getOrDefault("da", rule.name()));
		int end = text.indexOf(". ");
		return (end > 0) ? text.substring(0, end + 1) : text;
	}

	private static Field field(RuleEdit.Value value, String lang) {
		boolean alone = value.kind() == RuleEdit.Kind.YES_NO && value.operator().equals("==");
		String label = ConditionWords.label(lang, value.fact(), value.field(), value.operator(), alone);
		List<Choice> choices = switch (value.kind()) {
			case CHOICE -> value.choices()
				.stream()
				.map((constant) -> new Choice(constant, ConditionWords.choice(lang, value.enumType(), constant)))
				.toList();
			case YES_NO -> List.of(new Choice("true", ConditionWords.word(lang, "fact.true", "ja")),
					new Choice("false", ConditionWords.word(lang, "fact.false", "nej")));
			case NUMBER -> List.of();
		};
		return new Field(value.index(), label, value.kind().name(), value.value(), choices);
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String checksum(String text) {
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
