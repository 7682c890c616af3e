package dk.model3.spark;

/**
 * The tier sizes the memo expects in Norddjurs (seed 000, "Udgangspunktet er en opdeling
 * af borgerne i tre grupper/lag"): tier 1 not under 300, tier 2 not under 125, tier 3
 * about 2,000, "about" read as within 20 percent. The same figures as the batch's
 * {@code ExpectedSizes} in the service, which this module cannot depend on; both belong
 * in core once one of them changes.
 */
final class ExpectedTierSizes {

	private ExpectedTierSizes() {
	}

	/**
	 * The least and most count expected for a tier ({@code Long.MAX_VALUE}: no upper
	 * bound).
	 */
	static long[] of(String tier) {
		return switch (tier) {
			case "EMPLOYMENT_ONLY" -> new long[] { 300, Long.MAX_VALUE };
			case "CROSS_SECTOR" -> new long[] { 125, Long.MAX_VALUE };
			case "PENSION_SOCIAL" -> new long[] { 1600, 2400 };
			default -> throw new IllegalArgumentException("no expected size for " + tier);
		};
	}

}
