package dk.model3.rules.check;

import java.util.List;

import dk.model3.facts.Tier;

/**
 * The tier sizes the model expects in Norddjurs (seed 000, "Udgangspunktet er en opdeling
 * af borgerne i tre grupper/lag"): tier 1 not under 300, tier 2 not under 125, tier 3
 * about 2,000. "About" is read as within 20 percent. These are the memo's expectations of
 * a population, not rules: no citizen's result depends on them. The batch report, the
 * workbench's impact preview and the Spark job's report show them beside their counts.
 */
public final class ExpectedTierSizes {

	/** The seed and section the sizes come from. */
	public static final String SOURCE = "000_376bb355f2c46007.txt, \"Udgangspunktet er en opdeling af borgerne i tre grupper/lag\"";

	/**
	 * One tier's expected size.
	 *
	 * @param atMost {@code Long.MAX_VALUE} when the memo gives no upper bound
	 */
	public record Expected(Tier tier, String text, long atLeast, long atMost) {

		public boolean met(long count) {
			return count >= this.atLeast && count <= this.atMost;
		}

	}

	/** Each tier's expected size, in the tiers' order. */
	public static final List<Expected> NORDDJURS = List.of(
			new Expected(Tier.EMPLOYMENT_ONLY, "not under 300", 300, Long.MAX_VALUE),
			new Expected(Tier.CROSS_SECTOR, "not under 125", 125, Long.MAX_VALUE),
			new Expected(Tier.PENSION_SOCIAL, "about 2,000", 1600, 2400));

	private ExpectedTierSizes() {
	}

	/** The expected size of one tier. */
	public static Expected of(Tier tier) {
		return NORDDJURS.stream()
			.filter((expected) -> expected.tier() == tier)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no expected size for " + tier));
	}

}
