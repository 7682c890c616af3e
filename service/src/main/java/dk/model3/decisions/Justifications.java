package dk.model3.decisions;

import java.util.List;

import dk.model3.audit.DecisionRecords;
import dk.model3.audit.DecisionRecord;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.versions.UnknownVersion;

import org.springframework.stereotype.Service;

/**
 * The written justification of a decision, rebuilt from its stored record and the rule
 * texts of the version that decided it: nothing of the profile is kept beyond what the
 * record holds. Every read is recorded with who read it.
 */
@Service
public class Justifications {

	/** The languages a justification is written in. */
	public static final List<String> LANGUAGES = List.of("da", "en");

	private final DecisionRecords records;

	private final RuleVersions versions;

	Justifications(DecisionRecords records, RuleVersions versions) {
		this.records = records;
		this.versions = versions;
	}

	/**
	 * The justification in {@code lang} ({@code da} or {@code en}), read by
	 * {@code reader} (the signed-in user), recorded as a read of {@code what} (the access
	 * log).
	 * @throws UnknownDecision when the records have no decision with the id
	 * @throws IllegalArgumentException for another language
	 */
	public String text(String decisionId, String lang, String reader, String what) {
		if (!LANGUAGES.contains(lang)) {
			throw new IllegalArgumentException("lang must be one of " + LANGUAGES);
		}
		DecisionRecord decision = this.records.decision(decisionId).orElseThrow(() -> new UnknownDecision(decisionId));
		this.records.read(decisionId, reader, what);
		return JustificationText.write(decision, this.records.review(decisionId).orElse(null),
				rulesThatDecided(decision), lang);
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
