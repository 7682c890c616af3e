package dk.model3.workbench;

import java.util.List;

import dk.model3.facts.Tier;

/**
 * The tier sizes the memo expects in Norddjurs (seed 000, "Udgangspunktet er en opdeling
 * af borgerne i tre grupper/lag"), shown beside the preview's counts. The same figures as
 * the batch report's {@code ExpectedSizes} (package-private there); the integrator should
 * make that one public and use it here, so the figures live in one place.
 */
final class ExpectedTierSizes {

	record Expected(Tier tier, String text, long atLeast, long atMost) {

		boolean met(long count) {
			return count >= this.atLeast && count <= this.atMost;
		}

	}

	static final List<Expected> NORDDJURS = List.of(
			new Expected(Tier.EMPLOYMENT_ONLY, "not under 300", 300, Long.MAX_VALUE),
			new Expected(Tier.CROSS_SECTOR, "not under 125", 125, Long.MAX_VALUE),
			new Expected(Tier.PENSION_SOCIAL, "about 2,000", 1600, 2400));

	private ExpectedTierSizes() {
	}

}
