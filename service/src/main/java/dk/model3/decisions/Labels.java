package dk.model3.decisions;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.response.ContractWords;

/**
 * The contract's values and request fields in words a caseworker reads, Danish and
 * English, from the contract's words in core ({@link ContractWords}), which the pages
 * read too, so the page, the justification and the Spark report name a thing the same
 * way. Words are given as they run in a sentence (first letter small unless the word is
 * an abbreviation); a value without words (a flag added later, say) is shown as its code.
 */
public final class Labels {

	private Labels() {
	}

	/**
	 * A request field's value in plain words, e.g. "kontanthjælp"; the code only when it
	 * has no words (a value added later, say).
	 */
	public static String value(String field, String code, String lang) {
		String prefix = "problems".equals(field) ? "problem" : field;
		return words(prefix + "." + code, lang, code);
	}

	/**
	 * One fact of the citizen as a caseworker reads it, e.g. "Ydelse: kontanthjælp",
	 * "Alder: 35 år", "Anbragt uden for hjemmet: nej": the field's label and its value in
	 * words, for the page, the API's texts and the journal alike.
	 */
	public static String fact(String field, Object value, String lang) {
		String label = words("field." + field + ".label", lang, field);
		return capitalised(label) + ": " + factValue(field, value, lang);
	}

	/** A fact's value in words: yes/no, a number, the labels of the codes. */
	public static String factValue(String field, Object value, String lang) {
		ResourceBundle bundle = bundle(lang);
		if (value == null) {
			return label(bundle, "fact.notGiven", "ikke oplyst");
		}
		if (value instanceof Boolean bool) {
			return label(bundle, bool ? "fact.true" : "fact.false", String.valueOf(bool));
		}
		if (value instanceof java.util.Collection<?> codes) {
			if (codes.isEmpty()) {
				return label(bundle, "fact.none", "ingen");
			}
			return codes.stream()
				.map((code) -> value(field, String.valueOf(code), lang))
				.collect(java.util.stream.Collectors.joining(", "));
		}
		if ("age".equals(field)) {
			return MessageFormat.format(label(bundle, "fact.age", "{0} år"), value);
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return value(field, String.valueOf(value), lang);
	}

	/** The first letter made capital, for a label that starts a line. */
	public static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	public static String tier(Tier tier, String lang) {
		return words("tier." + tier, lang, String.valueOf(tier));
	}

	/**
	 * The outcome in one sentence, as the result page says it, e.g. "Anbefaling: Lag 2:
	 * tværgående. Ansvarligt område: Beskæftigelse (jobcentret)."
	 */
	public static String sentence(Status status, Tier tier, Area area, String lang) {
		ResourceBundle bundle = bundle(lang);
		String areaWords = label(bundle, "area." + area, String.valueOf(area));
		if (status == Status.PLACED) {
			return MessageFormat.format(bundle.getString("result.sentence.placed"),
					label(bundle, "tier." + tier, String.valueOf(tier)), areaWords);
		}
		String key = (status == Status.OUT_OF_SCOPE) ? "result.sentence.outOfScope" : "result.sentence.manualReview";
		return MessageFormat.format(bundle.getString(key), areaWords);
	}

	/** A flag's name, in plain words. */
	public static String flag(Flag flag, String lang) {
		return words("flag." + flag.name(), lang, flag.name());
	}

	/** A request field's name, in plain words. */
	public static String field(String field, String lang) {
		return words("field." + field + ".label", lang, field);
	}

	private static String words(String key, String lang, String otherwise) {
		return inSentence(label(bundle(lang), key, otherwise));
	}

	private static String label(ResourceBundle bundle, String key, String otherwise) {
		try {
			return bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			return otherwise;
		}
	}

	private static ResourceBundle bundle(String lang) {
		return ContractWords.in(lang);
	}

	private static String inSentence(String label) {
		if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
			return Character.toLowerCase(label.charAt(0)) + label.substring(1);
		}
		return label;
	}

}
