package dk.model3.pages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import dk.model3.response.ContractWords;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Danish first: every page is in Danish until the reader picks English with
 * {@code ?lang=en}, which a cookie then remembers. Texts come from
 * {@code messages_da.properties} and {@code messages_en.properties}, the contract's
 * fields and values from core's {@link ContractWords}.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

	static final Locale DANISH = Locale.forLanguageTag("da");

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", ContractWords.BASENAME);
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setDefaultLocale(DANISH);
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("triage-lang");
		resolver.setDefaultLocale(DANISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	/** Replaces Spring Boot's resolver, so pages and the batch report share one setup. */
	@Bean
	ITemplateResolver defaultTemplateResolver() {
		return PageTemplates.resolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor() {

			// only the two languages there are texts for; anything else reads Danish
			@Override
			protected Locale parseLocaleValue(String value) {
				return "en".equals(value) ? Locale.ENGLISH : DANISH;
			}

		};
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).excludePathPatterns("/api/**");
	}

}
