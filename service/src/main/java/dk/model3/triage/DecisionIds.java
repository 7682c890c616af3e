package dk.model3.triage;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Decision ids: UUIDs of version 7 (RFC 9562), the millisecond of the decision first,
 * then 74 random bits. As unguessable as a random UUID and derived from nothing about the
 * case, but each id sorts after those of earlier milliseconds, so the records' index of
 * decision ids grows at its end: a commit rewrites one page of it instead of one page per
 * decision anywhere in it (which the embedded database must often read first), and the
 * embedded database writes less than half as much per decision.
 */
final class DecisionIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private DecisionIds() {
	}

	/** A new decision id for a decision made at {@code epochMillis}. */
	static String next(long epochMillis) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		// 48 bits of time, the version (7), 12 random bits
		long high = (epochMillis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		// the variant (binary 10), 62 random bits
		long low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
		for (int i = 3; i < 10; i++) {
			low |= (random[i] & 0xFFL) << (8 * (9 - i));
		}
		return new UUID(high, low).toString();
	}

}
