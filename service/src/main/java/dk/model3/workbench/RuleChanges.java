package dk.model3.workbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.RuleOutline;
import dk.model3.rules.language.RuleOutline.Condition;
import dk.model3.rules.language.RuleOutline.Group;
import dk.model3.rules.language.RuleOutline.Kind;
import dk.model3.rules.language.RuleOutline.Pattern;

/**
 * The diff of two versions' files, rule by rule, in Danish ({@link Changes}): a plain
 * function of the two immutable file sets. A rule is known by its {@code @id}; its
 * condition is compared constraint by constraint (a constraint on the same field with
 * another value is one change, "alder under 25 → under 30"), its texts and conclusion as
 * a whole. A rule file that does not parse is named among the files instead.
 */
final class RuleChanges {

	private static final java.util.regex.Pattern INSERTED = java.util.regex.Pattern
		.compile("insert(?:Logical)?\\s*\\(\\s*new\\s+(\\w+)\\s*\\(");

	// the texts of a rule as the diff names them, in this order
	private static final Map<String, String> TEXTS = texts();

	private RuleChanges() {
	}

	static Changes between(RuleVersionFiles from, RuleVersionFiles draft) {
		Parsed before = parse(from);
		Parsed after = parse(draft);
		List<Changes.RuleChange> rules = new ArrayList<>();
		for (Rule rule : after.rules().values()) {
			Rule old = before.rules().get(rule.id());
			if (old == null && before.unreadable().contains(rule.file())) {
				// its file cannot be read on the other side: named among the files
				continue;
			}
			if (old == null) {
				rules.add(new Changes.RuleChange(rule.id(), "ADDED", rule.file(), rule.text(),
						rule.id() + " er tilføjet: " + rule.text(), conditions(List.of(), rule.atoms(after)),
						List.of()));
			}
			else {
				List<Changes.Line> conditions = conditions(old.atoms(before), rule.atoms(after));
				List<Changes.Line> texts = texts(old, rule);
				if (!conditions.isEmpty() || !texts.isEmpty()) {
					List<String> sentences = new ArrayList<>();
					conditions.forEach((line) -> sentences.add(line.da()));
					texts.forEach((line) -> sentences.add(line.da()));
					rules.add(new Changes.RuleChange(rule.id(), "CHANGED", rule.file(), rule.text(),
							rule.id() + ": " + String.join("; ", sentences), conditions, texts));
				}
			}
		}
		for (Rule rule : before.rules().values()) {
			if (!after.rules().containsKey(rule.id()) && !after.unreadable().contains(rule.file())) {
				rules.add(new Changes.RuleChange(rule.id(), "REMOVED", rule.file(), rule.text(),
						rule.id() + " er fjernet: " + rule.text(), conditions(rule.atoms(before), List.of()),
						List.of()));
			}
		}
		List<Changes.FileChange> files = files(from, draft);
		before.unreadable().forEach((file) -> files.add(unreadable(file, from.folder())));
		after.unreadable().forEach((file) -> files.add(unreadable(file, draft.folder())));
		return new Changes(from.folder(), draft.folder(), checksum(from, draft), List.copyOf(rules), ScenarioDiff
			.between(from.files().get(RuleVersionFiles.SCENARIOS), draft.files().get(RuleVersionFiles.SCENARIOS)),
				List.copyOf(files));
	}

	/**
	 * A rule's top-level conditions in Danish words, in its order ("ikke: borgeren er
	 * fyldt 25 år (D-15)"), read as the diff reads them; empty when no file of the
	 * version has the rule or a file does not parse.
	 */
	static List<String> conditionWords(RuleVersionFiles files, String ruleId) {
		return conditionWords(files, ruleId, "da");
	}

	/** The same in the words of a language: "da", or "en" for the English pages. */
	static List<String> conditionWords(RuleVersionFiles files, String ruleId, String lang) {
		Parsed version = parse(files, lang);
		Rule rule = version.rules().get(ruleId);
		if (rule == null) {
			return List.of();
		}
		List<Condition> conditions = (rule.when() instanceof Group and && and.kind() == Kind.AND) ? and.inner()
				: List.of(rule.when());
		return conditions.stream().map((condition) -> ConditionWords.small(words(condition, version))).toList();
	}

	private static Changes.FileChange unreadable(String file, String version) {
		return new Changes.FileChange(file, "UNREADABLE", file + " i " + version
				+ " kan ikke læses som regler; ret syntaksfejlen for at se ændringerne regel for regel");
	}

