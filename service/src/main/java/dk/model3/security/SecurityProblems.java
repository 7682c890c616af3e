package dk.model3.security;

import java.io.IOException;

import dk.model3.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 and 429 (too many failed sign-ins) as RFC 9457 problems like every other error
 * of the service. The 401 names the scheme the caller should use, so a browser asks for
 * Basic credentials; the 429 says when to try again.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final String challenge;

	SecurityProblems(String challenge) {
		this.challenge = challenge;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof SignInThrottled throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfter().toSeconds()));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-failures",
					"Too many failed sign-ins", throttled.getMessage());
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
				"Send valid credentials: " + this.challenge.split(" ")[0] + " authentication.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
				"Your role may not use " + request.getMethod() + " " + request.getRequestURI() + ".");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String title, String detail) throws IOException {
		Problems.write(request, response, status, type, title, detail);
	}

}
