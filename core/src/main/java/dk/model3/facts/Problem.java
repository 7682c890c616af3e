package dk.model3.facts;

/**
 * A problem recorded on the profile. Which of them count as markers of very complex
 * problems is decided by the rule files, not here.
 */
public enum Problem {

	SEVERE_MENTAL_ILLNESS, EXTENSIVE_PHYSICAL_DISABILITY, SERIOUS_FAMILY_PROBLEMS, HOMELESSNESS, SEVERE_SUBSTANCE_ABUSE,
	MENTAL_HEALTH_PROBLEMS, PHYSICAL_HEALTH_PROBLEMS, SUBSTANCE_ABUSE, SOCIAL_PROBLEMS, ANXIETY, LOW_COGNITIVE_ABILITY,
	AUTISM, ADHD, DEVELOPMENTAL_DISABILITY

}