	private static String checksum(RuleVersionFiles from, RuleVersionFiles draft) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("changes\n" + from.checksum() + "\n" + draft.checksum()).getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Changes.FileChange> files(RuleVersionFiles from, RuleVersionFiles draft) {
		List<Changes.FileChange> files = new ArrayList<>();
		for (String name : new TreeSet<>(union(from.files().keySet(), draft.files().keySet()))) {
			String before = from.files().get(name);
			String after = draft.files().get(name);
			if (before == null) {
				files.add(new Changes.FileChange(name, "ADDED", name + " er tilføjet"));
			}
			else if (after == null) {
				files.add(new Changes.FileChange(name, "REMOVED", name + " er fjernet"));
			}
			else if (!before.equals(after)) {
				files.add(new Changes.FileChange(name, "CHANGED", name + " er ændret"));
			}
		}
		return files;
	}

	private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
		java.util.Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

	/**
	 * The conditions' changes: the same constraint on both sides is no change; of the
	 * rest, one on the same field (or the same negated fact) on both sides is changed,
	 * the others added or removed.
	 */
	private static List<Changes.Line> conditions(List<Atom> before, List<Atom> after) {
		List<Atom> removed = new ArrayList<>(before);
		List<Atom> added = new ArrayList<>();
		for (Atom atom : after) {
			if (!removed.remove(atom)) {
				added.add(atom);
			}
		}
		List<Changes.Line> lines = new ArrayList<>();
		for (Iterator<Atom> each = added.iterator(); each.hasNext();) {
			Atom atom = each.next();
			Atom old = removed.stream()
				.filter((candidate) -> candidate.key().equals(atom.key()))
				.findFirst()
				.orElse(null);
			if (old != null) {
				removed.remove(old);
				each.remove();
				lines.add(new Changes.Line(changed(old.da(), atom.da()), old.text(), atom.text()));
			}
		}
		added.forEach((atom) -> lines.add(new Changes.Line("betingelse tilføjet: " + atom.da(), null, atom.text())));
		removed.forEach((atom) -> lines.add(new Changes.Line("betingelse fjernet: " + atom.da(), atom.text(), null)));
		return lines;
	}

	// "alder under 25" and "alder under 30": "alder under 25 → under 30"
	private static String changed(String before, String after) {
		int common = 0;
		String[] a = before.split(" ");
		String[] b = after.split(" ");
		while (common < Math.min(a.length, b.length) - 1 && a[common].equals(b[common])
				&& !OPERATOR_WORDS.contains(a[common])) {
			common++;
		}
		return before + " → " + String.join(" ", List.of(b).subList(common, b.length));
	}

	private static final java.util.Set<String> OPERATOR_WORDS = java.util.Set.of("under", "højst", "over", "mindst",
			"er", "omfatter");

	private static List<Changes.Line> texts(Rule before, Rule after) {
		List<Changes.Line> lines = new ArrayList<>();
		TEXTS.forEach((key, words) -> {
			String old = before.texts().get(key);
			String now = after.texts().get(key);
			if (!Objects.equals(old, now)) {
				lines.add(new Changes.Line(
						words + ((old == null) ? " er tilføjet" : (now == null) ? " er fjernet" : " er ændret"), old,
						now));
			}
		});
		return lines;
	}

