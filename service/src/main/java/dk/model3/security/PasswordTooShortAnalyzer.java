package dk.model3.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the operator who set a short password what to do, in Spring Boot's short
 * "APPLICATION FAILED TO START" report instead of the stack trace of every bean that
 * waited for the users.
 */
final class PasswordTooShortAnalyzer extends AbstractFailureAnalyzer<PasswordTooShort> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PasswordTooShort cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + cause.setting() + " to a password of at least " + SecurityProperties.MIN_PASSWORD_LENGTH
						+ " characters, or leave it unset: the service then generates one into "
						+ "data/generated-passwords (see docs/operations/access.md).",
				cause);
	}

}
