package dk.model3.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for a user name or from an address: try again later. */
final class SignInThrottled extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottled(Duration retryAfter) {
		super("Too many failed sign-ins; try again in " + retryAfter.toSeconds() + " seconds.");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
