package dk.model3.workbench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.model3.response.ContractWords;

/**
 * A rule's condition in Danish words, for the diff a policy approver reads: "alder under
 * 30", "ydelse er kontanthjælp", "udfaldets lag er ikke lag 2: tværgående samarbejde".
 * The checked rule language compares one field with a constant, so one constraint is one
 * phrase; anything else is quoted as written. The fields' and values' words are the
 * contract's ({@link ContractWords}) and the page's ({@code messages_da.properties}); the
 * guided view's English page has the same in English, through the methods that take a
 * language.
 */
final class ConditionWords {

	/** The words of one language: its bundle, its operators and the words between. */
	private record Language(String lang, ResourceBundle bundle, Map<String, String> operators,
			Map<String, String> glue) {
	}

	private static final Language DANISH = new Language("da",
			ResourceBundle.getBundle("messages", Locale.forLanguageTag("da")),
			Map.of("<", "under", "<=", "højst", ">", "over", ">=", "mindst", "==", "er", "!=", "er ikke", "contains",
					"omfatter", "not contains", "omfatter ikke", "memberOf", "er en af", "not memberOf",
					"er ikke en af"),
			Map.of("and", " og ", "or", " eller ", "notGiven", " er ikke oplyst", "given", " er oplyst", "outcome",
					"udfaldets ", "flag", "markeringen", "number", "antal ", "condition", "betingelsen"));

	private static final Language ENGLISH = new Language("en", ResourceBundle.getBundle("messages", Locale.ENGLISH),
			Map.of("<", "under", "<=", "at most", ">", "over", ">=", "at least", "==", "is", "!=", "is not", "contains",
					"includes", "not contains", "does not include", "memberOf", "is one of", "not memberOf",
					"is not one of"),
			Map.of("and", " and ", "or", " or ", "notGiven", " is not given", "given", " is given", "outcome",
					"the outcome's ", "flag", "the flag", "number", "number of ", "condition", "the condition"));

	private static final Pattern COMPARISON = Pattern.compile(
			"^\\s*(?:\\$\\w+\\s*:\\s*)?([A-Za-z_]\\w*(?:\\.size\\(\\))?)\\s*(==|!=|<=|>=|<|>|not\\s+contains|contains|not\\s+memberOf|memberOf)\\s*(.+?)\\s*$");

	private static final Pattern FLAG_FIELD = Pattern.compile("^\\s*(!?)\\s*([A-Za-z_]\\w*)\\s*$");

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
		return constraint(DANISH, type, expression);
	}

	/** One constraint in the words of a language: "da", or "en". */
	static String constraint(String lang, String type, String expression) {
		return constraint(language(lang), type, expression);
	}

	private static String constraint(Language words, String type, String expression) {
		if (expression.contains("||") || expression.contains("&&")) {
			return Arrays.stream(expression.split("\\|\\|"))
				.map((part) -> Arrays.stream(part.split("&&"))
					.map((each) -> constraint(words, type, each.strip().replaceAll("^\\((.*)\\)$", "$1")))
					.collect(Collectors.joining(words.glue().get("and"))))
				.collect(Collectors.joining(words.glue().get("or")));
		}
		Matcher comparison = COMPARISON.matcher(expression);
		if (comparison.matches()) {
			String field = field(words, type, comparison.group(1));
			String operator = comparison.group(2).replaceAll("\\s+", " ");
			String value = comparison.group(3);
			if (value.equals("null")) {
				return field + words.glue().get(operator.equals("==") ? "notGiven" : "given");
			}
			if (value.equals("true") || value.equals("false")) {
				boolean yes = value.equals("true") == operator.equals("==");
				return field + ": " + (yes ? word(words, "fact.true", "ja") : word(words, "fact.false", "nej"));
			}
			return field + " " + words.operators().getOrDefault(operator, operator) + " " + value(words, value);
		}
		Matcher flag = FLAG_FIELD.matcher(expression);
		if (flag.matches()) {
			return field(words, type, flag.group(2)) + ": "
					+ (flag.group(1).isEmpty() ? word(words, "fact.true", "ja") : word(words, "fact.false", "nej"));
		}
		return words.glue().get("condition") + " «" + expression.strip() + "»";
	}

	/** The words of "en", or else Danish. */
	private static Language language(String lang) {
		return "en".equals(lang) ? ENGLISH : DANISH;
	}

	/**
	 * What a value of the guided form is, in words, without the value: "alder mindst",
	 * "udfaldets lag er", "problemer omfatter ikke"; a yes/no field alone by its name.
	 * @param type the pattern's fact type
	 * @param field the field as written ({@code age}, {@code problems.size()})
	 * @param operator as written ({@code >=}, {@code not contains})
	 * @param alone a yes/no field written without an operator
	 */
	static String label(String lang, String type, String field, String operator, boolean alone) {
		Language language = language(lang);
		String words = field(language, type, field);
		String label = alone ? words : words + " " + language.operators().getOrDefault(operator, operator);
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** A value of a facts enum in words: "lag 2: tværgående samarbejde". */
	static String choice(String enumType, String constant) {
		return choice("da", enumType, constant);
	}

	/** A value of a facts enum in the words of a language ("da" or "en"). */
	static String choice(String lang, String enumType, String constant) {
		return ENUMS.containsKey(enumType) ? word(language(lang), ENUMS.get(enumType) + "." + constant, constant)
				: constant;
	}

	// a field in words, as it runs in a sentence: "alder", "udfaldets lag"
	private static String field(Language words, String type, String field) {
		if (field.endsWith(".size()")) {
			return words.glue().get("number")
					+ field(words, type, field.substring(0, field.length() - ".size()".length()));
		}
		if (type.equals("Outcome") && OUTCOME_FIELDS.containsKey(field)) {
			return words.glue().get("outcome") + small(word(words, OUTCOME_FIELDS.get(field), field));
		}
		if (type.equals("FlagRaised") && field.equals("flag")) {
			return words.glue().get("flag");
		}
		return small(word(words, "field." + field + ".label", field));
	}

	// a constant in words: an enum's value by its label, a list of them, a number as it
	// is
	private static String value(Language words, String value) {
		String trimmed = value.strip();
		if (trimmed.startsWith("(") && trimmed.endsWith(")")) {
			return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split(","))
				.map((each) -> value(words, each))
				.collect(Collectors.joining(", "));
		}
		int dot = trimmed.indexOf('.');
		if (dot > 0 && ENUMS.containsKey(trimmed.substring(0, dot))) {
			return small(word(words, ENUMS.get(trimmed.substring(0, dot)) + "." + trimmed.substring(dot + 1),
					trimmed.substring(dot + 1)));
		}
		return trimmed;
	}

	static String word(String key, String otherwise) {
		return word(DANISH, key, otherwise);
	}

	/** A page text of a language ("da" or "en"). */
	static String word(String lang, String key, String otherwise) {
		return word(language(lang), key, otherwise);
	}

	// the contract's words first (a field, a value), then the page's own (its headings)
	private static String word(Language words, String key, String otherwise) {
		String contract = ContractWords.word(key, words.lang(), null);
		if (contract != null) {
			return contract;
		}
		try {
			return words.bundle().getString(key);
		}
		catch (MissingResourceException ex) {
			return otherwise;
		}
	}

	// as it runs in a sentence: first letter small unless the word is an abbreviation
	static String small(String word) {
		if (word.length() > 1 && Character.isUpperCase(word.charAt(0)) && !Character.isUpperCase(word.charAt(1))) {
			return Character.toLowerCase(word.charAt(0)) + word.substring(1);
		}
		return word;
	}

}
