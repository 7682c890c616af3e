package dk.model3.triage;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * After a request whose body was cut off at the deadline, tells Tomcat not to read the
 * rest of that body and to close the connection. Tomcat otherwise reads ("swallows") up
 * to {@code server.tomcat.max-swallow-size} of an unread body before the next request, at
 * whatever pace the client sends it, which would hand the worker thread straight back to
 * the client the deadline had just cut off. A servlet filter cannot say this; a valve,
 * which sees Tomcat's own request, can.
 */
final class UnreadBodyValve extends ValveBase {

	static final String CUT_OFF = UnreadBodyValve.class.getName() + ".CUT_OFF";

	UnreadBodyValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (request.getAttribute(CUT_OFF) != null) {
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		TomcatContextCustomizer unreadBodyValve() {
			return (context) -> context.getPipeline().addValve(new UnreadBodyValve());
		}

	}

}
