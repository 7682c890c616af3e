package dk.model3.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a citizen reference: the same reference always gives the same hash, so
 * those who hold the key can join the log to their cases; without the key the hash cannot
 * be computed from a guessed reference. Written as unpadded base64url (43 characters): a
 * valid case reference for the contract, so replayed lines pass the same validation, and
 * hex would often hold a run of ten digits that reads as a CPR number.
 */
final class CitizenRefHasher {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	// a Mac is not thread-safe; one per thread avoids both locking and a lookup per call
	private final ThreadLocal<Mac> macs;

	CitizenRefHasher(String key) {
		if (key == null || key.getBytes(StandardCharsets.UTF_8).length < DecisionLogKey.MIN_BYTES) {
			throw new IllegalArgumentException(
					"the decision-log key must be at least " + DecisionLogKey.MIN_BYTES + " bytes");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	String hash(String citizenRef) {
		Mac mac = this.macs.get();
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(citizenRef.getBytes(StandardCharsets.UTF_8)));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JVM", ex);
		}
	}

}
