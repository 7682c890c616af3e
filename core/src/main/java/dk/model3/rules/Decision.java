package dk.model3.rules;

import java.util.List;
import java.util.Set;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * What the rules concluded for one profile, with the reasons: the rules that decided in
 * firing order, why each tier not given was not, the facts a review lacks and the
 * caseworker's next step. {@code decidingRuleId} is the rule that recorded the outcome
 * (null when a decision was copied without it). {@code warnings}: input the plausibility
 * rules found implausible, in firing order; empty when none.
 */
public record Decision(Status status, Tier tier, Area responsibleArea, Set<Flag> flags, List<FiredRule> explanation,
		List<TierReason> whyNot, List<String> missingFacts, Text nextStep, String rulesVersion, String rulesChecksum,
		String decidingRuleId, List<Warning> warnings) {

	public Decision {
		warnings = (warnings != null) ? List.copyOf(warnings) : List.of();
	}

	public Decision(Status status, Tier tier, Area responsibleArea, Set<Flag> flags, List<FiredRule> explanation,
			List<TierReason> whyNot, List<String> missingFacts, Text nextStep, String rulesVersion,
			String rulesChecksum, String decidingRuleId) {
		this(status, tier, responsibleArea, flags, explanation, whyNot, missingFacts, nextStep, rulesVersion,
				rulesChecksum, decidingRuleId, List.of());
	}

	public Decision(Status status, Tier tier, Area responsibleArea, Set<Flag> flags, List<FiredRule> explanation,
			List<TierReason> whyNot, List<String> missingFacts, Text nextStep, String rulesVersion,
			String rulesChecksum) {
		this(status, tier, responsibleArea, flags, explanation, whyNot, missingFacts, nextStep, rulesVersion,
				rulesChecksum, null, List.of());
	}

	/** The ids of the rules that decided, in firing order. */
	public List<String> ruleIds() {
		return this.explanation.stream().map((fired) -> fired.rule().id()).toList();
	}

}
