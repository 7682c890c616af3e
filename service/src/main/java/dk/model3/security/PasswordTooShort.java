package dk.model3.security;

/**
 * A configured password is shorter than {@value SecurityProperties#MIN_PASSWORD_LENGTH}
 * characters outside development mode: the service does not start. Names the setting and
 * the length, never the password.
 */
final class PasswordTooShort extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	PasswordTooShort(String setting, int length) {
		super(setting + " is " + length + " characters long; at least " + SecurityProperties.MIN_PASSWORD_LENGTH
				+ " are required (triage.security.dev-mode=true allows shorter ones, for development only)");
		this.setting = setting;
	}

	String setting() {
		return this.setting;
	}

}
