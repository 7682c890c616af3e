package dk.model3.pages;

import java.util.Locale;

import dk.model3.decisions.Labels;
import dk.model3.rules.Text;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Picks the reader's language from a rule's Danish and English text; templates call it as
 * {@code ${@texts.of(text)}}.
 */
@Component("texts")
public class Texts {

	/**
	 * One fact a rule gave weight to, as "Ydelse: kontanthjælp", in the reader's
	 * language.
	 */
	public String fact(String field, Object value) {
		return Labels.fact(field, value, english() ? "en" : "da");
	}

	private static boolean english() {
		return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
	}

	public String of(Text text) {
		if (text == null) {
			return "";
		}
		return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? text.en()
				: text.da();
	}

}
