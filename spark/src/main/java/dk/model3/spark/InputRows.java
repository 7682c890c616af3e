package dk.model3.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.request.CsvRows;
import dk.model3.request.RequestReader;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * The input as rows of (source file, block start, ordinal, text), read by Spark's own
 * readers: a JSON object per row for JSON Lines and Parquet, the raw line for CSV. A row
 * is found in its file by the split it was read from (the byte where the split starts)
 * and its place in that split; {@link LineNumbers} turns the two into a line number for
 * the rows that need one (the rejects). A CSV file's header is its line 1.
 */
record InputRows(Dataset<Row> rows, Map<String, CsvRows> csvHeaders, InputFormat format) {

	/**
	 * The columns an input may have: the request fields, the period, the person key and
	 * the register's {@code flexJob}.
	 */
	static final List<String> ALLOWED = allowed();

	/** A row's place within its partition: the low bits of Spark's increasing id. */
	private static final long ORDINAL_BITS = (1L << 33) - 1;

	static InputRows read(SparkSession spark, String input, InputFormat given) {
		List<String> files = files(spark, input);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no input files at " + input);
		}
		InputFormat format = (given != null) ? given : InputFormat.fromName(files.get(0));
		if (format == InputFormat.PARQUET) {
			return parquet(spark, files);
		}
		Map<String, CsvRows> headers = null;
		if (format == InputFormat.CSV) {
			headers = new LinkedHashMap<>();
			JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
			for (String file : files) {
				headers.put(file, checked(CsvRows.header(context.textFile(file).first()), file));
			}
		}
		// the files by name, so that no folder name is read as a column
		Dataset<Row> text = spark.read()
			.text(files.toArray(String[]::new))
			.select(col("_metadata.file_path").as(Columns.SOURCE),
					col("_metadata.file_block_start").as(Columns.BLOCK_START),
					monotonically_increasing_id().bitwiseAND(ORDINAL_BITS).as(Columns.ORDINAL),
					col("value").as(Columns.TEXT));
		if (headers != null) {
			// a CSV file's first line is its header
			text = text.filter(not(col(Columns.BLOCK_START).equalTo(0).and(col(Columns.ORDINAL).equalTo(0))));
		}
		return new InputRows(text, headers, format);
	}

	/**
	 * The reads the job's line numbers rely on: every partition reads one split of one
	 * file, so a row's place in its partition is its place in that split. Spark would
	 * otherwise pack small files together into one partition.
	 */
	static void oneSplitPerPartition(SparkSession spark) {
		String most = spark.conf().get("spark.sql.files.maxPartitionBytes", "134217728b");
		spark.conf().set("spark.sql.files.openCostInBytes", most);
	}

	private static InputRows parquet(SparkSession spark, List<String> files) {
		Dataset<Row> table = spark.read().parquet(files.toArray(String[]::new));
		List<String> columns = List.of(table.columns());
		check(columns, files.get(0));
		Column[] fields = columns.stream().map((name) -> col("`" + name + "`")).toArray(Column[]::new);
		// Parquet keeps types, so a row written as JSON is the object a JSON line would
		// be; the row index within its file stands for the line number
		Dataset<Row> text = table.select(col("_metadata.file_path").as(Columns.SOURCE), lit(0L).as(Columns.BLOCK_START),
				col("_metadata.row_index").as(Columns.ORDINAL), to_json(struct(fields)).as(Columns.TEXT));
		return new InputRows(text, null, InputFormat.PARQUET);
	}

	private static CsvRows checked(CsvRows header, String file) {
		check(header.columns(), file);
		return header;
	}

	// an unknown or repeated column is a mistake in the whole file: the job does not
	// start
	private static void check(List<String> columns, String file) {
		Set<String> seen = new HashSet<>();
		for (String column : columns) {
			if (!ALLOWED.contains(column)) {
				throw new IllegalArgumentException(file + " has an unknown column \"" + column
						+ "\"; columns are the request fields, period, personKey and flexJob: "
						+ String.join(", ", ALLOWED));
			}
			if (!seen.add(column)) {
				throw new IllegalArgumentException(file + " repeats the column \"" + column + "\"");
			}
		}
	}

	/**
	 * The data files at the path: the file itself, or a folder's files (not _ or . ones).
	 */
	static List<String> files(SparkSession spark, String input) {
		try {
			FileSystem fs = new Path(input).getFileSystem(spark.sparkContext().hadoopConfiguration());
			Path path = fs.makeQualified(new Path(input));
			FileStatus status = fs.getFileStatus(path);
			List<String> files = new ArrayList<>();
			if (!status.isDirectory()) {
				files.add(status.getPath().toString());
				return files;
			}
			RemoteIterator<LocatedFileStatus> listed = fs.listFiles(path, true);
			while (listed.hasNext()) {
				Path file = listed.next().getPath();
				if (!hidden(path, file)) {
					files.add(file.toString());
				}
			}
			files.sort(null);
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the input " + input, ex);
		}
	}

	private static boolean hidden(Path root, Path file) {
		for (Path at = file; at != null && !at.equals(root); at = at.getParent()) {
			if (at.getName().startsWith("_") || at.getName().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static List<String> allowed() {
		List<String> allowed = new ArrayList<>(RequestReader.FIELDS);
		allowed.add(ExactRows.PERIOD);
		allowed.add(ExactRows.PERSON_KEY);
		allowed.add(ExactRows.FLEX_JOB);
		return List.copyOf(allowed);
	}

}
