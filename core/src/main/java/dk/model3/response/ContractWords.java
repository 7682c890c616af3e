package dk.model3.response;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The contract's fields and values in words, Danish and English
 * ({@code contract-words_da.properties}, {@code contract-words_en.properties} beside this
 * class): a field's label and hint, each value of a benefit, potential, problem, status,
 * tier, area and flag (with a flag's meaning), a fact's yes/no/not given, and the outcome
 * in one sentence. The service's pages, its API texts and case-file text, and the Spark
 * job's report all read them here, so a tier or flag is named the same way everywhere.
 */
public final class ContractWords {

	/**
	 * The bundle's base name, for a message source that reads it beside its own texts.
	 */
	public static final String BASENAME = "dk/model3/response/contract-words";

	private static final ResourceBundle DANISH = ResourceBundle.getBundle(BASENAME, Locale.forLanguageTag("da"));

	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BASENAME, Locale.ENGLISH);

	private ContractWords() {
	}

	/** The words in English for {@code "en"}, in Danish for any other language. */
	public static ResourceBundle in(String lang) {
		return "en".equals(lang) ? ENGLISH : DANISH;
	}

	/**
	 * The words under {@code key}, or {@code otherwise} when there are none (a value
	 * added later, say).
	 */
	public static String word(String key, String lang, String otherwise) {
		ResourceBundle bundle = in(lang);
		return bundle.containsKey(key) ? bundle.getString(key) : otherwise;
	}

}
