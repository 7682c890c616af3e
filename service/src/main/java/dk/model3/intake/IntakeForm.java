package dk.model3.intake;

import java.util.List;

import dk.model3.pages.FormFields;
import dk.model3.request.CprNumbers;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the intake form sent, as typed: every control is named by its request field. It
 * becomes the JSON object the API would receive, so the API's own reader checks it.
 */
record IntakeForm(String citizenRef, String age, String assessmentDate, String rulesVersion, String benefit,
		String employmentPotential, List<String> problems, String brainInjuryCoordination, String measuresSentence,
		String placedOutOfHome, String serviceActMeasures, String departmentsInvolved) {

	IntakeForm {
		problems = (problems != null) ? List.copyOf(problems) : List.of();
	}

	static IntakeForm empty() {
		return new IntakeForm(null, null, null, null, null, null, List.of(), null, null, null, null, null);
	}

	/**
	 * The request body the API would get: empty controls are left out, numbers that are
	 * whole numbers become numbers (anything else stays text, for the reader to refuse).
	 */
	ObjectNode json() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		FormFields.text(node, "citizenRef", this.citizenRef);
		FormFields.text(node, "assessmentDate", this.assessmentDate);
		FormFields.text(node, "rulesVersion", this.rulesVersion);
		FormFields.facts(node, this.age, this.benefit, this.employmentPotential, this.problems,
				this.brainInjuryCoordination, this.measuresSentence, this.placedOutOfHome, this.serviceActMeasures,
				this.departmentsInvolved);
		return node;
	}

	/** The same answers without a case reference that looks like a CPR number. */
	IntakeForm withoutCpr() {
		if (this.citizenRef == null || !CprNumbers.contains(this.citizenRef)) {
			return this;
		}
		return new IntakeForm(null, this.age, this.assessmentDate, this.rulesVersion, this.benefit,
				this.employmentPotential, this.problems, this.brainInjuryCoordination, this.measuresSentence,
				this.placedOutOfHome, this.serviceActMeasures, this.departmentsInvolved);
	}

	public boolean checked(String problem) {
		return this.problems.contains(problem);
	}

}
