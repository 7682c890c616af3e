package dk.model3.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * One line of the decision log. {@code facts} holds only the profile fields the deciding
 * rules read; {@code citizenRefHmac} stands for the case reference.
 */
record DecisionRecord(String decisionId, Instant time, String citizenRefHmac, LocalDate assessmentDate,
		String rulesVersion, boolean versionPinned, String rulesChecksum, Map<String, Object> facts, Result outcome,
		List<String> ruleIds) {

	/** What was decided. */
	record Result(Status status, Tier tier, Area responsibleArea, List<Flag> flags, List<String> missingFacts) {

	}

}
