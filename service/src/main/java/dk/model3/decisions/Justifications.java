package dk.model3.decisions;

import java.util.List;

import dk.model3.audit.DecisionLog;
import dk.model3.audit.DecisionRecord;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.versions.UnknownVersion;

import org.springframework.stereotype.Service;

/**
 * The written justification of a decision, rebuilt from its decision-log line and the
 * rule texts of the version that decided it: nothing of the profile is kept beyond what
 * the log holds, and it works after a restart.
 */
@Service
public class Justifications {

	/** The languages a justification is written in. */
	public static final List<String> LANGUAGES = List.of("da", "en");

	private final DecisionLog log;

	private final RuleVersions versions;

	Justifications(DecisionLog log, RuleVersions versions) {
		this.log = log;
		this.versions = versions;
	}

	/**
	 * The justification in {@code lang} ({@code da} or {@code en}).
	 * @throws UnknownDecision when the log has no decision with the id
	 * @throws IllegalArgumentException for another language
	 */
	public String text(String decisionId, String lang) {
		if (!LANGUAGES.contains(lang)) {
			throw new IllegalArgumentException("lang must be one of " + LANGUAGES);
		}
		DecisionRecord decision = this.log.decision(decisionId).orElseThrow(() -> new UnknownDecision(decisionId));
		return JustificationText.write(decision, this.log.review(decisionId).orElse(null), rulesThatDecided(decision),
				lang);
	}

	// the texts of the version that decided, only if it is still the same files
	private List<RuleMetadata> rulesThatDecided(DecisionRecord decision) {
		try {
			CompiledRules rules = this.versions.byId(decision.rulesVersion());
			return rules.checksum().equals(decision.rulesChecksum()) ? rules.rules() : List.of();
		}
		catch (UnknownVersion ex) {
			return List.of();
		}
	}

}
