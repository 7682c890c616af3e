package dk.model3.facts;

/**
 * Exceptions, exclusions and offers a result can carry (contract field {@code flags}).
 */
public enum Flag {

	YOUTH_15_17_EXCEPTION, YOUTH_15_17_SOCIAL_ANCHOR, BRAIN_INJURY_EXCLUSION, SICKNESS_BENEFIT_STAYS_IN_EMPLOYMENT,
	MEASURES_SENTENCE, YOUTH_COORDINATION_COMMITTEE, JOINT_PLAN_OFFER, KUI_NETWORK_MEETING

}
