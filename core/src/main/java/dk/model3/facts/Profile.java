package dk.model3.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The citizen as the rules see it: only the facts the policy needs, never a name, a CPR
 * number or free text. Immutable; rules read it and never change it.
 */
public record Profile(int age, Benefit benefit, EmploymentPotential employmentPotential, Set<Problem> problems,
		boolean brainInjuryCoordination, boolean measuresSentence, boolean placedOutOfHome, boolean serviceActMeasures,
		Integer departmentsInvolved) {

	public Profile {
		// an EnumSet keeps the problems in contract order wherever they are listed
		problems = problems.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(problems));
	}

}
