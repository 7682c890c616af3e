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
 * One decision line of the decision log. {@code facts} holds only the profile fields the
 * deciding and why-not rules read; {@code citizenRefHmac} stands for the case reference.
 * With the rule ids of the explanation and of the why-nots, the recorded version gives
 * back every text, source and fact of the answer: the justification is built from this
 * line alone. {@code instance} is the instance that decided (absent on lines written
 * before there were several).
 */
public record DecisionRecord(String kind, String decisionId, Instant time, String citizenRefHmac,
		LocalDate assessmentDate, String rulesVersion, boolean versionPinned, String rulesChecksum,
		Map<String, Object> facts, Result outcome, List<String> ruleIds, String decidingRuleId, List<RuledOut> whyNot,
		String instance) {

	static final String KIND = "decision";

	public DecisionRecord {
		facts = (facts != null) ? facts : Map.of();
		ruleIds = (ruleIds != null) ? List.copyOf(ruleIds) : List.of();
		whyNot = (whyNot != null) ? List.copyOf(whyNot) : List.of();
	}

	/** What was decided. */
	public record Result(Status status, Tier tier, Area responsibleArea, List<Flag> flags, List<String> missingFacts) {

		public Result {
			flags = (flags != null) ? List.copyOf(flags) : List.of();
			missingFacts = (missingFacts != null) ? List.copyOf(missingFacts) : List.of();
		}

	}

	/** A tier not given and the why-not rule that says why. */
	public record RuledOut(Tier tier, String ruleId) {

	}

}
