package dk.model3.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * The national evaluation: classifies every row of register data under one or two rule
 * versions and writes, under the output folder,
 * <ul>
 * <li>{@code decisions/}: Parquet, partitioned by period, one row per person and period;
 * <li>{@code responses/<version>/}: with {@code responses}, the full contract response of
 * every row as JSON Lines, partitioned by period;
 * <li>{@code rejects/}: JSON Lines, one object per rejected row with file, line, kind and
 * reason (never the row's content);
 * <li>{@code courses/}: Parquet, each person's course between consecutive periods;
 * <li>{@code summary.json}: counts per period, the transition matrix, the courses and the
 * national indicator.
 * </ul>
 */
final class EvaluationJob {

	static final String DUPLICATE = "duplicate";

	static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

	private EvaluationJob() {
	}

	static ObjectNode run(SparkSession spark, JobSettings settings) {
		// everything that can refuse the job does so before any data is read
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
		InputRows input = InputRows.read(spark, settings.input(), settings.format());
		sizeShuffles(spark, input);

		Dataset<Row> all = markDuplicates(spark.createDataFrame(
				input.rows().mapPartitions(new RowClassifier(rules, compare, settings.responses(), input.csvHeaders())),
				Columns.CLASSIFIED));
		// classifying is the expensive part: done once, read by every output below
		all.persist(StorageLevel.MEMORY_AND_DISK());
		try {
			Dataset<Row> good = all.filter(col(Columns.REJECT_KIND).isNull());
			// one task per period writes that period's folder: a file per period, not one
			// per period per shuffle partition (thousands of small files)
			good.select(decisionColumns(compare != null))
				.repartition(col(Columns.PERIOD))
				.write()
				.partitionBy(Columns.PERIOD)
				.parquet(child(output, "decisions"));
			if (settings.responses()) {
				writeResponses(good, Columns.RESPONSE, child(output, "responses/" + rules.version()));
				if (compare != null) {
					writeResponses(good, Columns.compared(Columns.RESPONSE),
							child(output, "responses/" + compare.version()));
				}
			}
			all.filter(col(Columns.REJECT_KIND).isNotNull())
				.select(col(Columns.SOURCE), col(Columns.LINE), col(Columns.PERIOD),
						col(Columns.REJECT_KIND).as("kind"), col(Columns.REJECT_REASON).as("reason"))
				.orderBy(Columns.SOURCE, Columns.LINE)
				.coalesce(1)
				.write()
				.json(child(output, "rejects"));
			List<Date> periods = new ArrayList<>();
			for (Row row : good.select(Columns.PERIOD).distinct().orderBy(Columns.PERIOD).collectAsList()) {
				periods.add(row.getDate(0));
			}
			Dataset<Row> courses = Courses.of(spark, good, periods).persist(StorageLevel.MEMORY_AND_DISK());
			try {
				courses.repartition(col(Courses.TO_PERIOD))
					.write()
					.partitionBy(Courses.TO_PERIOD)
					.parquet(child(output, "courses"));
				ObjectNode summary = Summary.of(settings, input.format(), all, good, courses);
				write(fs, new Path(output, "summary.json"), summary);
				return summary;
			}
			finally {
				courses.unpersist();
			}
		}
		finally {
			all.unpersist();
		}
	}

	/**
	 * Unless the evaluator sets {@value #SHUFFLE_PARTITIONS}, the shuffles (duplicates,
	 * courses, per-period files, summary counts) get as many partitions as the input has
	 * splits, and at least one per core. Spark's default of 200 is sized for a cluster:
	 * on two local cores every one of the job's shuffles wrote 200 × 200 small files and
	 * took three quarters of the run (docs/performance.md, "Spark"); on a cluster the
	 * input's splits grow with the data.
	 */
	private static void sizeShuffles(SparkSession spark, InputRows input) {
		if (!spark.conf().contains(SHUFFLE_PARTITIONS)) {
			int partitions = Math.max(input.rows().getNumPartitions(), spark.sparkContext().defaultParallelism());
			spark.conf().set(SHUFFLE_PARTITIONS, partitions);
		}
	}

	/**
	 * A second row for the same person and period is rejected: a course needs one state
	 * per period. The first row in file and line order is kept.
	 */
	private static Dataset<Row> markDuplicates(Dataset<Row> classified) {
		WindowSpec samePersonAndPeriod = Window.partitionBy(Columns.PERSON_KEY, Columns.PERIOD)
			.orderBy(Columns.SOURCE, Columns.LINE);
		Column good = col(Columns.REJECT_KIND).isNull();
		Column repeated = good.and(row_number().over(samePersonAndPeriod).gt(1));
		Column firstAt = concat(first(Columns.SOURCE).over(samePersonAndPeriod), lit(":"),
				first(Columns.LINE).over(samePersonAndPeriod).cast("string"));
		return classified
			.withColumn(Columns.REJECT_REASON,
					when(repeated,
							concat(lit("the person already has a row for period "), col(Columns.PERIOD).cast("string"),
									lit(", at "), firstAt))
						.otherwise(col(Columns.REJECT_REASON)))
			.withColumn(Columns.REJECT_KIND, when(repeated, lit(DUPLICATE)).otherwise(col(Columns.REJECT_KIND)));
	}

	private static Column[] decisionColumns(boolean compared) {
		List<Column> columns = new ArrayList<>();
		for (String name : new String[] { Columns.PERSON_KEY, Columns.CITIZEN_REF, Columns.ASSESSMENT_DATE }) {
			columns.add(col(name));
		}
		for (String name : Columns.DECISION) {
			if (!name.equals(Columns.RESPONSE)) {
				columns.add(col(name));
				if (compared) {
					columns.add(col(Columns.compared(name)));
				}
			}
		}
		columns.add(col(Columns.PERIOD));
		return columns.toArray(Column[]::new);
	}

	private static void writeResponses(Dataset<Row> good, String column, String path) {
		good.select(col(column), col(Columns.PERIOD))
			.repartition(col(Columns.PERIOD))
			.write()
			.partitionBy(Columns.PERIOD)
			.text(path);
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
