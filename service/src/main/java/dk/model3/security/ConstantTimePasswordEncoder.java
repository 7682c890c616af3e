package dk.model3.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Compares the built-in users' passwords by SHA-256 digest in constant time. BCrypt would
 * cost tens of milliseconds on every stateless Basic request while protecting nothing:
 * the plain passwords already sit in this process's environment. The digests keep them
 * out of heap dumps of the user store.
 */
final class ConstantTimePasswordEncoder implements PasswordEncoder {

	@Override
	public String encode(CharSequence rawPassword) {
		return Base64.getEncoder().encodeToString(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		return MessageDigest.isEqual(digest(rawPassword), Base64.getDecoder().decode(encodedPassword));
	}

	private static byte[] digest(CharSequence raw) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
