package dk.model3.decisions;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * The contract's values and request fields in words a caseworker reads, Danish and
 * English, taken from the pages' message bundles ({@code messages_da.properties},
 * {@code messages_en.properties}) so the page and the justification name a thing the same
 * way. Words are given as they run in a sentence (first letter small unless the word is
 * an abbreviation); a value without words (a flag added later, say) is shown as its code.
 */
public final class Labels {

	private static final ResourceBundle DANISH = ResourceBundle.getBundle("messages", new Locale("da"));

	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ENGLISH);

	private Labels() {
	}

	/**
	 * A request field's value in plain words with its code, e.g. "kontanthjælp
	 * (CASH_BENEFIT)"; the code alone when it has no words.
	 */
	public static String value(String field, String code, String lang) {
		String prefix = "problems".equals(field) ? "problem" : field;
		String words = words(prefix + "." + code, lang, null);
		return (words != null) ? words + " (" + code + ")" : code;
	}

	public static String tier(Tier tier, String lang) {
		return words("tier." + tier, lang, String.valueOf(tier));
	}

	/**
	 * The outcome in one sentence, as the result page says it, e.g. "Anbefaling: Spor 2:
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
		return "en".equals(lang) ? ENGLISH : DANISH;
	}

	private static String inSentence(String label) {
		if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
			return Character.toLowerCase(label.charAt(0)) + label.substring(1);
		}
		return label;
	}

}
