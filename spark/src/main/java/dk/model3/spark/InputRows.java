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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * The input as rows of (source file, line or row number, text): a JSON object per row for
 * JSON Lines and Parquet, the raw line for CSV. Line numbers are counted per file, so a
 * rejected row can be found in its file; a CSV file's header is its line 1.
 */
record InputRows(JavaRDD<Row> rows, Map<String, CsvRows> csvHeaders, InputFormat format) {

	/**
	 * The columns an input may have: the request fields, the period and the person key.
	 */
	static final List<String> ALLOWED = allowed();

	static InputRows read(SparkSession spark, String input, InputFormat given) {
		List<String> files = files(spark, input);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no input files at " + input);
		}
		InputFormat format = (given != null) ? given : InputFormat.fromName(files.get(0));
		if (format == InputFormat.PARQUET) {
			return parquet(spark, input);
		}
		JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
		JavaRDD<Row> rows = null;
		Map<String, CsvRows> headers = (format == InputFormat.CSV) ? new LinkedHashMap<>() : null;
		for (String file : files) {
			JavaRDD<String> lines = context.textFile(file);
			if (headers != null) {
				headers.put(file, checked(CsvRows.header(lines.first()), file));
			}
			JavaRDD<Row> numbered = lines.zipWithIndex()
				.map((numberedLine) -> RowFactory.create(file, numberedLine._2() + 1, numberedLine._1()));
			rows = (rows == null) ? numbered : rows.union(numbered);
		}
		return new InputRows(rows, headers, format);
	}

	private static InputRows parquet(SparkSession spark, String input) {
		Dataset<Row> table = spark.read().parquet(input);
		List<String> columns = List.of(table.columns());
		check(columns, input);
		Column[] fields = columns.stream().map((name) -> col("`" + name + "`")).toArray(Column[]::new);
		// Parquet keeps types, so a row written as JSON is the object a JSON line would
		// be;
		// the row index within its file stands for the line number
		Dataset<Row> text = table.select(col("_metadata.file_path"), col("_metadata.row_index").plus(1),
				to_json(struct(fields)));
		return new InputRows(text.javaRDD(), null, InputFormat.PARQUET);
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
						+ "\"; columns are the request fields, period and personKey: " + String.join(", ", ALLOWED));
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
		allowed.add(RowClassifier.PERIOD);
		allowed.add(RowClassifier.PERSON_KEY);
		return List.copyOf(allowed);
	}

}
