package dk.model3.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks passwords against their bcrypt hashes, remembering for a few minutes the
 * passwords it has verified. HTTP Basic sends the password with every request, and a
 * bcrypt check costs tens of milliseconds by design; without the cache every API call
 * would pay it. The cache holds a keyed hash (HMAC under a key made at start, never
 * stored) of the stored hash and the password, never the password; only successes are
 * remembered (a guesser cannot fill the cache), so a wrong guess always costs the full
 * bcrypt check. Requests bringing the same password at the same time wait for one check.
 * A password hashed here is remembered with its new hash as verified: the built-in users'
 * passwords are hashed at start, and the first sign-in then skips a second bcrypt run on
 * a cold JVM, which delayed the first answer after a start.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

	static final Duration REMEMBER = Duration.ofMinutes(5);

	private final PasswordEncoder encoder;

	private final Cache<String, Boolean> verified;

	private final SecretKeySpec key;

	// a Mac is not thread-safe; one per thread saves the provider lookup and key set-up
	// that cost a few per cent of every request's CPU in the load benchmark
	private final ThreadLocal<Mac> macs;

	VerifiedPasswordCache(PasswordEncoder encoder, Ticker ticker) {
		this.encoder = encoder;
		this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBER).ticker(ticker).build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		String encoded = this.encoder.encode(rawPassword);
		this.verified.put(fingerprint(rawPassword, encoded), Boolean.TRUE);
		return encoded;
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		String fingerprint = fingerprint(rawPassword, encodedPassword);
		// requests bringing the same password at once share one check instead of each
		// paying bcrypt
		boolean matches = this.verified.get(fingerprint, (key) -> this.encoder.matches(rawPassword, encodedPassword));
		if (!matches) {
			this.verified.invalidate(fingerprint);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.encoder.upgradeEncoding(encodedPassword);
	}

	private String fingerprint(CharSequence rawPassword, String encodedPassword) {
		// doFinal leaves the Mac reset with its key, ready for the next request
		Mac mac = this.macs.get();
		mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JVM", ex);
		}
	}

}
