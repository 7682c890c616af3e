package dk.model3.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import dk.model3.rules.Decision;

/**
 * What every row of one class shares under one version: the outcome, the flags and the
 * deciding rules; or, for a profile the version cannot decide, the kind and reason of the
 * reject. Its id is a hash of exactly these, so every executor gives the same class the
 * same id without asking anyone.
 */
record DecisionClass(String version, String checksum, long id, String status, String tier, String area,
		List<String> flags, List<String> ruleIds, String rejectKind, String rejectReason) implements Serializable {

	static DecisionClass of(String version, String checksum, Decision decision) {
		String status = decision.status().name();
		String tier = (decision.tier() != null) ? decision.tier().name() : null;
		String area = decision.responsibleArea().name();
		List<String> flags = decision.flags().stream().map(Enum::name).sorted().toList();
		List<String> ruleIds = List.copyOf(decision.ruleIds());
		return new DecisionClass(version, checksum,
				id(checksum, status, tier, area, String.join(",", flags), String.join(",", ruleIds)), status, tier,
				area, flags, ruleIds, null, null);
	}

	static DecisionClass rejected(String version, String checksum, String kind, String reason) {
		return new DecisionClass(version, checksum, id(checksum, kind, reason), null, null, null, List.of(), List.of(),
				kind, reason);
	}

	boolean isRejected() {
		return this.rejectKind != null;
	}

	private static long id(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return ByteBuffer.wrap(digest.digest()).getLong() & Long.MAX_VALUE;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