	private static Map<String, String> texts() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("name", "navnet");
		texts.put("da", "teksten på dansk");
		texts.put("en", "teksten på engelsk");
		texts.put("nextDa", "næste skridt på dansk");
		texts.put("nextEn", "næste skridt på engelsk");
		texts.put("source", "kilden");
		texts.put("section", "afsnittet i kilden");
		texts.put("statute", "loven");
		texts.put("salience", "rækkefølgen (salience)");
		texts.put("then", "konklusionen");
		return texts;
	}

	/** One condition of a rule: its text as written, its words, and what it is about. */
	private record Atom(String key, String text, String da) {
	}

	private record Rule(String id, String file, String text, Condition when, Map<String, String> texts) {

		List<Atom> atoms(Parsed version) {
			List<Atom> atoms = new ArrayList<>();
			flatten(this.when, atoms, version);
			return atoms;
		}

	}

	private record Parsed(Map<String, Rule> rules, Map<String, String> derived, List<String> unreadable, String lang) {
	}

	private static Parsed parse(RuleVersionFiles files) {
		return parse(files, "da");
	}

	// the rules of a version; a derived fact in words by its rule's text in the language
	private static Parsed parse(RuleVersionFiles files, String lang) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		Map<String, String> derived = new LinkedHashMap<>();
		List<String> unreadable = new ArrayList<>();
		for (String name : new TreeSet<>(files.files().keySet())) {
			if (!name.endsWith(".drl")) {
				continue;
			}
			Optional<List<RuleOutline>> outlines = RuleOutline.of(files.files().get(name));
			if (outlines.isEmpty()) {
				unreadable.add(name);
				continue;
			}
			for (RuleOutline rule : outlines.get()) {
				Map<String, String> texts = new LinkedHashMap<>();
				texts.put("name", rule.name());
				texts.putAll(rule.metadata());
				if (rule.salience() != null) {
					texts.put("salience", rule.salience());
				}
				texts.put("then", rule.then().lines().map(String::strip).collect(Collectors.joining(" ")));
				String text = texts.getOrDefault("da", rule.name());
				rules.put(rule.id(), new Rule(rule.id(), name, text, rule.when(), texts));
				Matcher inserted = INSERTED.matcher(rule.then());
				while (inserted.find()) {
					derived.putIfAbsent(inserted.group(1),
							firstSentence(texts.getOrDefault(lang, text)) + " (" + rule.id() + ")");
				}
			}
		}
		return new Parsed(rules, derived, unreadable, lang);
	}

	private static void flatten(Condition condition, List<Atom> atoms, Parsed version) {
		if (condition instanceof Group and && and.kind() == Kind.AND) {
			and.inner().forEach((inner) -> flatten(inner, atoms, version));
		}
		else if (condition instanceof Pattern pattern && !pattern.constraints().isEmpty()) {
			String type = pattern.type();
			for (String expression : pattern.constraints()) {
				String field = expression.replaceFirst("^\\s*(?:\\$\\w+\\s*:\\s*)?!?\\s*([A-Za-z_]\\w*).*$", "$1");
				atoms.add(new Atom(type + "." + field, type + "( " + expression + " )",
						subject(type, version) + ConditionWords.constraint(type, expression)));
			}
		}
		else {
			atoms.add(new Atom(kind(condition), text(condition), words(condition, version)));
		}
	}

	// what a whole condition is about, to pair its two sides: "not JointPlanAge"
	private static String kind(Condition condition) {
		if (condition instanceof Group group && group.inner().size() == 1
				&& (group.kind() == Kind.NOT || group.kind() == Kind.EXISTS)) {
			return group.kind().name().toLowerCase(Locale.ROOT) + " " + kind(group.inner().get(0));
		}
		if (condition instanceof Pattern pattern) {
			return pattern.type();
		}
		return text(condition);
	}

	private static String text(Condition condition) {
		if (condition instanceof Pattern pattern) {
			return pattern.type() + "("
					+ (pattern.constraints().isEmpty() ? "" : " " + String.join(", ", pattern.constraints()) + " ")
					+ ")";
		}
		if (condition instanceof Group group) {
			return switch (group.kind()) {
				case NOT -> "not " + join(group.inner(), " and ");
				case EXISTS -> "exists " + join(group.inner(), " and ");
				case OR -> "( " + join(group.inner(), " or ") + " )";
				case AND -> "( " + join(group.inner(), " and ") + " )";
			};
		}
		return ((RuleOutline.Other) condition).text();
	}

	private static String join(List<Condition> conditions, String separator) {
		return conditions.stream().map(RuleChanges::text).collect(Collectors.joining(separator));
	}

	private static String words(Condition condition, Parsed version) {
		boolean english = "en".equals(version.lang());
		if (condition instanceof Pattern pattern) {
			String type = pattern.type();
			if (pattern.constraints().isEmpty()) {
				return fact(type, version);
			}
			return subject(type, version) + pattern.constraints()
				.stream()
				.map((constraint) -> ConditionWords.constraint(version.lang(), type, constraint))
				.collect(Collectors.joining(english ? " and " : " og "));
		}
		if (condition instanceof Group group) {
			String prefix = switch (group.kind()) {
				case NOT -> english ? "not: " : "ikke: ";
				case EXISTS -> english ? "there is: " : "der findes: ";
				case OR -> english ? "either " : "enten ";
				case AND -> "";
			};
			String separator = (group.kind() == Kind.OR) ? (english ? " or " : " eller ")
					: (english ? " and " : " og ");
			return prefix + group.inner()
				.stream()
				.map((inner) -> words(inner, version))
				.collect(Collectors.joining(separator));
		}
		return (english ? "the condition «" : "betingelsen «") + text(condition) + "»";
	}

	// whose field a constraint tests: the citizen's need no words, others do
	private static String subject(String type, Parsed version) {
		return switch (type) {
			case "Profile", "Outcome", "FlagRaised" -> "";
			default -> fact(type, version) + ("en".equals(version.lang()) ? ", where " : ", hvor ");
		};
	}

	// a fact in words: a derived fact by the rule that derives it
	private static String fact(String type, Parsed version) {
		boolean english = "en".equals(version.lang());
		return switch (type) {
			case "Outcome" -> english ? "an outcome" : "et udfald";
			case "FlagRaised" -> english ? "a flag" : "en markering";
			case "Profile" -> english ? "the citizen" : "borgeren";
			default -> ConditionWords.small(version.derived().getOrDefault(type, type));
		};
	}

	// a derived fact's words: its rule's first sentence, up to a colon that lists the
	// details
	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		String sentence = (end > 0) ? text.substring(0, end) : text;
		int colon = sentence.indexOf(": ");
		sentence = (colon > 20) ? sentence.substring(0, colon) : sentence;
		return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
	}

}
