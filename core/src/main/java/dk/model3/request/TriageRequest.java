package dk.model3.request;

import java.time.LocalDate;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;

/**
 * A valid triage request. {@code assessmentDate} and {@code rulesVersion} may be null:
 * the caller then gets today's date and the version in force on it.
 */
public record TriageRequest(String citizenRef, int age, LocalDate assessmentDate, String rulesVersion, Benefit benefit,
		EmploymentPotential employmentPotential, Set<Problem> problems, boolean brainInjuryCoordination,
		boolean measuresSentence, boolean placedOutOfHome, boolean serviceActMeasures, Integer departmentsInvolved) {

	public Profile profile() {
		return new Profile(this.age, this.benefit, this.employmentPotential, this.problems,
				this.brainInjuryCoordination, this.measuresSentence, this.placedOutOfHome, this.serviceActMeasures,
				this.departmentsInvolved);
	}

}
