package dk.model3.facts;

/** The three tiers of model 3. */
public enum Tier {

	EMPLOYMENT_ONLY, CROSS_SECTOR, PENSION_SOCIAL

}
