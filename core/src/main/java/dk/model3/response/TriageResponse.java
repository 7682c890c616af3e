package dk.model3.response;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.Decision;
import dk.model3.rules.FiredRule;
import dk.model3.rules.SourceRef;
import dk.model3.rules.Text;
import dk.model3.rules.TierReason;
import dk.model3.rules.Warning;

/**
 * The contract's triage response; built from a decision, the same for the API and batch
 * files. {@code decisionId} is set for a decision the API made (and logged), and left out
 * of evaluations, which decide nothing.
 */
public record TriageResponse(String citizenRef, @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId,
		Status status, Tier tier, Area responsibleArea, List<Flag> flags, String rulesVersion, String rulesChecksum,
		LocalDate assessmentDate, List<Explanation> explanation, List<WhyNot> whyNot, List<String> missingFacts,
		Text nextStep, List<Warning> warnings) {

	/** A rule that decided, with the facts it used. */
	public record Explanation(String ruleId, String rule, Text text, SourceRef source, Map<String, Object> facts) {

	}

	/** Why a tier was not given. */
	public record WhyNot(Tier tier, String ruleId, Text text, SourceRef source) {

	}

	public static TriageResponse of(String citizenRef, LocalDate assessmentDate, Decision decision) {
		return of(null, citizenRef, assessmentDate, decision);
	}

	public static TriageResponse of(String decisionId, String citizenRef, LocalDate assessmentDate, Decision decision) {
		List<Explanation> explanation = decision.explanation().stream().map(TriageResponse::explanation).toList();
		List<WhyNot> whyNot = decision.whyNot().stream().map(TriageResponse::whyNot).toList();
		return new TriageResponse(citizenRef, decisionId, decision.status(), decision.tier(),
				decision.responsibleArea(), List.copyOf(decision.flags()), decision.rulesVersion(),
				decision.rulesChecksum(), assessmentDate, explanation, whyNot, decision.missingFacts(),
				decision.nextStep(), decision.warnings());
	}

	private static Explanation explanation(FiredRule fired) {
		return new Explanation(fired.rule().id(), fired.rule().name(), fired.rule().text(), fired.rule().source(),
				fired.facts());
	}

	private static WhyNot whyNot(TierReason reason) {
		return new WhyNot(reason.tier(), reason.rule().id(), reason.rule().text(), reason.rule().source());
	}

}
