package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dk.model3.rules.language.DrlTokens.NotAllowed;
import dk.model3.rules.language.DrlTokens.Token;

/**
 * A rule file's rules as a form a policy consultant fills in, and the form written back.
 * The rule language compares one field with a constant, so each constant of a rule's
 * conditions is a value the form may change: a whole number ({@code age >= 25}), a value
 * of a facts enum ({@code benefit == Benefit.CASH_BENEFIT}) or yes/no
 * ({@code measuresSentence}, {@code !placedOutOfHome}, {@code x == true}); and each of
 * its texts ({@code @da}, {@code @en}, {@code @source} …) is a text the form may change.
 * Writing back replaces only the tokens of the values and texts that changed, every other
 * byte of the file stays as it was, and every new value is allow-listed first: a number
 * from {@value #MIN_NUMBER} to {@value #MAX_NUMBER}, one of the enum's constants, yes or
 * no, a text of {@link PolicyText}'s characters, a source of the version's list. A text
 * is data: it cannot end its string, since a quote or a backslash is refused.
 */
public final class RuleEdit {

	/** The smallest number a value may take. */
	public static final int MIN_NUMBER = 0;

	/** The largest number a value may take (an age, a count of departments). */
	public static final int MAX_NUMBER = 150;

	/** The longest text, so the line that holds it stays within the file limits. */
	public static final int MAX_TEXT = 900;

