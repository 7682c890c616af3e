package dk.model3.population;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import tools.jackson.databind.json.JsonMapper;

/**
 * One synthetic citizen as a triage request; {@code departmentsInvolved} may be null.
 */
record Citizen(String citizenRef, int age, LocalDate assessmentDate, Benefit benefit,
		EmploymentPotential employmentPotential, List<Problem> problems, boolean brainInjuryCoordination,
		boolean measuresSentence, boolean placedOutOfHome, boolean serviceActMeasures, Integer departmentsInvolved) {

	static final String CSV_HEADER = "citizenRef,age,assessmentDate,benefit,employmentPotential,problems,"
			+ "brainInjuryCoordination,measuresSentence,placedOutOfHome,serviceActMeasures,departmentsInvolved";

	/** One JSON line in contract field order; false and absent values left out. */
	String jsonLine() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("citizenRef", this.citizenRef);
		fields.put("age", this.age);
		fields.put("assessmentDate", this.assessmentDate.toString());
		fields.put("benefit", this.benefit);
		fields.put("employmentPotential", this.employmentPotential);
		fields.put("problems", this.problems);
		putTrue(fields, "brainInjuryCoordination", this.brainInjuryCoordination);
		putTrue(fields, "measuresSentence", this.measuresSentence);
		putTrue(fields, "placedOutOfHome", this.placedOutOfHome);
		putTrue(fields, "serviceActMeasures", this.serviceActMeasures);
		if (this.departmentsInvolved != null) {
			fields.put("departmentsInvolved", this.departmentsInvolved);
		}
		return JsonMapper.shared().writeValueAsString(fields);
	}

	/** One CSV row under {@link #CSV_HEADER}; false and absent values stay empty. */
	String csvLine() {
		StringBuilder line = new StringBuilder(160);
		line.append(this.citizenRef).append(',').append(this.age).append(',').append(this.assessmentDate);
		line.append(',').append(this.benefit).append(',').append(this.employmentPotential).append(',');
		for (int i = 0; i < this.problems.size(); i++) {
			line.append((i > 0) ? "|" : "").append(this.problems.get(i));
		}
		line.append(',').append(this.brainInjuryCoordination ? "true" : "");
		line.append(',').append(this.measuresSentence ? "true" : "");
		line.append(',').append(this.placedOutOfHome ? "true" : "");
		line.append(',').append(this.serviceActMeasures ? "true" : "");
		line.append(',').append((this.departmentsInvolved != null) ? this.departmentsInvolved.toString() : "");
		return line.toString();
	}

	private static void putTrue(Map<String, Object> fields, String name, boolean value) {
		if (value) {
			fields.put(name, true);
		}
	}

}
