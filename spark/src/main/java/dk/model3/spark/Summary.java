package dk.model3.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Outcome;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.TransitionMatrix;
import org.apache.spark.sql.Row;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The summary per period: rows in, out and rejected; counts by status, tier, flag and
 * responsible area per version; with two versions the transition matrix; the courses and
 * the area-stability measure. Every figure comes from one grouping of the rows by period,
 * reject kind and decision class (and one of the courses): Spark counts, and only these
 * small tables come back to the driver, where the table of classes names what each class
 * stands for.
 */
final class Summary {

	static final String WITHOUT_PERIOD = "none";

	private final Map<String, ObjectNode> periods = new TreeMap<>();

	private Summary() {
	}

	/**
	 * @param counts rows of period, reject kind, decision class, compared decision class
	 * and count
	 * @param courses rows of toPeriod, course, inModelBoth, coherent and count
	 */
	static ObjectNode of(JobSettings settings, InputFormat format, List<Row> counts, Map<Long, DecisionClass> classes,
			List<Row> courses, Map<String, String> sharing) {
		Summary summary = new Summary();
		Map<String, TransitionMatrix> transitions = new TreeMap<>();
		for (Row row : counts) {
			summary.count(settings, row, classes, transitions);
		}
		transitions.forEach((key, matrix) -> {
			ObjectNode node = summary.periodNamed(key).putObject("transitions");
			matrix.counts().forEach((before, to) -> {
				ObjectNode target = node.putObject(before);
				to.forEach(target::put);
			});
		});
		summary.courses(courses);
		ObjectNode json = summary.json(settings, format);
		ObjectNode shared = json.putObject("sharing");
		sharing.forEach(shared::put);
		return json;
	}

	private void count(JobSettings settings, Row row, Map<Long, DecisionClass> classes,
			Map<String, TransitionMatrix> transitions) {
		ObjectNode period = period(row.get(0));
		long n = row.getLong(4);
		period.put("in", period.path("in").asLong(0) + n);
		DecisionClass decided = row.isNullAt(2) ? null : classes.get(row.getLong(2));
		DecisionClass compared = row.isNullAt(3) ? null : classes.get(row.getLong(3));
		String kind = row.getString(1);
		if (kind == null && decided != null && decided.isRejected()) {
			kind = decided.rejectKind();
		}
		if (kind == null && compared != null && compared.isRejected()) {
			kind = compared.rejectKind();
		}
		if (kind != null) {
			period.put("rejected", period.path("rejected").asLong(0) + n);
			increment(period.withObjectProperty("rejectsByKind"), kind, n);
			return;
		}
		period.put("out", period.path("out").asLong(0) + n);
		results(row.get(0), settings.rules().version(), decided, n);
		if (compared != null) {
			results(row.get(0), settings.compare().version(), compared, n);
			transitions.computeIfAbsent(periodKey(row.get(0)), (key) -> new TransitionMatrix())
				.add(outcome(decided), outcome(compared), n);
		}
	}

	private void results(Object date, String version, DecisionClass decided, long n) {
		ObjectNode result = result(date, version);
		increment(result.withObjectProperty("byStatus"), decided.status(), n);
		if (decided.tier() != null) {
			increment(result.withObjectProperty("byTier"), decided.tier(), n);
		}
		increment(result.withObjectProperty("byResponsibleArea"), decided.area(), n);
		for (String flag : decided.flags()) {
			increment(result.withObjectProperty("byFlag"), flag, n);
		}
		result.put("total", result.path("total").asLong(0) + n);
	}

	private ObjectNode period(Object date) {
		return periodNamed(periodKey(date));
	}

	private ObjectNode periodNamed(String key) {
		return this.periods.computeIfAbsent(key, (period) -> {
			ObjectNode node = JsonNodeFactory.instance.objectNode();
			node.put("period", period);
			node.put("in", 0);
			node.put("out", 0);
			node.put("rejected", 0);
			return node;
		});
	}

	private static String periodKey(Object date) {
		return (date != null) ? date.toString() : WITHOUT_PERIOD;
	}

	private ObjectNode result(Object date, String version) {
		ObjectNode result = period(date).withObjectProperty("results").withObjectProperty(version);
		result.withObjectProperty("byStatus");
		result.withObjectProperty("byTier");
		result.withObjectProperty("byFlag");
		result.withObjectProperty("byResponsibleArea");
		return result;
	}

