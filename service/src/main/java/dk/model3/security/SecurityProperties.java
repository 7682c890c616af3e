package dk.model3.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code triage.security.*}. In {@code basic} mode the two built-in users take their
 * passwords from here (blank: generated once into {@code generatedPasswordsFile}) and
 * more users come from {@code usersFile}; in {@code jwt} mode the roles come from the
 * token's {@code rolesClaim}. {@code devMode} allows short and plain-text passwords, for
 * a developer's machine only. {@code allowedOrigins} are the origins besides the
 * service's own from which a browser may send a state-changing API call (a proxy in front
 * that changes the {@code Host} header; see {@link CrossSiteRequestFilter}).
 */
@ConfigurationProperties("triage.security")
public record SecurityProperties(@DefaultValue("basic") Mode mode, String caseworkerPassword, String policyPassword,
		@DefaultValue("roles") String rolesClaim, boolean devMode, Path usersFile,
		@DefaultValue("data/generated-passwords") Path generatedPasswordsFile, @DefaultValue SignIn signIn,
		List<String> allowedOrigins) {

	/** The shortest password the service starts with outside development mode. */
	static final int MIN_PASSWORD_LENGTH = 12;

	public SecurityProperties {
		rolesClaim = (rolesClaim != null && !rolesClaim.isBlank()) ? rolesClaim : "roles";
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

	public enum Mode {

		BASIC, JWT

	}

	/**
	 * Failed sign-ins: after {@code maxFailuresPerUser} for one user name, or
	 * {@code maxFailuresPerAddress} from one address, further attempts are refused until
	 * {@code lockout} has passed since the last failure.
	 */
	record SignIn(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("50") int maxFailuresPerAddress,
			@DefaultValue("5m") Duration lockout) {

	}

}
