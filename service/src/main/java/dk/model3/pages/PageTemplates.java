package dk.model3.pages;

import java.nio.charset.StandardCharsets;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * The one template setup: HTML templates from {@code templates/} on the class path,
 * escaped by Thymeleaf. The web pages use it through Spring; the batch command, which
 * runs without a web server, renders its report with {@link #standalone()}.
 */
public final class PageTemplates {

	private PageTemplates() {
	}

	public static ITemplateResolver resolver() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageTemplates.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		return resolver;
	}

	/**
	 * A template engine for rendering files outside a web request, with the pages'
	 * expression language (SpEL).
	 */
	public static TemplateEngine standalone() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver());
		return engine;
	}

}