	/** The texts of a rule the form may change, in the order a page shows them. */
	public static final List<String> TEXTS = List.of("da", "en", "nextDa", "nextEn", "source", "section", "statute");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,3}");

	private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

	private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "contains", "memberOf", "and",
			"or", "exists", "size");

	private RuleEdit() {
	}

	/** What kind of value a form field takes. */
	public enum Kind {

		/** A whole number. */
		NUMBER,
		/** One of the constants of a facts enum ({@link Value#choices()}). */
		CHOICE,
		/** Yes or no: {@code true} or {@code false}. */
		YES_NO

	}

	/**
	 * A value of a condition the form may change.
	 *
	 * @param index its number in the rule, from 0, in the file's order
	 * @param fact the fact whose field the condition tests ({@code Profile})
	 * @param field the field as written ({@code age}, {@code problems.size()})
	 * @param operator {@code >=}, {@code contains}, {@code not contains} …; {@code ==}
	 * for a yes/no field written alone
	 * @param kind what it takes
	 * @param value the value now: the number, the enum constant's name, true or false
	 * @param enumType the facts enum of a choice, or null
	 * @param choices the enum's constants in their declared order (empty but for a
	 * choice)
	 */
	public record Value(int index, String fact, String field, String operator, Kind kind, String value, String enumType,
			List<String> choices) {
	}

	/** A condition of a rule's {@code when}, as written, with its values. */
	public record Condition(String text, List<Value> values) {
	}

	/**
	 * A rule of the file.
	 *
	 * @param id its {@code @id}, or its name when it has none
	 * @param name its name
	 * @param texts its texts by metadata name ({@code da}, {@code source} …), unquoted,
	 * in the file's order; not its id
	 * @param conditions its top-level conditions in the file's order
	 */
	public record Rule(String id, String name, Map<String, String> texts, List<Condition> conditions) {
	}

	/** A field the form sent that cannot be written, and why, in Danish. */
	public record Refusal(String field, String message) {
	}

	/**
	 * What was sent cannot be written: every field at fault, named as {@code values/3} or
	 * {@code texts/da}. Nothing was written.
	 */
	public static final class Refused extends Exception {

		private final transient List<Refusal> refusals;

		Refused(List<Refusal> refusals) {
			super(refusals.toString(), null, false, false);
			this.refusals = List.copyOf(refusals);
		}

		public List<Refusal> refusals() {
			return this.refusals;
		}

	}

	/**
	 * The rules of a file, in its order; empty when the file does not parse (the text
	 * editor shows why).
	 */
	public static Optional<List<Rule>> rules(String drl) {
		return read(drl).map((rules) -> rules.stream().map(Found::rule).toList());
	}

	/**
	 * The file with a rule's values and texts changed; a value or text sent as it is is
	 * no change.
	 * @param drl the rule file
	 * @param ruleId the rule's id
	 * @param values new values by their index ({@link Value#index()}), as text
	 * @param texts new texts by metadata name; only texts the rule has
	 * @param sources the source files a rule may cite
	 * @throws Refused naming each field that cannot be written; also when the file does
	 * not parse or has no such rule (field {@code ruleId})
	 */
	public static String apply(String drl, String ruleId, Map<Integer, String> values, Map<String, String> texts,
			Set<String> sources) throws Refused {
		Found rule = find(drl, ruleId);
		List<Refusal> refusals = new ArrayList<>();
		List<Replacement> replacements = new ArrayList<>();
		Map<Integer, Slot> slots = new LinkedHashMap<>();
		rule.slots().forEach((slot) -> slots.put(slot.value().index(), slot));
		values.forEach((index, sent) -> {
			String field = "values/" + index;
			Slot slot = slots.get(index);
			if (slot == null) {
				refusals.add(new Refusal(field, "reglen har ingen værdi nummer " + index));
				return;
			}
			String value = (sent != null) ? sent.strip() : "";
			String refusal = refusal(slot.value(), value);
			if (refusal != null) {
				refusals.add(new Refusal(field, refusal));
			}
			else if (!value.equals(slot.value().value())) {
				replacements.add(new Replacement(slot.start(), slot.end(), written(slot, value)));
			}
		});
		texts.forEach((name, sent) -> {
			String field = "texts/" + name;
			Token token = rule.texts().get(name);
			if (token == null || !TEXTS.contains(name)) {
				refusals.add(new Refusal(field, "reglen har ingen tekst, der hedder " + name));
				return;
			}
			String text = (sent != null) ? sent.strip() : "";
			String refusal = textRefusal(name, text, sources);
			if (refusal != null) {
				refusals.add(new Refusal(field, refusal));
			}
			else if (!text.equals(unquoted(token.text()))) {
				replacements
					.add(new Replacement(token.offset(), token.offset() + token.text().length(), "\"" + text + "\""));
			}
		});
		if (!refusals.isEmpty()) {
			throw new Refused(refusals);
		}
		return replaced(drl, replacements);
	}

	/**
	 * Why a value cannot be written, in Danish, or null when it can: the allow-list of
	 * its kind.
	 */
	static String refusal(Value value, String sent) {
		return switch (value.kind()) {
			case NUMBER -> (WHOLE_NUMBER.matcher(sent).matches() && Integer.parseInt(sent) >= MIN_NUMBER
					&& Integer.parseInt(sent) <= MAX_NUMBER) ? null
							: "skriv et helt tal fra " + MIN_NUMBER + " til " + MAX_NUMBER;
			case CHOICE -> value.choices().contains(sent) ? null : "vælg en af værdierne på listen";
			case YES_NO -> (sent.equals("true") || sent.equals("false")) ? null : "vælg ja eller nej";
		};
	}

	private static String textRefusal(String name, String text, Set<String> sources) {
		if (text.isEmpty()) {
			return "skriv teksten; den må ikke være tom";
		}
		if (text.length() > MAX_TEXT) {
			return "teksten er " + text.length() + " tegn; højst " + MAX_TEXT;
		}
		if (name.equals("source") && !sources.contains(text)) {
			return "vælg en af kilderne på listen";
		}
		String refusal = PolicyText.refusal("Teksten", text);
		return (refusal != null) ? refusal.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + refusal.substring(1)
				: null;
	}

	// the tokens a value is written as: a yes/no field alone as the field or its negation
	private static String written(Slot slot, String sent) {
		return switch (slot.value().kind()) {
			case NUMBER -> String.valueOf(Integer.parseInt(sent));
			case CHOICE -> slot.value().enumType() + "." + sent;
			case YES_NO -> slot.alone() ? (sent.equals("true") ? "" : "!") + slot.value().field() : sent;
		};
	}

	private static String replaced(String drl, List<Replacement> replacements) {
		StringBuilder text = new StringBuilder(drl);
		replacements.stream()
			.sorted(Comparator.comparingInt(Replacement::start).reversed())
			.forEach((each) -> text.replace(each.start(), each.end(), each.text()));
		return text.toString();
	}

	/**
	 * The conditions a flag rule made from the template may have, each with one value: a
	 * fixed small set, so a consultant adds a flag without writing a condition.
	 */
	public enum TemplateCondition {

		/** The citizen is at least this old. */
		AGE_AT_LEAST(Kind.NUMBER, null, "Profile( age >= %s )"),
		/** The citizen is under this age. */
		AGE_UNDER(Kind.NUMBER, null, "Profile( age < %s )"),
		/** At least this many departments are involved. */
		DEPARTMENTS_AT_LEAST(Kind.NUMBER, null, "Profile( departmentsInvolved != null, departmentsInvolved >= %s )"),
		/** The outcome's tier is this one. */
		TIER(Kind.CHOICE, "Tier", "Outcome( tier == Tier.%s )"),
		/** The citizen receives this benefit. */
		BENEFIT(Kind.CHOICE, "Benefit", "Profile( benefit == Benefit.%s )"),
		/** The citizen has this problem. */
		PROBLEM(Kind.CHOICE, "Problem", "Profile( problems contains Problem.%s )"),
		/** The citizen's employment potential is this one. */
		EMPLOYMENT_POTENTIAL(Kind.CHOICE, "EmploymentPotential",
				"Profile( employmentPotential == EmploymentPotential.%s )");

		private final Kind kind;

		private final String enumType;

		private final String pattern;

		TemplateCondition(Kind kind, String enumType, String pattern) {
			this.kind = kind;
			this.enumType = enumType;
			this.pattern = pattern;
		}

		public Kind kind() {
			return this.kind;
		}

		/** The facts enum of a choice, or null. */
		public String enumType() {
			return this.enumType;
		}

		/** The choices of a choice, in the enum's order; empty for a number. */
		public List<String> choices() {
			return (this.enumType != null) ? FactVocabulary.get().enumConstants(this.enumType) : List.of();
		}

	}

	/**
	 * A new flag rule from the template.
	 *
	 * @param id its id, {@code F-} and two digits, no other rule's
	 * @param flag the flag it raises, a constant of {@code Flag}
	 * @param texts da, en and section required, source one of the sources, nextDa and
	 * nextEn both or neither
	 * @param conditions its conditions with their values, at least one
	 */
	public record FlagTemplate(String id, String flag, Map<String, String> texts,
			Map<TemplateCondition, String> conditions) {
	}

	private static final Pattern FLAG_RULE_ID = Pattern.compile("F-\\d{2}");

	/**
	 * The file with a new flag rule from the template appended at its end; nothing else
	 * of the file changes.
	 * @param ids the ids of every rule of the version
	 * @throws Refused naming each field at fault: {@code id}, {@code flag},
	 * {@code texts/da}, {@code conditions}, {@code conditions/AGE_UNDER} …
	 */
	public static String addFlagRule(String drl, FlagTemplate template, Set<String> sources, Set<String> ids)
			throws Refused {
		List<Refusal> refusals = new ArrayList<>();
		String id = (template.id() != null) ? template.id().strip() : "";
		if (!FLAG_RULE_ID.matcher(id).matches()) {
			refusals.add(new Refusal("id", "skriv et id som F-12: F, bindestreg og to cifre"));
		}
		else if (ids.contains(id)) {
			refusals.add(new Refusal("id", "versionen har allerede en regel " + id + "; vælg et andet nummer"));
		}
		String flag = (template.flag() != null) ? template.flag() : "";
		if (!FactVocabulary.get().enumConstants("Flag").contains(flag)) {
			refusals.add(new Refusal("flag", "vælg en af markeringerne på listen"));
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (String name : List.of("source", "section", "da", "en", "nextDa", "nextEn")) {
			String text = template.texts().getOrDefault(name, "").strip();
			boolean optional = name.startsWith("next") && template.texts().getOrDefault("nextDa", "").isBlank()
					&& template.texts().getOrDefault("nextEn", "").isBlank();
			if (optional) {
				continue;
			}
			String refusal = textRefusal(name, text, sources);
			if (refusal != null) {
				refusals.add(new Refusal("texts/" + name, refusal));
			}
			texts.put(name, text);
		}
		if (template.conditions().isEmpty()) {
			refusals.add(new Refusal("conditions", "vælg mindst én betingelse"));
		}
		StringBuilder when = new StringBuilder();
		for (TemplateCondition condition : TemplateCondition.values()) {
			String sent = template.conditions().get(condition);
			if (sent == null) {
				continue;
			}
			String value = sent.strip();
			String refusal = refusal(
					new Value(0, null, null, null, condition.kind(), null, condition.enumType(), condition.choices()),
					value);
			if (refusal != null) {
				refusals.add(new Refusal("conditions/" + condition.name(), refusal));
				continue;
			}
			when.append('\t')
				.append(condition.pattern
					.formatted((condition.kind() == Kind.NUMBER) ? Integer.parseInt(value) : value))
				.append('\n');
		}
		if (!refusals.isEmpty()) {
			throw new Refused(refusals);
		}
		StringBuilder rule = new StringBuilder();
		rule.append("rule \"").append(id).append(' ').append(name(texts.get("en"))).append("\"\n");
		rule.append("\t@id(\"").append(id).append("\")\n");
		texts.forEach((name, text) -> rule.append("\t@").append(name).append("(\"").append(text).append("\")\n"));
		rule.append("when\n").append(when).append("then\n");
		rule.append("\tinsert(new FlagRaised(Flag.").append(flag).append("));\nend\n");
		String file = drl.endsWith("\n") ? drl : drl + "\n";
		return file + "\n" + rule;
	}

	// a rule's name after its id: the English text's first sentence, at most 120
	// characters
	private static String name(String english) {
		int end = english.indexOf(". ");
		String sentence = (end > 0) ? english.substring(0, end) : english;
		sentence = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
		if (sentence.length() > 120) {
			int space = sentence.lastIndexOf(' ', 120);
			sentence = sentence.substring(0, (space > 40) ? space : 120);
		}
		return sentence;
	}

	/**
	 * The file without a rule: from the start of its {@code rule} line to the end of its
	 * {@code end} line, with one blank line before it; nothing else changes.
	 * @throws Refused when the file does not parse or has no such rule
	 */
	public static String remove(String drl, String ruleId) throws Refused {
		find(drl, ruleId);
		List<Token> tokens;
		try {
			tokens = DrlTokens.all(drl);
		}
		catch (NotAllowed ex) {
			throw new Refused(List.of(new Refusal("ruleId", "filen kan ikke læses som regler")));
		}
		for (int i = 0; i < tokens.size() - 1; i++) {
			Token token = tokens.get(i);
			if (token.kind() == DrlTokens.Kind.IDENTIFIER && token.text().equals("declare")) {
				i = next(tokens, i, "end");
				continue;
			}
			if (!(token.kind() == DrlTokens.Kind.IDENTIFIER && token.text().equals("rule")
					&& tokens.get(i + 1).kind() == DrlTokens.Kind.STRING)) {
				continue;
			}
			Reader reader = new Reader(drl, tokens);
			int after = reader.rule(i);
			if (reader.found != null && reader.found.rule().id().equals(ruleId)) {
				Token end = tokens.get(after - 1);
				int start = drl.lastIndexOf('\n', token.offset() - 1) + 1;
				if (!drl.substring(start, token.offset()).isBlank()) {
					start = token.offset();
				}
				else if (start >= 2 && drl.charAt(start - 1) == '\n' && drl.charAt(start - 2) == '\n') {
					start--;
				}
				int stop = end.offset() + end.text().length();
				int newline = drl.indexOf('\n', stop);
				stop = (newline >= 0 && drl.substring(stop, newline).isBlank()) ? newline + 1 : stop;
				return drl.substring(0, start) + drl.substring(stop);
			}
			i = after - 1;
		}
		throw new Refused(List.of(new Refusal("ruleId", "filen har ingen regel " + ruleId)));
	}

	private static Found find(String drl, String ruleId) throws Refused {
		Optional<List<Found>> rules = read(drl);
		if (rules.isEmpty()) {
			throw new Refused(List.of(new Refusal("ruleId",
					"filen kan ikke læses som regler; ret den først i den avancerede redigering")));
		}
		return rules.get()
			.stream()
			.filter((rule) -> rule.rule().id().equals(ruleId))
			.findFirst()
			.orElseThrow(() -> new Refused(List.of(new Refusal("ruleId", "filen har ingen regel " + ruleId))));
	}

	private record Replacement(int start, int end, String text) {
	}

	/** Where a value stands in the file: from start to end (exclusive). */
	private record Slot(Value value, int start, int end, boolean alone) {
	}

	private record Found(Rule rule, Map<String, Token> texts, List<Slot> slots) {
	}

	// the file's rules read off its tokens, checked against the parser's reading
	private static Optional<List<Found>> read(String drl) {
		Optional<List<RuleOutline>> outlines = RuleOutline.of(drl);
		if (outlines.isEmpty()) {
			return Optional.empty();
		}
		List<Token> tokens;
		try {
			tokens = DrlTokens.all(drl);
		}
		catch (NotAllowed ex) {
			return Optional.empty();
		}
		List<Found> rules = new ArrayList<>();
		int i = 0;
		while (i < tokens.size() && tokens.get(i).kind() != DrlTokens.Kind.END) {
			Token token = tokens.get(i);
			if (token.kind() == DrlTokens.Kind.IDENTIFIER && token.text().equals("declare")) {
				i = next(tokens, i, "end") + 1;
			}
			else if (token.kind() == DrlTokens.Kind.IDENTIFIER && token.text().equals("rule")
					&& tokens.get(i + 1).kind() == DrlTokens.Kind.STRING) {
				Reader reader = new Reader(drl, tokens);
				i = reader.rule(i);
				if (reader.found == null) {
					return Optional.empty();
				}
				rules.add(reader.found);
			}
			else {
				i++;
			}
		}
		// the parser and the tokens must agree on the rules, or the form is not offered
		List<String> parsed = outlines.get().stream().map(RuleOutline::id).toList();
		if (!parsed.equals(rules.stream().map((rule) -> rule.rule().id()).toList())) {
			return Optional.empty();
		}
		return Optional.of(rules);
	}

	private static int next(List<Token> tokens, int from, String word) {
		int i = from;
		while (i < tokens.size() - 1
				&& !(tokens.get(i).kind() == DrlTokens.Kind.IDENTIFIER && tokens.get(i).text().equals(word))) {
			i++;
		}
		return i;
	}

	private static String unquoted(String literal) {
		return literal.substring(1, literal.length() - 1);
	}

	/** Reads one rule from its {@code rule} token. */
	private static final class Reader {

		private final String drl;

		private final List<Token> tokens;

		private final FactVocabulary vocabulary = FactVocabulary.get();

		private final List<Slot> slots = new ArrayList<>();

		private Found found;

		Reader(String drl, List<Token> tokens) {
			this.drl = drl;
			this.tokens = tokens;
		}

		private Token at(int i) {
			return this.tokens.get(Math.max(0, Math.min(i, this.tokens.size() - 1)));
		}

		private boolean word(int i, String word) {
			return at(i).kind() == DrlTokens.Kind.IDENTIFIER && at(i).text().equals(word);
		}

		// the index after the rule's "end"
		int rule(int start) {
			String name = unquoted(at(start + 1).text());
			Map<String, Token> texts = new LinkedHashMap<>();
			int i = start + 2;
			while (!word(i, "when")) {
				if (at(i).kind() == DrlTokens.Kind.END) {
					return i;
				}
				if (at(i).is("@") && at(i + 1).kind() == DrlTokens.Kind.IDENTIFIER && at(i + 2).is("(")
						&& at(i + 3).kind() == DrlTokens.Kind.STRING && at(i + 4).is(")")) {
					texts.put(at(i + 1).text(), at(i + 3));
					i += 5;
				}
				else {
					i++;
				}
			}
			int when = i + 1;
			int then = when;
			int depth = 0;
			while (!(depth == 0 && word(then, "then"))) {
				if (at(then).kind() == DrlTokens.Kind.END) {
					return then;
				}
				depth += at(then).is("(") ? 1 : at(then).is(")") ? -1 : 0;
				then++;
			}
			List<Condition> conditions = conditions(when, then);
			Map<String, String> shown = new LinkedHashMap<>();
			texts.forEach((key, token) -> {
				if (!key.equals("id")) {
					shown.put(key, unquoted(token.text()));
				}
			});
			Token id = texts.get("id");
			Map<String, Token> editable = new LinkedHashMap<>(texts);
			editable.remove("id");
			this.found = new Found(new Rule((id != null) ? unquoted(id.text()) : name, name, shown, conditions),
					editable, List.copyOf(this.slots));
			return next(this.tokens, then, "end") + 1;
		}

		// the top-level conditions: a new one starts after a closing parenthesis at depth
		// 0 that no "and"/"or" continues
		private List<Condition> conditions(int from, int to) {
			List<Condition> conditions = new ArrayList<>();
			int start = from;
			int depth = 0;
			for (int i = from; i < to; i++) {
				depth += at(i).is("(") ? 1 : at(i).is(")") ? -1 : 0;
				if (depth == 0 && at(i).is(")") && !word(i + 1, "and") && !word(i + 1, "or")) {
					conditions.add(condition(start, i));
					start = i + 1;
				}
			}
			if (start < to) {
				conditions.add(condition(start, to - 1));
			}
			return conditions;
		}

		private Condition condition(int first, int last) {
			String text = this.drl.substring(at(first).offset(), at(last).offset() + at(last).text().length());
			List<Value> values = new ArrayList<>();
			List<String> patterns = new ArrayList<>();
			for (int i = first; i <= last; i++) {
				Token token = at(i);
				if (token.is("(")) {
					boolean pattern = i > 0 && at(i - 1).kind() == DrlTokens.Kind.IDENTIFIER
							&& Character.isUpperCase(at(i - 1).text().charAt(0)) && !at(i - 2).is(".");
					patterns.add(pattern ? at(i - 1).text() : null);
				}
				else if (token.is(")")) {
					if (!patterns.isEmpty()) {
						patterns.remove(patterns.size() - 1);
					}
				}
				else {
					String fact = patterns.stream().filter((each) -> each != null).reduce((a, b) -> b).orElse(null);
					if (fact != null) {
						int after = value(i, fact, values);
						i = Math.max(i, after);
					}
				}
			}
			return new Condition(text, List.copyOf(values));
		}

		// a comparison of a field with a constant, or a yes/no field alone, from token i:
		// its value added, and the index of its last token
		private int value(int i, String fact, List<Value> values) {
			Token token = at(i);
			if (token.kind() != DrlTokens.Kind.IDENTIFIER || KEYWORDS.contains(token.text())
					|| !Character.isLowerCase(token.text().charAt(0)) || at(i - 1).is(".") || at(i - 1).is(":")) {
				return i;
			}
			String field = token.text();
			int next = i + 1;
			if (at(next).is(".") && word(next + 1, "size") && at(next + 2).is("(") && at(next + 3).is(")")) {
				field += ".size()";
				next += 4;
			}
			else if (at(next).is(".") || at(next).is("(")) {
				return i;
			}
			String operator = null;
			if (at(next).kind() == DrlTokens.Kind.SYMBOL && COMPARISONS.contains(at(next).text())) {
				operator = at(next).text();
				next++;
			}
			else if (word(next, "contains") || word(next, "memberOf")) {
				operator = at(next).text();
				next++;
			}
			else if (word(next, "not") && (word(next + 1, "contains") || word(next + 1, "memberOf"))) {
				operator = "not " + at(next + 1).text();
				next += 2;
			}
			if (operator == null) {
				// a yes/no field alone, or its negation
				boolean before = at(i - 1).is("(") || at(i - 1).is(",") || at(i - 1).is("||") || at(i - 1).is("&&")
						|| at(i - 1).is("!")
								&& (at(i - 2).is("(") || at(i - 2).is(",") || at(i - 2).is("||") || at(i - 2).is("&&"));
				boolean after = at(next).is(")") || at(next).is(",") || at(next).is("||") || at(next).is("&&");
				if (!before || !after || field.endsWith(")")) {
					return i;
				}
				boolean negated = at(i - 1).is("!");
				add(values, new Value(values.size(), fact, field, "==", Kind.YES_NO, negated ? "false" : "true", null,
						List.of()), negated ? at(i - 1).offset() : token.offset(), end(token), true);
				return i;
			}
			Token constant = at(next);
			if (constant.kind() == DrlTokens.Kind.NUMBER && constant.text().indexOf('.') < 0) {
				add(values,
						new Value(values.size(), fact, field, operator, Kind.NUMBER, constant.text(), null, List.of()),
						constant.offset(), end(constant), false);
				return next;
			}
			if (constant.kind() == DrlTokens.Kind.IDENTIFIER
					&& (constant.text().equals("true") || constant.text().equals("false"))) {
				add(values,
						new Value(values.size(), fact, field, operator, Kind.YES_NO, constant.text(), null, List.of()),
						constant.offset(), end(constant), false);
				return next;
			}
			if (constant.kind() == DrlTokens.Kind.IDENTIFIER && this.vocabulary.isEnum(constant.text())
					&& at(next + 1).is(".") && at(next + 2).kind() == DrlTokens.Kind.IDENTIFIER
					&& this.vocabulary.isEnumConstant(constant.text(), at(next + 2).text())) {
				add(values,
						new Value(values.size(), fact, field, operator, Kind.CHOICE, at(next + 2).text(),
								constant.text(), this.vocabulary.enumConstants(constant.text())),
						constant.offset(), end(at(next + 2)), false);
				return next + 2;
			}
			return next;
		}

		private void add(List<Value> values, Value value, int start, int end, boolean alone) {
			Value numbered = new Value(this.slots.size(), value.fact(), value.field(), value.operator(), value.kind(),
					value.value(), value.enumType(), value.choices());
			values.add(numbered);
			this.slots.add(new Slot(numbered, start, end, alone));
		}

		private static int end(Token token) {
			return token.offset() + token.text().length();
		}

	}

}
