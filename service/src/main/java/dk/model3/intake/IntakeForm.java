package dk.model3.intake;

import java.util.List;
import java.util.regex.Pattern;

import dk.model3.request.CprNumbers;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the intake form sent, as typed: every control is named by its request field. It
 * becomes the JSON object the API would receive, so the API's own reader checks it.
 */
record IntakeForm(String citizenRef, String age, String assessmentDate, String rulesVersion, String benefit,
		String employmentPotential, List<String> problems, String brainInjuryCoordination, String measuresSentence,
		String placedOutOfHome, String serviceActMeasures, String departmentsInvolved) {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

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
		text(node, "citizenRef", this.citizenRef);
		number(node, "age", this.age);
		text(node, "assessmentDate", this.assessmentDate);
		text(node, "rulesVersion", this.rulesVersion);
		text(node, "benefit", this.benefit);
		text(node, "employmentPotential", this.employmentPotential);
		if (!this.problems.isEmpty()) {
			ArrayNode array = node.putArray("problems");
			this.problems.forEach(array::add);
		}
		bool(node, "brainInjuryCoordination", this.brainInjuryCoordination);
		bool(node, "measuresSentence", this.measuresSentence);
		bool(node, "placedOutOfHome", this.placedOutOfHome);
		bool(node, "serviceActMeasures", this.serviceActMeasures);
		number(node, "departmentsInvolved", this.departmentsInvolved);
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

	private static void text(ObjectNode node, String name, String value) {
		if (!blank(value)) {
			node.put(name, value.strip());
		}
	}

	private static void number(ObjectNode node, String name, String value) {
		if (blank(value)) {
			return;
		}
		String stripped = value.strip();
		if (WHOLE_NUMBER.matcher(stripped).matches()) {
			node.put(name, Integer.parseInt(stripped));
		}
		else {
			node.put(name, stripped);
		}
	}

	// an unticked checkbox sends nothing; a ticked one sends "true"
	private static void bool(ObjectNode node, String name, String value) {
		if (blank(value)) {
			return;
		}
		if ("true".equals(value.strip())) {
			node.put(name, true);
		}
		else {
			node.put(name, value.strip());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
