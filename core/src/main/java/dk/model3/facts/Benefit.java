package dk.model3.facts;

/**
 * The benefit the citizen receives on the assessment date (contract field
 * {@code benefit}).
 */
public enum Benefit {

	CASH_BENEFIT, EDUCATION_BENEFIT, SICKNESS_BENEFIT, RESOURCE_COURSE_BENEFIT, JOB_CLARIFICATION_BENEFIT,
	FLEXJOB_UNEMPLOYMENT_BENEFIT, UNEMPLOYMENT_INSURANCE, INTEGRATION_BENEFIT, DISABILITY_PENSION, OLD_AGE_PENSION, NONE

}
