package dk.model3.facts;

/** The caseworker's assessment of the citizen's employment potential. */
public enum EmploymentPotential {

	PRESENT, VERY_LIMITED, NONE, UNKNOWN

}
