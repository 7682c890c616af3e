package dk.model3.triage;

import java.time.Clock;
import java.time.LocalDate;

import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.RuleVersions;

import org.springframework.stereotype.Service;

/**
 * Triages one request: picks the rule version (pinned, or in force on the assessment
 * date, by default today in Copenhagen) and runs it.
 */
@Service
public class Triage {

	private final RuleVersions versions;

	private final Clock clock;

	public Triage(RuleVersions versions, Clock clock) {
		this.versions = versions;
		this.clock = clock;
	}

	public TriageResponse triage(TriageRequest request) {
		LocalDate date = (request.assessmentDate() != null) ? request.assessmentDate() : LocalDate.now(this.clock);
		CompiledRules rules = this.versions.resolve(request.rulesVersion(), date);
		Decision decision = rules.evaluate(request.profile());
		return TriageResponse.of(request.citizenRef(), date, decision);
	}

}
