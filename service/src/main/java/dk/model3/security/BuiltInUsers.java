package dk.model3.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users {@code caseworker} and {@code policy}. A password that is not configured is
 * generated and logged once, as Spring Boot does for its default user; a configured one
 * is never logged.
 */
final class BuiltInUsers {

	private static final Logger log = LoggerFactory.getLogger(BuiltInUsers.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private BuiltInUsers() {
	}

	static InMemoryUserDetailsManager of(SecurityProperties properties, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(
				user("caseworker", properties.caseworkerPassword(), "TRIAGE_CASEWORKER_PASSWORD", encoder,
						Roles.CASEWORKER),
				user("policy", properties.policyPassword(), "TRIAGE_POLICY_PASSWORD", encoder, Roles.POLICY));
	}

	private static UserDetails user(String name, String configured, String variable, PasswordEncoder encoder,
			String role) {
		String password = configured;
		if (password == null || password.isBlank()) {
			password = generated();
			log.warn(String.format(
					"%n%nUsing generated password for user '%s': %s%n"
							+ "Set %s to choose it. This generated password is for development use only.%n",
					name, password, variable));
		}
		return User.withUsername(name).password(encoder.encode(password)).roles(role).build();
	}

	private static String generated() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
