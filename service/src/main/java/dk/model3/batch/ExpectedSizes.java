package dk.model3.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.check.ExpectedTierSizes;

/**
 * The memo's expected tier sizes ({@link ExpectedTierSizes}, in core) beside the counts
 * of a batch run, for its summary and report.
 */
final class ExpectedSizes {

	private ExpectedSizes() {
	}

	/** The expectations beside the counts of each tally. */
	static List<Map<String, Object>> against(Map<String, Tally> tallies) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ExpectedTierSizes.Expected expected : ExpectedTierSizes.NORDDJURS) {
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
