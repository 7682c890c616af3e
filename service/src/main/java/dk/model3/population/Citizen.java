package dk.model3.population;

import java.time.LocalDate;
import java.util.List;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;

/**
 * One synthetic citizen as a triage request; {@code departmentsInvolved} may be null.
 */
record Citizen(String citizenRef, int age, LocalDate assessmentDate, Benefit benefit,
		EmploymentPotential employmentPotential, List<Problem> problems, boolean brainInjuryCoordination,
		boolean measuresSentence, boolean placedOutOfHome, boolean serviceActMeasures, Integer departmentsInvolved) {

	static final String CSV_HEADER = "citizenRef,age,assessmentDate,benefit,employmentPotential,problems,"
			+ "brainInjuryCoordination,measuresSentence,placedOutOfHome,serviceActMeasures,departmentsInvolved";

	/**
	 * One JSON line in contract field order. Written by hand: every value is an enum
	 * name, a number, a date or a reference of safe characters, so nothing needs
	 * escaping.
	 */
	String jsonLine() {
		StringBuilder line = new StringBuilder(256);
		line.append("{\"citizenRef\":\"").append(this.citizenRef).append("\",\"age\":").append(this.age);
		line.append(",\"assessmentDate\":\"").append(this.assessmentDate).append('"');
		line.append(",\"benefit\":\"").append(this.benefit).append('"');
		line.append(",\"employmentPotential\":\"").append(this.employmentPotential).append('"');
		line.append(",\"problems\":[");
		for (int i = 0; i < this.problems.size(); i++) {
			line.append((i > 0) ? ",\"" : "\"").append(this.problems.get(i)).append('"');
		}
		line.append(']');
		appendTrue(line, "brainInjuryCoordination", this.brainInjuryCoordination);
		appendTrue(line, "measuresSentence", this.measuresSentence);
		appendTrue(line, "placedOutOfHome", this.placedOutOfHome);
		appendTrue(line, "serviceActMeasures", this.serviceActMeasures);
		if (this.departmentsInvolved != null) {
			line.append(",\"departmentsInvolved\":").append(this.departmentsInvolved);
		}
		return line.append('}').toString();
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

	private static void appendTrue(StringBuilder line, String name, boolean value) {
		if (value) {
			line.append(",\"").append(name).append("\":true");
		}
	}

}
