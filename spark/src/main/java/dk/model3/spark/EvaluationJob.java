package dk.model3.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.year;

/**
 * The national evaluation: classifies every row of register data under one or two rule
 * versions and writes, under the output folder,
 * <ul>
 * <li>{@code decisions/}: Parquet, partitioned by period, one row per person and period:
 * the person, the row's decision class and its status, tier and responsible area;
 * <li>{@code decision-classes/}: Parquet, the small table of classes beside it: per
 * version and class, the outcome, the flags and the deciding rule ids;
 * <li>{@code responses/<version>/}: with {@code responses}, the full contract response of
 * every row as JSON Lines, partitioned by period;
 * <li>{@code rejects/}: JSON Lines, one object per rejected row with file, line, kind and
 * reason (never the row's content);
 * <li>{@code courses/}: Parquet, each person's course between consecutive periods;
 * <li>{@code outcomes/}: Parquet, each person's state 1, 2 and 3 years after their first
 * placement ({@link Outcomes});
 * <li>{@code summary.json}: counts per period, the transition matrix, the courses and the
 * area-stability measure; the outcomes per cohort ({@link OutcomeTable});
 * <li>{@code report.html}: the summary for people, with charts
 * ({@link EvaluationReport}).
 * </ul>
 * The shape (docs/performance.md, "Spark"): Spark reads the input with its own readers
 * ({@link FastRows}), packs each row's profile into a code with column expressions and
 * decides each distinct code once per executor ({@link DecisionClasses}); one shuffle by
 * person serves the duplicate check and the courses, and its narrow rows are kept for the
 * outputs; the summary is one grouping.
 */
final class EvaluationJob {

	static final String DUPLICATE = "duplicate";

	static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

	private static final String OPEN_COST = "spark.sql.files.openCostInBytes";

	private static final String ADAPTIVE = "spark.sql.adaptive.enabled";

	private static final String PLANNED_WRITE = "spark.sql.optimizer.plannedWrite.enabled";

	// HotSpot never compiles a method of more than 8,000 bytes of bytecode: it runs
	// interpreted. The first stage's checks make Spark generate one of about 14,000, at
	// Spark's default limit (65,535); at HotSpot's, Spark generates that stage's code per
	// expression instead, which the JIT compiles (its task time halves)
	private static final String HUGE_METHOD = "spark.sql.codegen.hugeMethodLimit";

	private static final String HOTSPOT_HUGE_METHOD = "8000";

	private static final String CONCURRENT_WRITERS = "spark.sql.maxConcurrentOutputFileWriters";

	// writers a task keeps open before it sorts by the output's partition instead
	private static final String CONCURRENT_WRITER_COUNT = "200";

	private static final String FIRST_SOURCE = "firstSource";

	private static final String FIRST_BLOCK = "firstBlockStart";

	private static final String FIRST_ORDINAL = "firstOrdinal";

	private EvaluationJob() {
	}

