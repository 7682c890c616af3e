package dk.model3.pages;

import java.util.Locale;

import dk.model3.rules.Text;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Picks the reader's language from a rule's Danish and English text; templates call it as
 * {@code ${@texts.of(text)}}.
 */
@Component("texts")
public class Texts {

	public String of(Text text) {
		if (text == null) {
			return "";
		}
		return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? text.en()
				: text.da();
	}

}
