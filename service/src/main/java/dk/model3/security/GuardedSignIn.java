package dk.model3.security;

import dk.model3.request.CprNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (HTTP Basic, and any form login): asks the {@link SignInGuard} first,
 * then checks the password, and logs every failure with the user name and the client's
 * address, never the password. The one way a password is checked, so every chain that
 * takes one gets the same limits.
 */
final class GuardedSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(GuardedSignIn.class);

	private final AuthenticationProvider passwords;

	private final SignInGuard guard;

	GuardedSignIn(AuthenticationProvider passwords, SignInGuard guard) {
		this.passwords = passwords;
		this.guard = guard;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		String address = address(authentication);
		try {
			this.guard.check(user, address);
		}
		catch (SignInThrottled ex) {
			log.warn("Sign-in refused: too many failures; user={} address={}", printable(user), address);
			throw ex;
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.guard.succeeded(user);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.guard.failed(user, address);
			log.warn("Sign-in failed: wrong user name or password; user={} address={}", printable(user), address);
			throw ex;
		}
		catch (AuthenticationException ex) {
			this.guard.failed(user, address);
			log.warn("Sign-in failed: {}; user={} address={}", ex.getClass().getSimpleName(), printable(user), address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	// a user name is the caller's text: no line breaks or control characters in the log,
	// no CPR number, and not a page of it
	private static String printable(String user) {
		String shown = CprNumbers.mask(user.replaceAll("\\p{Cntrl}", "?"));
		return (shown.length() > 64) ? shown.substring(0, 64) + "…" : shown;
	}

}