	static ObjectNode run(SparkSession spark, JobSettings settings) {
		// everything that can refuse the job does so before any output is written: the
		// checksums before any data is read, the compiling and the scenarios while Spark
		// reads (they take longer than reading a small input)
		ShippedVersion rules = ShippedVersion.read(settings.rulesRoot(), settings.rules().version(),
				settings.rules().checksum());
		ShippedVersion compare = (settings.compare() != null)
				? ShippedVersion.read(settings.rulesRoot(), settings.compare().version(), settings.compare().checksum())
				: null;
		Path output = new Path(settings.output());
		FileSystem fs = fileSystem(spark, output);
		try {
			if (fs.exists(output)) {
				throw new IllegalArgumentException("the output " + output + " exists; give a new folder");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		CompletableFuture<Void> checked = CompletableFuture.runAsync(() -> {
			rules.check();
			if (compare != null) {
				compare.check();
			}
		});
		Map<String, String> saved = new LinkedHashMap<>();
		for (String key : new String[] { OPEN_COST, PLANNED_WRITE, CONCURRENT_WRITERS, ADAPTIVE, HUGE_METHOD }) {
			saved.put(key, spark.conf().contains(key) ? spark.conf().get(key) : null);
		}
		InputRows.oneSplitPerPartition(spark);
		if (saved.get(HUGE_METHOD) == null) {
			// unless the evaluator set it (a JVM other than HotSpot has other limits)
			spark.conf().set(HUGE_METHOD, HOTSPOT_HUGE_METHOD);
		}
		try {
			return run(spark, settings, rules, compare, checked, fs, output, saved.get(OPEN_COST));
		}
		finally {
			// no compiling left running behind a job that failed; its own failure, if
			// any, was thrown where the job waited for it
			checked.handle((done, failure) -> null).join();
			saved.forEach((key, value) -> restore(spark, key, value));
		}
	}

	private static void restore(SparkSession spark, String key, String value) {
		if (value != null) {
			spark.conf().set(key, value);
		}
		else {
			spark.conf().unset(key);
		}
	}

	private static ObjectNode run(SparkSession spark, JobSettings settings, ShippedVersion rules,
			ShippedVersion compare, CompletableFuture<Void> checked, FileSystem fs, Path output, String openCost) {
		InputRows input = InputRows.read(spark, settings.input(), settings.format());
		sizeShuffles(spark, input);
		Dataset<Row> read = FastRows.read(input.rows(), new ExactRows(input.csvHeaders()), input.csvHeaders());
		// the one shuffle, by person: Spark reads, checks and packs the rows, sends the
		// narrow columns to their person's partition and sorts them there, and keeps the
		// sorted rows for every output (no rules yet: they compile meanwhile)
		// (adaptive execution off for this one query: the kept rows then carry their
		// partitioning and order, so no later step shuffles or sorts them again)
		String adaptive = spark.conf().get(ADAPTIVE);
		spark.conf().set(ADAPTIVE, false);
		Dataset<Row> persons = markDuplicates(read).localCheckpoint(true);
		spark.conf().set(ADAPTIVE, adaptive);
		// the input is read: the outputs read back (the courses' and the outcomes' small
		// files) may share a partition again, as Spark packs them by default
		restore(spark, OPEN_COST, openCost);
		awaitChecks(checked);
		CollectionAccumulator<DecisionClass> found = spark.sparkContext().collectionAccumulator("decision classes");
		Dataset<Row> classified = persons.withColumn(Columns.DECISION,
				udf(new DecisionClasses(rules, found), DataTypes.LongType).apply(col(Columns.CODE)));
		if (compare != null) {
			classified = classified.withColumn(Columns.compared(Columns.DECISION),
					udf(new DecisionClasses(compare, found), DataTypes.LongType).apply(col(Columns.CODE)));
		}
		else {
			classified = classified.withColumn(Columns.compared(Columns.DECISION), lit(null).cast("long"));
		}
		// the one grouping the summary needs; it also fills the table of classes
		List<Row> counts = classified
			.groupBy(Columns.PERIOD, Columns.REJECT_KIND, Columns.DECISION, Columns.compared(Columns.DECISION))
			.count()
			.collectAsList();
		Map<Long, DecisionClass> classes = new TreeMap<>();
		for (DecisionClass decisionClass : found.value()) {
			classes.put(decisionClass.id(), decisionClass);
		}
		List<Long> refused = classes.values()
			.stream()
			.filter(DecisionClass::isRejected)
			.map(DecisionClass::id)
			.toList();
		Column evaluated = col(Columns.REJECT_KIND).isNull()
			.and(refused.isEmpty() ? lit(true) : not(col(Columns.DECISION).isin(refused.toArray())))
			.and(refused.isEmpty() || compare == null ? lit(true)
					: not(col(Columns.compared(Columns.DECISION)).isin(refused.toArray())));
		Dataset<Row> good = classified.filter(evaluated);

		// each output file partition written as its rows come, not after a sort by period
		spark.conf().set(PLANNED_WRITE, false);
		spark.conf().set(CONCURRENT_WRITERS, CONCURRENT_WRITER_COUNT);
		TreeSet<Date> periods = new TreeSet<>();
		for (Row row : counts) {
			if (row.get(0) != null && row.get(1) == null) {
				periods.add(row.getDate(0));
			}
		}
		Dataset<Row> described = ClassAndPeriodColumns.attach(spark, good, classes, new ArrayList<>(periods));
		writeDecisions(spark, described, classes, compare, output);
		if (settings.responses()) {
			writeResponses(good, rules, child(output, "responses/" + rules.version()));
			if (compare != null) {
				writeResponses(good, compare, child(output, "responses/" + compare.version()));
			}
		}
		Dataset<Row> rejected = classified.filter(not(evaluated));
		boolean repeats = counts.stream().anyMatch((row) -> DUPLICATE.equals(row.getString(1)));
		writeRejects(spark,
				repeats ? withFirstPlaces(persons, rejected)
						: rejected.withColumn(FIRST_SOURCE, lit(null).cast("string"))
							.withColumn(FIRST_BLOCK, lit(null).cast("long"))
							.withColumn(FIRST_ORDINAL, lit(null).cast("long")),
				classes, child(output, "rejects"));

		Dataset<Row> courses = Courses.of(described);
		courses.write().partitionBy(Courses.TO_PERIOD).parquet(child(output, "courses"));
		// counted from the files just written, a few narrow columns (with the schema: a
		// single period has no courses, and no file)
		List<Row> courseCounts = spark.read()
			.schema(courses.schema())
			.parquet(child(output, "courses"))
			.groupBy(Courses.TO_PERIOD, Courses.COURSE, Courses.IN_MODEL_BOTH, Courses.COHERENT, Courses.AREA_STABLE,
					Courses.YOUTH_HAND_OVER, Courses.FROM_PERIOD)
			.count()
			.collectAsList();
		Map<String, String> sharing = new LinkedHashMap<>();
		sharing.put(rules.version(), ExecutorRules.of(rules).sharing());
		if (compare != null) {
			sharing.put(compare.version(), ExecutorRules.of(compare).sharing());
		}
		ObjectNode summary = Summary.of(settings, input.format(), counts, classes, courseCounts, sharing);
		Dataset<Row> outcomes = Outcomes.of(described);
		outcomes.write().parquet(child(output, "outcomes"));
		List<Row> outcomeCounts = spark.read()
			.schema(outcomes.schema())
			.parquet(child(output, "outcomes"))
			.groupBy(col(Outcomes.YEARS_AFTER), year(col(Outcomes.ENTRY_PERIOD)), col(Outcomes.ENTRY_DECISION),
					col(Outcomes.OUTCOME))
			.count()
			.collectAsList();
		summary.set("outcomes", OutcomeTable.of(outcomeCounts, classes));
		write(fs, new Path(output, "summary.json"), summary);
		writeText(fs, new Path(output, "report.html"), EvaluationReport.render(summary));
		return summary;
	}

	private static void awaitChecks(CompletableFuture<Void> checked) {
		try {
			checked.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Unless the evaluator sets {@value #SHUFFLE_PARTITIONS}, the shuffle by person gets
	 * as many partitions as the input has splits, and at least one per core. Spark's
	 * default of 200 is sized for a cluster: on two local cores it wrote 200 × 200 small
	 * files (docs/performance.md, "Spark"); on a cluster the input's splits grow with the
	 * data.
	 */
	private static void sizeShuffles(SparkSession spark, InputRows input) {
		if (!spark.conf().contains(SHUFFLE_PARTITIONS)) {
			int partitions = Math.max(input.rows().rdd().getNumPartitions(), spark.sparkContext().defaultParallelism());
			spark.conf().set(SHUFFLE_PARTITIONS, partitions);
		}
	}

	/**
	 * The one shuffle: by person, sorted by period and place in the input. A person is
	 * sorted by a hash of their key first, which Spark sorts by its first eight bytes
	 * alone (keys that share a prefix, like {@code PK-0000001}, would be compared whole).
	 * A second row for the same person and period is rejected (a course needs one state
	 * per period); the first in file and line order is kept: a row is a repeat when the
	 * person's row before it has the same period (a window per person, as the courses
	 * use; one per person and period would be one per row). The courses and outcomes read
	 * the same partitions in the same order.
	 */
	private static Dataset<Row> markDuplicates(Dataset<Row> read) {
		WindowSpec samePerson = Window.partitionBy(Columns.PERSON_HASH, Columns.PERSON_KEY)
			.orderBy(Columns.PERIOD, Columns.SOURCE, Columns.BLOCK_START, Columns.ORDINAL);
		Column repeated = col(Columns.REJECT_KIND).isNull()
			.and(coalesce(lag(Columns.PERIOD, 1).over(samePerson).equalTo(col(Columns.PERIOD)), lit(false)));
		return read.withColumn(Columns.PERSON_HASH, xxhash64(col(Columns.PERSON_KEY)))
			.repartition(col(Columns.PERSON_KEY))
			.sortWithinPartitions(Columns.PERSON_HASH, Columns.PERSON_KEY, Columns.PERIOD, Columns.SOURCE,
					Columns.BLOCK_START, Columns.ORDINAL)
			.select(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL), col(Columns.PERIOD),
					col(Columns.PERSON_HASH), col(Columns.PERSON_KEY), col(Columns.CITIZEN_REF),
					col(Columns.ASSESSMENT_DATE), col(Columns.CODE), col(Columns.FLEX_JOB),
					when(repeated, lit(DUPLICATE)).otherwise(col(Columns.REJECT_KIND)).as(Columns.REJECT_KIND),
					col(Columns.REJECT_REASON));
	}

	/**
	 * The rejected rows, each repeat with the place of the row it repeats: the first in
	 * file and line order of its person and period, found only for the repeats.
	 */
	private static Dataset<Row> withFirstPlaces(Dataset<Row> persons, Dataset<Row> rejected) {
		Dataset<Row> repeats = rejected.filter(col(Columns.REJECT_KIND).equalTo(DUPLICATE))
			.select(col(Columns.PERSON_KEY).as("repeatKey"), col(Columns.PERIOD).as("repeatPeriod"))
			.distinct();
		Dataset<Row> firsts = persons
			.join(repeats,
					persons.col(Columns.PERSON_KEY)
						.equalTo(repeats.col("repeatKey"))
						.and(persons.col(Columns.PERIOD).equalTo(repeats.col("repeatPeriod"))),
					"left_semi")
			.groupBy(col(Columns.PERSON_KEY).as("firstKey"), col(Columns.PERIOD).as("firstPeriod"))
			.agg(min(struct(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL))).as("first"));
		Column repeat = col(Columns.REJECT_KIND).equalTo(DUPLICATE);
		return rejected
			.join(firsts,
					repeat.and(rejected.col(Columns.PERSON_KEY).equalTo(firsts.col("firstKey")))
						.and(rejected.col(Columns.PERIOD).equalTo(firsts.col("firstPeriod"))),
					"left")
			.withColumn(FIRST_SOURCE, col("first." + Columns.SOURCE))
			.withColumn(FIRST_BLOCK, col("first." + Columns.BLOCK_START))
			.withColumn(FIRST_ORDINAL, col("first." + Columns.ORDINAL))
			.drop("firstKey", "firstPeriod", "first");
	}

	/**
	 * The decisions, with each class's status, tier and area joined back from the small
	 * table by a broadcast join; the flags and rule ids stay in that table.
	 */
	private static void writeDecisions(SparkSession spark, Dataset<Row> described, Map<Long, DecisionClass> classes,
			ShippedVersion compare, Path output) {
		Dataset<Row> table = classTable(spark, classes);
		table.coalesce(1).write().parquet(child(output, "decision-classes"));
		Dataset<Row> decisions = described;
		if (compare != null) {
			decisions = joinClass(decisions, table, compare.version());
		}
		List<Column> columns = new ArrayList<>();
		for (String prefix : (compare != null) ? new String[] { "", Columns.COMPARE } : new String[] { "" }) {
			for (String name : new String[] { Columns.DECISION, Columns.STATUS, Columns.TIER, Columns.AREA }) {
				columns.add(col(name(prefix, name)));
			}
		}
		columns.add(0, col(Columns.ASSESSMENT_DATE));
		columns.add(0, col(Columns.CITIZEN_REF));
		columns.add(0, col(Columns.PERSON_KEY));
		columns.add(col(Columns.PERIOD));
		decisions.select(columns.toArray(Column[]::new))
			.write()
			.partitionBy(Columns.PERIOD)
			.parquet(child(output, "decisions"));
	}

	private static Dataset<Row> joinClass(Dataset<Row> decisions, Dataset<Row> table, String version) {
		String id = Columns.compared(Columns.DECISION);
		String prefix = Columns.COMPARE;
		Dataset<Row> side = table.filter(col(Columns.RULES_VERSION).equalTo(version))
			.select(col(Columns.DECISION).as("classId"), col(Columns.STATUS).as(name(prefix, Columns.STATUS)),
					col(Columns.TIER).as(name(prefix, Columns.TIER)), col(Columns.AREA).as(name(prefix, Columns.AREA)));
		return decisions.join(broadcast(side), decisions.col(id).equalTo(side.col("classId"))).drop("classId");
	}

	private static String name(String prefix, String column) {
		return prefix.isEmpty() ? column : Columns.compared(column);
	}

	static Dataset<Row> classTable(SparkSession spark, Map<Long, DecisionClass> classes) {
		StructType type = new StructType().add(Columns.RULES_VERSION, DataTypes.StringType, false)
			.add(Columns.DECISION, DataTypes.LongType, false)
			.add(Columns.STATUS, DataTypes.StringType)
			.add(Columns.TIER, DataTypes.StringType)
			.add(Columns.AREA, DataTypes.StringType)
			.add(Columns.FLAGS, DataTypes.createArrayType(DataTypes.StringType, false))
			.add(Columns.RULE_IDS, DataTypes.createArrayType(DataTypes.StringType, false))
			.add(Columns.RULES_CHECKSUM, DataTypes.StringType);
		List<Row> rows = new ArrayList<>();
		for (DecisionClass decisionClass : classes.values()) {
			if (!decisionClass.isRejected()) {
				rows.add(RowFactory.create(decisionClass.version(), decisionClass.id(), decisionClass.status(),
						decisionClass.tier(), decisionClass.area(), decisionClass.flags().toArray(String[]::new),
						decisionClass.ruleIds().toArray(String[]::new), decisionClass.checksum()));
			}
		}
		return spark.createDataFrame(rows, type);
	}

	private static void writeResponses(Dataset<Row> good, ShippedVersion version, String path) {
		good.select(udf(new ResponseLines(version), DataTypes.StringType).apply(col(Columns.CODE),
				col(Columns.CITIZEN_REF), col(Columns.ASSESSMENT_DATE)), col(Columns.PERIOD))
			.write()
			.partitionBy(Columns.PERIOD)
			.text(path);
	}

	/**
	 * The rejects with their line numbers: a row's place in its split, after the lines of
	 * the file before that split ({@link LineNumbers}, counted only for the splits that
	 * hold a reject or the row a duplicate repeats).
	 */
	private static void writeRejects(SparkSession spark, Dataset<Row> rejected, Map<Long, DecisionClass> classes,
			String path) {
		Map<String, Long> before = new TreeMap<>();
		for (Row split : rejected.select(col(Columns.SOURCE), col(Columns.BLOCK_START))
			.union(rejected.filter(col(FIRST_SOURCE).isNotNull()).select(col(FIRST_SOURCE), col(FIRST_BLOCK)))
			.filter(col(Columns.BLOCK_START).gt(0))
			.distinct()
			.collectAsList()) {
			before.put(split.getString(0) + "#" + split.getLong(1), LineNumbers
				.before(spark.sparkContext().hadoopConfiguration(), split.getString(0), split.getLong(1)));
		}
		Column line = line(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL), before);
		Column firstLine = line(col(FIRST_SOURCE), col(FIRST_BLOCK), col(FIRST_ORDINAL), before);
		Map<Long, String[]> refusals = new TreeMap<>();
		classes.values()
			.stream()
			.filter(DecisionClass::isRejected)
			.forEach((refused) -> refusals.put(refused.id(),
					new String[] { refused.rejectKind(), refused.rejectReason() }));
		Column kind = col(Columns.REJECT_KIND);
		Column reason = when(kind.equalTo(DUPLICATE),
				concat(lit("the person already has a row for period "), col(Columns.PERIOD).cast("string"),
						lit(", at "), col(FIRST_SOURCE), lit(":"), firstLine.cast("string")))
			.otherwise(col(Columns.REJECT_REASON));
		if (!refusals.isEmpty()) {
			Column kinds = literalMap(refusals, 0);
			Column reasons = literalMap(refusals, 1);
			kind = coalesce(kind, element_at(kinds, col(Columns.DECISION)),
					element_at(kinds, col(Columns.compared(Columns.DECISION))));
			reason = coalesce(reason, element_at(reasons, col(Columns.DECISION)),
					element_at(reasons, col(Columns.compared(Columns.DECISION))));
		}
		rejected
			.select(col(Columns.SOURCE), line.as(Columns.LINE), col(Columns.PERIOD), kind.as("kind"),
					reason.as("reason"))
			.orderBy(Columns.SOURCE, Columns.LINE)
			.coalesce(1)
			.write()
			.json(path);
	}

	private static Column line(Column source, Column blockStart, Column ordinal, Map<String, Long> before) {
		Column lines = lit(0L);
		if (!before.isEmpty()) {
			List<Column> entries = new ArrayList<>();
			before.forEach((key, count) -> {
				entries.add(lit(key));
				entries.add(lit(count));
			});
			lines = coalesce(element_at(org.apache.spark.sql.functions.map(entries.toArray(Column[]::new)),
					concat(source, lit("#"), blockStart.cast("string"))), lit(0L));
		}
		return lines.plus(ordinal).plus(1);
	}

	private static Column literalMap(Map<Long, String[]> values, int at) {
		List<Column> entries = new ArrayList<>();
		values.forEach((id, texts) -> {
			entries.add(lit(id));
			entries.add(lit(texts[at]));
		});
		return org.apache.spark.sql.functions.map(entries.toArray(Column[]::new));
	}

	private static String child(Path output, String name) {
		return new Path(output, name).toString();
	}

	private static FileSystem fileSystem(SparkSession spark, Path path) {
		try {
			return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeText(FileSystem fs, Path file, String text) {
		try (OutputStream out = fs.create(file, false)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(FileSystem fs, Path file, ObjectNode summary) {
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		try (OutputStream out = fs.create(file, false)) {
			out.write(mapper.writeValueAsBytes(summary));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
