package dk.model3.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Tier;
import org.apache.spark.sql.Row;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcomes ({@link Outcomes}) counted per cohort: the people who entered the model in
 * the same calendar year with the same tier, or with the same flag, followed for the same
 * number of years. A cohort of fewer than {@value #SMALLEST} people is suppressed, as
 * Danish statistics does: its size and figures are not shown; in a cohort that is shown,
 * a cell of fewer than {@value #SMALLEST} people is not shown either
 * ({@link #hiddenCells}).
 */
final class OutcomeTable {

	static final int SMALLEST = 5;

	static final String BY_TIER = "tier";

	static final String BY_FLAG = "flag";

	private OutcomeTable() {
	}

	/** One cohort: who, when they entered and how long after. */
	record Cohort(String by, String group, int entryYear, int years) {

		private static final Comparator<Cohort> ORDER = Comparator
			.comparing((Cohort cohort) -> cohort.by().equals(BY_TIER) ? 0 : 1)
			.thenComparing(Cohort::groupOrder)
			.thenComparing(Cohort::group)
			.thenComparingInt(Cohort::entryYear)
			.thenComparingInt(Cohort::years);

		private int groupOrder() {
			if (this.by.equals(BY_TIER)) {
				for (Tier tier : Tier.values()) {
					if (tier.name().equals(this.group)) {
						return tier.ordinal();
					}
				}
			}
			return 0;
		}

	}

	/**
	 * @param counts rows of years, entry year, entry decision class, outcome and count
	 * @param classes the decision classes by id
	 */
	static ObjectNode of(List<Row> counts, Map<Long, DecisionClass> classes) {
		Map<Cohort, Map<String, Long>> cohorts = new TreeMap<>(Cohort.ORDER);
		for (Row row : counts) {
			int years = row.getInt(0);
			int entryYear = row.getInt(1);
			DecisionClass entry = classes.get(row.getLong(2));
			String outcome = row.getString(3);
			long n = row.getLong(4);
			add(cohorts, new Cohort(BY_TIER, entry.tier(), entryYear, years), outcome, n);
			for (String flag : entry.flags()) {
				add(cohorts, new Cohort(BY_FLAG, flag, entryYear, years), outcome, n);
			}
		}
		ObjectNode json = JsonMapper.builder().build().createObjectNode();
		json.put("smallestCohort", SMALLEST);
		json.put("toleranceDays", Outcomes.TOLERANCE_DAYS);
		ArrayNode states = json.putArray("states");
		Outcomes.STATES.forEach(states::add);
		ArrayNode rows = json.putArray("cohorts");
		cohorts.forEach((cohort, byOutcome) -> {
			ObjectNode node = rows.addObject();
			node.put("by", cohort.by());
			node.put("group", cohort.group());
			node.put("entryYear", cohort.entryYear());
			node.put("years", cohort.years());
			long people = byOutcome.values().stream().mapToLong(Long::longValue).sum();
			if (people < SMALLEST) {
				node.put("suppressed", true);
				return;
			}
			node.put("people", people);
			ObjectNode outcomes = node.putObject("outcomes");
			List<String> hidden = hiddenCells(byOutcome);
			for (String state : Outcomes.STATES) {
				if (hidden.contains(state)) {
					outcomes.putNull(state);
				}
				else {
					outcomes.put(state, byOutcome.getOrDefault(state, 0L));
				}
			}
			if (!hidden.isEmpty()) {
				ArrayNode suppressed = node.putArray("suppressedOutcomes");
				hidden.forEach(suppressed::add);
			}
		});
		return json;
	}

	/**
	 * The cells of a shown cohort that are not shown, in the order of the states: every
	 * cell of 1 to {@value #SMALLEST} - 1 people; and when that is one cell alone, the
	 * smallest other cell with people too, or the cohort's total would give it away. A
	 * cell of no one is shown.
	 */
	static List<String> hiddenCells(Map<String, Long> byOutcome) {
		List<String> hidden = new ArrayList<>();
		for (String state : Outcomes.STATES) {
			long n = byOutcome.getOrDefault(state, 0L);
			if (n > 0 && n < SMALLEST) {
				hidden.add(state);
			}
		}
		if (hidden.size() == 1) {
			String smallest = null;
			for (String state : Outcomes.STATES) {
				long n = byOutcome.getOrDefault(state, 0L);
				if (n > 0 && !hidden.contains(state)
						&& (smallest == null || n < byOutcome.getOrDefault(smallest, 0L))) {
					smallest = state;
				}
			}
			if (smallest != null) {
				hidden.add(smallest);
			}
			hidden.sort(Comparator.comparingInt(Outcomes.STATES::indexOf));
		}
		return hidden;
	}

	private static void add(Map<Cohort, Map<String, Long>> cohorts, Cohort cohort, String outcome, long n) {
		cohorts.computeIfAbsent(cohort, (key) -> new LinkedHashMap<>()).merge(outcome, n, Long::sum);
	}

}
