package dk.model3.intake;

import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;

/**
 * The ids of the form's controls, so an error or a missing fact can link to its field: a
 * group of radios or checkboxes is reached through its first control.
 */
final class Controls {

	private Controls() {
	}

	/** The control's id for a request field or a JSON pointer such as /problems/2. */
	static String anchor(String fieldOrPointer) {
		String field = field(fieldOrPointer);
		if ("employmentPotential".equals(field)) {
			return field + "-" + EmploymentPotential.values()[0].name();
		}
		if ("problems".equals(field)) {
			return field + "-" + Problem.values()[0].name();
		}
		return field;
	}

	/** The request field a JSON pointer points into: /problems/2 → problems. */
	static String field(String fieldOrPointer) {
		String field = fieldOrPointer.startsWith("/") ? fieldOrPointer.substring(1) : fieldOrPointer;
		int slash = field.indexOf('/');
		return (slash < 0) ? field : field.substring(0, slash);
	}

}
