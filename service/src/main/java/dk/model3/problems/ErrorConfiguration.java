package dk.model3.problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The error dispatch's controller: {@link ErrorProblems} instead of Spring Boot's. */
@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

	@Bean
	ErrorProblems errorProblems(ErrorAttributes errorAttributes, ObjectProvider<WebProperties> web,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		WebProperties properties = web.getIfAvailable();
		ErrorProperties error = (properties != null) ? properties.getError() : new ErrorProperties();
		return new ErrorProblems(errorAttributes, error, errorViewResolvers.orderedStream().toList());
	}

}
