package dk.model3.facts;

import java.util.List;

/**
 * The conclusion of an outcome rule: status, tier (only when placed), responsible area
 * and, for a manual review, the request fields that would decide the case.
 */
public record Outcome(Status status, Tier tier, Area area, List<String> missingFacts) {

	public Outcome {
		missingFacts = List.copyOf(missingFacts);
	}

	public static Outcome placed(Tier tier, Area area) {
		return new Outcome(Status.PLACED, tier, area, List.of());
	}

	public static Outcome outOfScope(Area area) {
		return new Outcome(Status.OUT_OF_SCOPE, null, area, List.of());
	}

	public static Outcome manualReview(Area area, String... missingFacts) {
		return new Outcome(Status.MANUAL_REVIEW, null, area, List.of(missingFacts));
	}

	/**
	 * The outcome's label in reports and transition matrices: the status, and the tier
	 * when placed ("PLACED CROSS_SECTOR", "MANUAL_REVIEW").
	 */
	public static String label(Status status, Tier tier) {
		return (tier != null) ? status + " " + tier : status.toString();
	}

	/** This outcome's {@link #label(Status, Tier) label}. */
	public String label() {
		return label(this.status, this.tier);
	}

}
