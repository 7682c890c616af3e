package dk.model3.batch;

import java.time.LocalDate;
import java.util.List;

import dk.model3.rules.Decision;

/**
 * A decision with what the batch needs from it more than once: its outcome label, its
 * rule ids and the template its response is written from.
 */
final class Evaluated {

	private final Decision decision;

	private final String outcome;

	private final List<String> ruleIds;

	private final ResponseTemplates.Template template;

	Evaluated(Decision decision, ResponseTemplates.Template template) {
		this.decision = decision;
		this.outcome = (decision.tier() != null) ? decision.status() + " " + decision.tier()
				: decision.status().toString();
		this.ruleIds = decision.ruleIds();
		this.template = template;
	}

	Decision decision() {
		return this.decision;
	}

	/** Status and tier, as the transition matrix labels them. */
	String outcome() {
		return this.outcome;
	}

	List<String> ruleIds() {
		return this.ruleIds;
	}

	void write(ResponseTemplates templates, Bytes out, String citizenRef, LocalDate assessmentDate) {
		templates.write(this.template, out, citizenRef, assessmentDate, this.decision);
	}

}
