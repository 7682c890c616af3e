package dk.model3.workbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.model3.rules.RuleVersionFiles;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The diff of two versions' files, rule by rule, in Danish ({@link Changes}): a plain
 * function of the two immutable file sets. A rule is known by its {@code @id}; its
 * condition is compared constraint by constraint (a constraint on the same field with
 * another value is one change, "alder under 25 → under 30"), its texts and conclusion as
 * a whole. A rule file that does not parse is named among the files instead.
 */
final class RuleChanges {

	private static final Pattern INSERTED = Pattern.compile("insert(?:Logical)?\\s*\\(\\s*new\\s+(\\w+)\\s*\\(");

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

	private record Rule(String id, String file, String text, RuleDescr descr, Map<String, String> texts) {

		List<Atom> atoms(Parsed version) {
			List<Atom> atoms = new ArrayList<>();
			flatten(this.descr.getLhs(), atoms, version);
			return atoms;
		}

	}

	private record Parsed(Map<String, Rule> rules, Map<String, String> derived, List<String> unreadable) {
	}

	private static Parsed parse(RuleVersionFiles files) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		Map<String, String> derived = new LinkedHashMap<>();
		List<String> unreadable = new ArrayList<>();
		for (String name : new TreeSet<>(files.files().keySet())) {
			if (!name.endsWith(".drl")) {
				continue;
			}
			PackageDescr descr;
			DrlParser parser = new DrlParser();
			try {
				descr = parser.parse(false, files.files().get(name));
			}
			catch (DroolsParserException | RuntimeException | StackOverflowError ex) {
				descr = null;
			}
			if (descr == null || parser.hasErrors()) {
				unreadable.add(name);
				continue;
			}
			for (RuleDescr rule : descr.getRules()) {
				Map<String, String> texts = new LinkedHashMap<>();
				texts.put("name", rule.getName());
				for (AnnotationDescr annotation : rule.getAnnotations()) {
					Object value = annotation.getValueMap().get("value");
					if (value != null && !annotation.getName().equals("id")) {
						texts.put(annotation.getName(), unquoted(value.toString()));
					}
				}
				if (rule.getAttributes().containsKey("salience")) {
					texts.put("salience", rule.getAttributes().get("salience").getValue());
				}
				String then = (rule.getConsequence() != null) ? rule.getConsequence().toString().strip() : "";
				texts.put("then", then.lines().map(String::strip).collect(Collectors.joining(" ")));
				String id = (rule.getAnnotation("id") != null)
						? unquoted(rule.getAnnotation("id").getValue().toString()) : rule.getName();
				String text = texts.getOrDefault("da", rule.getName());
				rules.put(id, new Rule(id, name, text, rule, texts));
				Matcher inserted = INSERTED.matcher(then);
				while (inserted.find()) {
					derived.putIfAbsent(inserted.group(1), firstSentence(text) + " (" + id + ")");
				}
			}
		}
		return new Parsed(rules, derived, unreadable);
	}

	private static void flatten(BaseDescr descr, List<Atom> atoms, Parsed version) {
		if (descr instanceof AndDescr and) {
			and.getDescrs().forEach((inner) -> flatten(inner, atoms, version));
		}
		else if (descr instanceof PatternDescr pattern && !pattern.getDescrs().isEmpty()) {
			String type = pattern.getObjectType();
			for (BaseDescr constraint : pattern.getDescrs()) {
				String expression = expression(constraint);
				String field = expression.replaceFirst("^\\s*(?:\\$\\w+\\s*:\\s*)?!?\\s*([A-Za-z_]\\w*).*$", "$1");
				atoms.add(new Atom(type + "." + field, type + "( " + expression + " )",
						subject(type, version) + ConditionWords.constraint(type, expression)));
			}
		}
		else {
			atoms.add(new Atom(kind(descr), text(descr), words(descr, version)));
		}
	}

	// what a whole condition is about, to pair its two sides: "not JointPlanAge"
	private static String kind(BaseDescr descr) {
		if (descr instanceof NotDescr not && not.getDescrs().size() == 1) {
			return "not " + kind(not.getDescrs().get(0));
		}
		if (descr instanceof ExistsDescr exists && exists.getDescrs().size() == 1) {
			return "exists " + kind((BaseDescr) exists.getDescrs().get(0));
		}
		if (descr instanceof PatternDescr pattern) {
			return pattern.getObjectType();
		}
		return text(descr);
	}

	private static String text(BaseDescr descr) {
		if (descr instanceof PatternDescr pattern) {
			List<String> constraints = pattern.getDescrs().stream().map(RuleChanges::expression).toList();
			return pattern.getObjectType() + "("
					+ (constraints.isEmpty() ? "" : " " + String.join(", ", constraints) + " ") + ")";
		}
		if (descr instanceof NotDescr not) {
			return "not " + join(not.getDescrs(), " and ");
		}
		if (descr instanceof ExistsDescr exists) {
			return "exists " + join(exists.getDescrs(), " and ");
		}
		if (descr instanceof OrDescr or) {
			return "( " + join(or.getDescrs(), " or ") + " )";
		}
		if (descr instanceof AndDescr and) {
			return "( " + join(and.getDescrs(), " and ") + " )";
		}
		return String.valueOf(descr.getText());
	}

	private static String join(List<BaseDescr> descrs, String separator) {
		return descrs.stream().map(RuleChanges::text).collect(Collectors.joining(separator));
	}

	private static String words(BaseDescr descr, Parsed version) {
		if (descr instanceof PatternDescr pattern) {
			String type = pattern.getObjectType();
			if (pattern.getDescrs().isEmpty()) {
				return fact(type, version);
			}
			return subject(type, version) + pattern.getDescrs()
				.stream()
				.map((constraint) -> ConditionWords.constraint(type, expression(constraint)))
				.collect(Collectors.joining(" og "));
		}
		if (descr instanceof NotDescr not) {
			return "ikke: "
					+ not.getDescrs().stream().map((d) -> words(d, version)).collect(Collectors.joining(" og "));
		}
		if (descr instanceof ExistsDescr exists) {
			return "der findes: " + exists.getDescrs()
				.stream()
				.map((d) -> words((BaseDescr) d, version))
				.collect(Collectors.joining(" og "));
		}
		if (descr instanceof OrDescr or) {
			return "enten "
					+ or.getDescrs().stream().map((d) -> words(d, version)).collect(Collectors.joining(" eller "));
		}
		if (descr instanceof AndDescr and) {
			return and.getDescrs().stream().map((d) -> words(d, version)).collect(Collectors.joining(" og "));
		}
		return "betingelsen «" + text(descr) + "»";
	}

	// whose field a constraint tests: the citizen's need no words, others do
	private static String subject(String type, Parsed version) {
		return switch (type) {
			case "Profile", "Outcome", "FlagRaised" -> "";
			default -> fact(type, version) + ", hvor ";
		};
	}

	// a fact in words: a derived fact by the rule that derives it
	private static String fact(String type, Parsed version) {
		return switch (type) {
			case "Outcome" -> "et udfald";
			case "FlagRaised" -> "en markering";
			case "Profile" -> "borgeren";
			default -> ConditionWords.small(version.derived().getOrDefault(type, type));
		};
	}

	private static String expression(BaseDescr constraint) {
		if (constraint instanceof ExprConstraintDescr expr) {
			return expr.getExpression().strip();
		}
		if (constraint instanceof BindingDescr binding) {
			return binding.getVariable() + " : " + binding.getExpression();
		}
		return String.valueOf(constraint.getText());
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

	private static String unquoted(String value) {
		String text = value.strip();
		return (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\""))
				? text.substring(1, text.length() - 1) : text;
	}

}
