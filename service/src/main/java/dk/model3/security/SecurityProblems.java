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
 * of the service. The 401 says in its body what to send. It never challenges with
 * {@code Basic}: a browser would ask for a password and then send it by itself with every
 * request to the service, a form on another site's page included. In {@code basic} mode
 * the challenge is {@value #PREEMPTIVE_BASIC}, a scheme no browser knows: clients send
 * Basic credentials with the request ({@code curl -u}), not after being asked. The 429
 * says when to try again.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String PREEMPTIVE_BASIC = "Preemptive-Basic realm=\"model3-triage\"";

	private final String challenge;

	private final String detail;

	private SecurityProblems(String challenge, String detail) {
		this.challenge = challenge;
		this.detail = detail;
	}

	static SecurityProblems of(SecurityProperties.Mode mode) {
		return (mode == SecurityProperties.Mode.JWT) ? new SecurityProblems("Bearer",
				"Send a token from the municipality's identity provider with every request: Authorization: Bearer <token>.")
				: new SecurityProblems(PREEMPTIVE_BASIC,
						"Send the user name and password with every request: Authorization: Basic "
								+ "<base64 of user:password> (curl -u user:password). The service does not ask for them.");
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
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", this.detail);
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
