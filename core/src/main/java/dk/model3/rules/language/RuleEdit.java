package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dk.model3.rules.language.DrlTokens.Kind;
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
			return this.tokens.get(Math.min(i, this.tokens.size() - 1));
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