	private static String outcome(DecisionClass decided) {
		return Outcome.label(Status.valueOf(decided.status()),
				(decided.tier() != null) ? Tier.valueOf(decided.tier()) : null);
	}

	// rows of toPeriod, course, inModelBoth, coherent, areaStable, youthHandOver,
	// fromPeriod and count
	private void courses(List<Row> courses) {
		for (Row row : courses) {
			ObjectNode period = period(row.get(0));
			long n = row.getLong(7);
			increment(period.withObjectProperty("courses"), row.getString(1), n);
			ObjectNode indicator = period.withObjectProperty("indicator");
			if (row.getBoolean(2)) {
				increment(indicator, "inModelBothPeriods", n);
				// a person-year of the pairs placed in both periods: the pair's days
				long days = row.getDate(0).toLocalDate().toEpochDay() - row.getDate(6).toLocalDate().toEpochDay();
				indicator.put("personYears", indicator.path("personYears").asDouble(0) + n * days / 365.25);
				String course = row.getString(1);
				if (course.startsWith("CHANGES_TIER")) {
					increment(indicator, "tierChanges", n);
				}
				if (course.endsWith("AREA")) {
					increment(indicator, "areaChanges", n);
				}
			}
			if (row.getBoolean(3)) {
				increment(indicator, "coherent", n);
			}
			if (row.getBoolean(4)) {
				increment(indicator, "areaStable", n);
			}
			if (row.getBoolean(5)) {
				increment(indicator, "youthHandOvers", n);
			}
		}
		for (ObjectNode period : this.periods.values()) {
			if (period.has("indicator")) {
				ObjectNode indicator = (ObjectNode) period.get("indicator");
				long inBoth = indicator.path("inModelBothPeriods").asLong(0);
				double personYears = indicator.path("personYears").asDouble(0);
				for (String count : List.of("inModelBothPeriods", "coherent", "areaStable", "youthHandOvers",
						"tierChanges", "areaChanges")) {
					indicator.put(count, indicator.path(count).asLong(0));
				}
				if (inBoth > 0) {
					indicator.put("share", (double) indicator.path("coherent").asLong() / inBoth);
					indicator.put("areaStableShare", (double) indicator.path("areaStable").asLong() / inBoth);
				}
				if (personYears > 0) {
					indicator.put("tierChangesPerPersonYear", indicator.path("tierChanges").asLong() / personYears);
					indicator.put("areaChangesPerPersonYear", indicator.path("areaChanges").asLong() / personYears);
				}
			}
		}
	}

	private ObjectNode json(JobSettings settings, InputFormat format) {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.put("input", settings.input());
		root.put("format", format.name());
		root.put("rules", settings.rules().version());
		root.put("rulesChecksum", settings.rules().checksum());
		if (settings.compare() != null) {
			root.put("compare", settings.compare().version());
			root.put("compareChecksum", settings.compare().checksum());
		}
		long in = 0;
		long out = 0;
		long rejected = 0;
		for (ObjectNode period : this.periods.values()) {
			long periodIn = period.path("in").asLong(0);
			long periodOut = period.path("out").asLong(0);
			long periodRejected = period.path("rejected").asLong(0);
			period.put("balanced", periodIn == periodOut + periodRejected);
			in += periodIn;
			out += periodOut;
			rejected += periodRejected;
		}
		ObjectNode lines = root.putObject("rows");
		lines.put("in", in);
		lines.put("out", out);
		lines.put("rejected", rejected);
		lines.put("balanced", in == out + rejected);
		lines.put("statement", "in " + in + " = out " + out + " + rejected " + rejected);
		List<ObjectNode> dated = this.periods.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(WITHOUT_PERIOD))
			.map(Map.Entry::getValue)
			.toList();
		root.putArray("periods").addAll(dated);
		if (this.periods.containsKey(WITHOUT_PERIOD)) {
			ObjectNode without = this.periods.get(WITHOUT_PERIOD);
			without.remove("period");
			root.set("withoutPeriod", without);
		}
		return root;
	}

	private static void increment(ObjectNode counts, String key, long by) {
		counts.put(key, counts.path(key).asLong(0) + by);
	}

}
