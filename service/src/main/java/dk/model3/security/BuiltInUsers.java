package dk.model3.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users {@code caseworker} and {@code policy}. A configured password must pass
 * {@link PasswordRules}; one that is not configured is generated once into an owner-only
 * file ({@link GeneratedPasswords}). Neither is ever logged: the log says where the
 * generated ones are.
 */
final class BuiltInUsers {

	private static final Logger log = LoggerFactory.getLogger(BuiltInUsers.class);

	private BuiltInUsers() {
	}

	static List<UserDetails> of(SecurityProperties properties, PasswordEncoder encoder) {
		GeneratedPasswords generated = new GeneratedPasswords(properties.generatedPasswordsFile());
		return List.of(
				user("caseworker", properties.caseworkerPassword(), "TRIAGE_CASEWORKER_PASSWORD", Roles.CASEWORKER,
						properties, generated, encoder),
				user("policy", properties.policyPassword(), "TRIAGE_POLICY_PASSWORD", Roles.POLICY, properties,
						generated, encoder));
	}

	private static UserDetails user(String name, String configured, String variable, String role,
			SecurityProperties properties, GeneratedPasswords generated, PasswordEncoder encoder) {
		String password = configured;
		if (password == null || password.isBlank()) {
			password = generated.passwordFor(name);
			log.warn("No password set for user '{}': it has a generated one, in {} (readable by this user only). "
					+ "Set {} to choose it.", name, generated.file(), variable);
		}
		else {
			PasswordRules.check(variable, password, properties.devMode());
		}
		return User.withUsername(name).password(encoder.encode(password)).roles(role).build();
	}

}
