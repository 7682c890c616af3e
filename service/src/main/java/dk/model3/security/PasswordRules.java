package dk.model3.security;

/**
 * What a configured password must be: at least
 * {@value SecurityProperties#MIN_PASSWORD_LENGTH} characters, unless the service runs in
 * development mode. Refused at start, with the setting to fix, never the password.
 */
final class PasswordRules {

	private PasswordRules() {
	}

	static void check(String setting, String password, boolean devMode) {
		if (!devMode && password.length() < SecurityProperties.MIN_PASSWORD_LENGTH) {
			throw new PasswordTooShort(setting, password.length());
		}
	}

}
