package dk.model3.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Outcome;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.TransitionMatrix;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The summary per period: rows in, out and rejected; counts by status, tier, flag and
 * responsible area per version; with two versions the transition matrix; the courses and
 * the national indicator. Every figure is an aggregate computed by Spark; only these
 * small tables come back to the driver.
 */
final class Summary {

	static final String WITHOUT_PERIOD = "none";

	private final Map<String, ObjectNode> periods = new TreeMap<>();

	private Summary() {
	}

	static ObjectNode of(JobSettings settings, InputFormat format, Dataset<Row> all, Dataset<Row> good,
			Dataset<Row> courses) {
		Summary summary = new Summary();
		summary.lines(all);
		summary.results(good, settings.rules().version(), "");
		if (settings.compare() != null) {
			summary.results(good, settings.compare().version(), Columns.COMPARE);
			summary.transitions(good);
		}
		summary.rejects(all.filter(col(Columns.REJECT_KIND).isNotNull()));
		summary.courses(courses);
		return summary.json(settings, format);
	}

	private ObjectNode period(Object date) {
		return periodNamed(periodKey(date));
	}

	private ObjectNode periodNamed(String key) {
		return this.periods.computeIfAbsent(key, (period) -> {
			ObjectNode node = JsonNodeFactory.instance.objectNode();
			node.put("period", period);
			return node;
		});
	}

	private static String periodKey(Object date) {
		return (date != null) ? date.toString() : WITHOUT_PERIOD;
	}

	private void lines(Dataset<Row> all) {
		Column rejected = when(col(Columns.REJECT_KIND).isNotNull(), 1).otherwise(0);
		for (Row row : all.groupBy(col(Columns.PERIOD))
			.agg(org.apache.spark.sql.functions.count("*"), sum(rejected))
			.collectAsList()) {
			long in = row.getLong(1);
			long out = in - row.getLong(2);
			ObjectNode period = period(row.get(0));
			period.put("in", in);
			period.put("out", out);
			period.put("rejected", row.getLong(2));
		}
	}

	private void results(Dataset<Row> good, String version, String prefix) {
		String status = column(prefix, Columns.STATUS);
		String tier = column(prefix, Columns.TIER);
		String area = column(prefix, Columns.AREA);
		for (Row row : good.groupBy(Columns.PERIOD, status, tier, area).count().collectAsList()) {
			ObjectNode result = result(row.get(0), version);
			increment(result.withObjectProperty("byStatus"), row.getString(1), row.getLong(4));
			if (row.getString(2) != null) {
				increment(result.withObjectProperty("byTier"), row.getString(2), row.getLong(4));
			}
			increment(result.withObjectProperty("byResponsibleArea"), row.getString(3), row.getLong(4));
			result.put("total", result.path("total").asLong(0) + row.getLong(4));
		}
		for (Row row : good.select(col(Columns.PERIOD), explode(col(column(prefix, Columns.FLAGS))).as("flag"))
			.groupBy(Columns.PERIOD, "flag")
			.count()
			.collectAsList()) {
			increment(result(row.get(0), version).withObjectProperty("byFlag"), row.getString(1), row.getLong(2));
		}
	}

	private ObjectNode result(Object date, String version) {
		ObjectNode result = period(date).withObjectProperty("results").withObjectProperty(version);
		result.withObjectProperty("byStatus");
		result.withObjectProperty("byTier");
		result.withObjectProperty("byFlag");
		result.withObjectProperty("byResponsibleArea");
		return result;
	}

	private void transitions(Dataset<Row> good) {
		Map<String, TransitionMatrix> byPeriod = new TreeMap<>();
		for (Row row : good
			.groupBy(Columns.PERIOD, Columns.STATUS, Columns.TIER, Columns.compared(Columns.STATUS),
					Columns.compared(Columns.TIER))
			.count()
			.collectAsList()) {
			String before = outcome(row.getString(1), row.getString(2));
			String after = outcome(row.getString(3), row.getString(4));
			byPeriod.computeIfAbsent(periodKey(row.get(0)), (key) -> new TransitionMatrix())
				.add(before, after, row.getLong(5));
		}
		byPeriod.forEach((key, matrix) -> {
			ObjectNode transitions = periodNamed(key).putObject("transitions");
			matrix.counts().forEach((before, row) -> {
				ObjectNode to = transitions.putObject(before);
				row.forEach(to::put);
			});
		});
	}

	private static String outcome(String status, String tier) {
		return Outcome.label(Status.valueOf(status), (tier != null) ? Tier.valueOf(tier) : null);
	}

	private void rejects(Dataset<Row> rejected) {
		for (Row row : rejected.groupBy(Columns.PERIOD, Columns.REJECT_KIND).count().collectAsList()) {
			increment(period(row.get(0)).withObjectProperty("rejectsByKind"), row.getString(1), row.getLong(2));
		}
	}

	private void courses(Dataset<Row> courses) {
		for (Row row : courses.groupBy(Courses.TO_PERIOD, Courses.COURSE).count().collectAsList()) {
			increment(period(row.get(0)).withObjectProperty("courses"), row.getString(1), row.getLong(2));
		}
		Column both = when(col(Courses.IN_MODEL_BOTH), 1).otherwise(0);
		Column coherent = when(col(Courses.COHERENT), 1).otherwise(0);
		for (Row row : courses.groupBy(Courses.TO_PERIOD).agg(sum(both), sum(coherent)).collectAsList()) {
			long inBoth = row.getLong(1);
			ObjectNode indicator = period(row.get(0)).withObjectProperty("indicator");
			indicator.put("inModelBothPeriods", inBoth);
			indicator.put("coherent", row.getLong(2));
			if (inBoth > 0) {
				indicator.put("share", (double) row.getLong(2) / inBoth);
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

	private static String column(String prefix, String column) {
		return prefix.isEmpty() ? column : Columns.compared(column);
	}

}
