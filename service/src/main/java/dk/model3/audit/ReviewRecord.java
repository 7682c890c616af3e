package dk.model3.audit;

import java.time.Instant;

import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * One review line of the decision log: the caseworker's own decision on a recommendation,
 * linked to it by {@code decisionId}. It repeats the version, the deciding rule and the
 * recommended outcome, so a report over review lines needs no other line. {@code reason}
 * is a code from a fixed list, never free text; {@code reviewer} is the signed-in user;
 * {@code instance} the instance that recorded it.
 */
public record ReviewRecord(String kind, String decisionId, Instant time, String reviewer, Result result, Status status,
		Tier tier, Area responsibleArea, String reason, Recommendation recommended, String rulesVersion,
		String rulesChecksum, String decidingRuleId, String instance) {

	public static final String KIND = "review";

	/** The recommendation the review is about. */
	public record Recommendation(Status status, Tier tier, Area responsibleArea) {

	}

	/** Whether the caseworker followed the recommendation. */
	public enum Result {

		ACCEPTED, OVERRIDDEN

	}

}
