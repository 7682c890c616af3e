package dk.model3.workbench;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.model3.response.ContractWords;

/**
 * A rule's condition in Danish words, for the diff a policy approver reads: "alder under
 * 30", "ydelse er kontanthjælp", "udfaldets lag er ikke lag 2: tværgående samarbejde".
 * The checked rule language compares one field with a constant, so one constraint is one
 * phrase; anything else is quoted as written. The fields' and values' words are the
 * contract's ({@link ContractWords}).
 */
final class ConditionWords {

	private static final Pattern COMPARISON = Pattern.compile(
			"^\\s*(?:\\$\\w+\\s*:\\s*)?([A-Za-z_]\\w*(?:\\.size\\(\\))?)\\s*(==|!=|<=|>=|<|>|not\\s+contains|contains|not\\s+memberOf|memberOf)\\s*(.+?)\\s*$");

	private static final Pattern FLAG_FIELD = Pattern.compile("^\\s*(!?)\\s*([A-Za-z_]\\w*)\\s*$");

	private static final Map<String, String> OPERATORS = Map.of("<", "under", "<=", "højst", ">", "over", ">=",
			"mindst", "==", "er", "!=", "er ikke", "contains", "omfatter", "not contains", "omfatter ikke", "memberOf",
			"er en af", "not memberOf", "er ikke en af");

	// the facts' enums and the message keys of their values
	private static final Map<String, String> ENUMS = Map.of("Tier", "tier", "Status", "status", "Area", "area",
			"Benefit", "benefit", "Problem", "problem", "EmploymentPotential", "employmentPotential", "Flag", "flag");

	private static final Map<String, String> OUTCOME_FIELDS = Map.of("tier", "result.tier", "status", "result.status",
			"responsibleArea", "result.responsibleArea");

	private ConditionWords() {
	}

	/**
	 * One constraint of a pattern in words.
	 * @param type the pattern's fact type ({@code Profile}, {@code Outcome}, …)
	 * @param expression the constraint as written, e.g. {@code age < 30}
	 */
	static String constraint(String type, String expression) {
		if (expression.contains("||") || expression.contains("&&")) {
			return Arrays.stream(expression.split("\\|\\|"))
				.map((part) -> Arrays.stream(part.split("&&"))
					.map((each) -> constraint(type, each.strip().replaceAll("^\\((.*)\\)$", "$1")))
					.collect(Collectors.joining(" og ")))
				.collect(Collectors.joining(" eller "));
		}
		Matcher comparison = COMPARISON.matcher(expression);
		if (comparison.matches()) {
			String field = field(type, comparison.group(1));
			String operator = comparison.group(2).replaceAll("\\s+", " ");
			String value = comparison.group(3);
			if (value.equals("null")) {
				return field + (operator.equals("==") ? " er ikke oplyst" : " er oplyst");
			}
			if (value.equals("true") || value.equals("false")) {
				boolean yes = value.equals("true") == operator.equals("==");
				return field + ": " + (yes ? word("fact.true", "ja") : word("fact.false", "nej"));
			}
			return field + " " + OPERATORS.getOrDefault(operator, operator) + " " + value(value);
		}
		Matcher flag = FLAG_FIELD.matcher(expression);
		if (flag.matches()) {
			return field(type, flag.group(2)) + ": "
					+ (flag.group(1).isEmpty() ? word("fact.true", "ja") : word("fact.false", "nej"));
		}
		return "betingelsen «" + expression.strip() + "»";
	}

	/**
	 * What a value of the guided form is, in words, without the value: "alder mindst",
	 * "udfaldets lag er", "problemer omfatter ikke"; a yes/no field alone by its name.
	 * @param type the pattern's fact type
	 * @param field the field as written ({@code age}, {@code problems.size()})
	 * @param operator as written ({@code >=}, {@code not contains})
	 * @param alone a yes/no field written without an operator
	 */
	static String label(String type, String field, String operator, boolean alone) {
		String words = field(type, field);
		String label = alone ? words : words + " " + OPERATORS.getOrDefault(operator, operator);
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** A value of a facts enum in words: "lag 2: tværgående samarbejde". */
	static String choice(String enumType, String constant) {
		return ENUMS.containsKey(enumType) ? word(ENUMS.get(enumType) + "." + constant, constant) : constant;
	}

	// a field in words, as it runs in a sentence: "alder", "udfaldets lag"
	private static String field(String type, String field) {
		if (field.endsWith(".size()")) {
			return "antal " + field(type, field.substring(0, field.length() - ".size()".length()));
		}
		if (type.equals("Outcome") && OUTCOME_FIELDS.containsKey(field)) {
			return "udfaldets " + small(word(OUTCOME_FIELDS.get(field), field));
		}
		if (type.equals("FlagRaised") && field.equals("flag")) {
			return "markeringen";
		}
		return small(word("field." + field + ".label", field));
	}

	// a constant in words: an enum's value by its label, a list of them, a number as it
	// is
	private static String value(String value) {
		String trimmed = value.strip();
		if (trimmed.startsWith("(") && trimmed.endsWith(")")) {
			return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split(","))
				.map(ConditionWords::value)
				.collect(Collectors.joining(", "));
		}
		int dot = trimmed.indexOf('.');
		if (dot > 0 && ENUMS.containsKey(trimmed.substring(0, dot))) {
			return small(word(ENUMS.get(trimmed.substring(0, dot)) + "." + trimmed.substring(dot + 1),
					trimmed.substring(dot + 1)));
		}
		return trimmed;
	}

	static String word(String key, String otherwise) {
		return ContractWords.word(key, "da", otherwise);
	}

	// as it runs in a sentence: first letter small unless the word is an abbreviation
	static String small(String word) {
		if (word.length() > 1 && Character.isUpperCase(word.charAt(0)) && !Character.isUpperCase(word.charAt(1))) {
			return Character.toLowerCase(word.charAt(0)) + word.substring(1);
		}
		return word;
	}

}
