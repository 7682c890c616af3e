package dk.model3.facts;

/** The municipal area that holds the case. */
public enum Area {

	EMPLOYMENT, SOCIAL, HEALTH_AND_CARE, CHILDREN_AND_FAMILY

}
