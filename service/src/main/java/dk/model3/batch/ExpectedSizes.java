package dk.model3.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Tier;

/**
 * The tier sizes the model expects in Norddjurs (seed 000, "Udgangspunktet er en opdeling
 * af borgerne i tre grupper/lag"): tier 1 not under 300, tier 2 not under 125, tier 3
 * about 2,000. "About" is read as within 20 percent. These are the memo's expectations of
 * a population, not rules: no citizen's result depends on them. The batch report and the
 * workbench's impact preview show them beside their counts.
 */
public final class ExpectedSizes {

	public static final String SOURCE = "000_376bb355f2c46007.txt, \"Udgangspunktet er en opdeling af borgerne i tre grupper/lag\"";

	public record Expected(Tier tier, String text, long atLeast, long atMost) {

		public boolean met(long count) {
			return count >= this.atLeast && count <= this.atMost;
		}

	}

	public static final List<Expected> NORDDJURS = List.of(
			new Expected(Tier.EMPLOYMENT_ONLY, "not under 300", 300, Long.MAX_VALUE),
			new Expected(Tier.CROSS_SECTOR, "not under 125", 125, Long.MAX_VALUE),
			new Expected(Tier.PENSION_SOCIAL, "about 2,000", 1600, 2400));

	private ExpectedSizes() {
	}

	/** The expectations beside the counts of each tally. */
	static List<Map<String, Object>> against(Map<String, Tally> tallies) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Expected expected : NORDDJURS) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("tier", expected.tier());
			row.put("expected", expected.text());
			row.put("expectedMin", expected.atLeast());
			if (expected.atMost() != Long.MAX_VALUE) {
				row.put("expectedMax", expected.atMost());
			}
			Map<String, Object> counts = new LinkedHashMap<>();
			tallies.forEach((label, tally) -> {
				long count = tally.tier(expected.tier());
				Map<String, Object> actual = new LinkedHashMap<>();
				actual.put("count", count);
				actual.put("met", expected.met(count));
				counts.put(label, actual);
			});
			row.put("actual", counts);
			rows.add(row);
		}
		return rows;
	}

}
