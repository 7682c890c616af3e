package dk.model3.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container's error dispatch answers: an exception no handler knew, or
 * an error status set outside Spring MVC. A browser gets the Danish error page (template
 * {@code error}, as Spring Boot's own controller renders it); every other client an RFC
 * 9457 problem, whatever its {@code Accept} header, with a short title and a detail that
 * says what to do, never the exception, its message or a stack trace (those go to the
 * log, written where the exception was thrown).
 */
class ErrorProblems extends BasicErrorController {

	ErrorProblems(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
			List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorProperties, errorViewResolvers);
	}

	@Override
	@RequestMapping
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		if (status.is5xxServerError()) {
			problem.put("type", Problems.TYPE_BASE + "internal-error");
			problem.put("title", "Internal error");
			problem.put("status", status.value());
			problem.put("detail", "The service could not answer this request; the error is logged. "
					+ "Try again, and tell the service's operators if it happens again.");
		}
		else {
			problem.put("type", Problems.TYPE_BASE + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
			problem.put("title", status.getReasonPhrase());
			problem.put("status", status.value());
			problem.put("detail", "The request was refused: " + status.getReasonPhrase() + ".");
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		problem.put("instance", (uri instanceof String path) ? path : request.getRequestURI());
		// a type set here is used as it is, whatever the client accepts
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
