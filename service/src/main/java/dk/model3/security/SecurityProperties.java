package dk.model3.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code triage.security.*}. In {@code basic} mode the two built-in users take their
 * passwords from here (blank: one is generated at start); in {@code jwt} mode the roles
 * come from the token's {@code rolesClaim}.
 */
@ConfigurationProperties("triage.security")
record SecurityProperties(Mode mode, String caseworkerPassword, String policyPassword, String rolesClaim) {

	SecurityProperties {
		mode = (mode != null) ? mode : Mode.BASIC;
		rolesClaim = (rolesClaim != null && !rolesClaim.isBlank()) ? rolesClaim : "roles";
	}

	enum Mode {

		BASIC, JWT

	}

}
