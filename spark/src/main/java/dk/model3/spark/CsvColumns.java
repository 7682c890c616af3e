package dk.model3.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.request.CsvRows;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * CSV lines parsed by Spark's CSV reader ({@code from_csv}) with an explicit schema: the
 * columns of the line's file header, in the header's order, every cell a string. The
 * cells become the columns of {@link FastRows#SCHEMA} by column expressions that read
 * them as the batch's CSV reading ({@link CsvRows}) does: a whole number of at most three
 * digits, {@code true} or {@code false} in any case, {@code problems} split at {@code |},
 * an empty cell absent.
 *
 * <p>
 * {@link #WELL_FORMED} says that the batch's reading finds the same cells: Spark's parser
 * took the line, and the line is exactly the cells joined by commas, each cell as it is
 * or in double quotes (the cells the request reader accepts hold no comma, quote or
 * space, so a line of this form reads the same by both). Any other line (a quote within a
 * cell, a missing cell, spaces around a value) is read the exact way.
 */
final class CsvColumns {

	/** The SQL condition that the row's cells read as the batch reads them. */
	static final String WELL_FORMED = "("
			+ String.join(" and ", "sameText", whole("age", 3), whole("departmentsInvolved", 2),
					trueOrFalse("brainInjuryCoordination"), trueOrFalse("measuresSentence"),
					trueOrFalse("placedOutOfHome"), trueOrFalse("serviceActMeasures"), trueOrFalse(Columns.FLEX_JOB))
			+ ")";

	// as a reader of CSV would: " around a cell, "" for a quote in it
	private static final Map<String, String> OPTIONS = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord",
			FastRows.CORRUPT, "sep", ",", "quote", "\"", "escape", "\"", "ignoreLeadingWhiteSpace", "false",
			"ignoreTrailingWhiteSpace", "false");

	// the quotes around cells without a quote or comma in them
	private static final String UNQUOTED = "case when instr(" + Columns.TEXT + ", '\"') = 0 then " + Columns.TEXT
			+ " else regexp_replace(" + Columns.TEXT + ", '(^|,)\"([^\",]*)\"(?=,|$)', '$1$2') end";

	private CsvColumns() {
	}

	/**
	 * @param input rows of source, blockStart, ordinal and text (a CSV line, not the
	 * header)
	 * @param headers each file's header, by the file's path
	 * @return the input's columns and the request's, typed as {@link FastRows#SCHEMA},
	 * with {@code s} (the cells as read), {@code sameText} and {@code unparsed}
	 */
	static Dataset<Row> parse(Dataset<Row> input, Map<String, CsvRows> headers) {
		Map<List<String>, List<String>> filesByHeader = new LinkedHashMap<>();
		headers.forEach((file,
				header) -> filesByHeader.computeIfAbsent(header.columns(), (columns) -> new ArrayList<>()).add(file));
		List<Column> parsed = new ArrayList<>(List.of(col(Columns.SOURCE), col(Columns.BLOCK_START),
				col(Columns.ORDINAL), col(Columns.TEXT), expr(UNQUOTED).as("unquoted")));
		List<List<String>> layouts = new ArrayList<>(filesByHeader.keySet());
		for (int i = 0; i < layouts.size(); i++) {
			Column cells = from_csv(col(Columns.TEXT), lit(schema(layouts.get(i)).toDDL()), OPTIONS);
			if (layouts.size() > 1) {
				// a file Spark names otherwise than here is read the exact way
				cells = when(col(Columns.SOURCE).isin(sparkPaths(filesByHeader.get(layouts.get(i)))), cells);
			}
			parsed.add(cells.as("c" + i));
		}
		Column cells = null;
		for (int i = 0; i < layouts.size(); i++) {
			Column named = when(col("c" + i).isNotNull(), named(col("c" + i), layouts.get(i)));
			cells = (cells == null) ? named : coalesce(cells, named);
		}
		return input.select(parsed.toArray(Column[]::new))
			.select(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL), col(Columns.TEXT),
					cells.as("t"))
			.select(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL), col(Columns.TEXT),
					cell("period"), cell("personKey"), cell("citizenRef"), whole("age"), cell("assessmentDate"),
					cell("rulesVersion"), cell("benefit"), cell("employmentPotential"),
					expr("split(t.cells.problems, '\\\\|', -1)").as("problems"), bool("brainInjuryCoordination"),
					bool("measuresSentence"), bool("placedOutOfHome"), bool("serviceActMeasures"),
					whole("departmentsInvolved"), bool(Columns.FLEX_JOB),
					col("t." + FastRows.CORRUPT).as(FastRows.CORRUPT), col("t.sameText").as("sameText"),
					col("t.cells").as("s"), col("t").isNull().as("unparsed"));
	}

	private static StructType schema(List<String> columns) {
		StructType schema = new StructType();
		for (String column : columns) {
			schema = schema.add(column, DataTypes.StringType);
		}
		return schema.add(FastRows.CORRUPT, DataTypes.StringType);
	}

	// the cells by name, absent columns as null; and whether the line is the cells
	// joined, each as it is or quoted
	private static Column named(Column cells, List<String> columns) {
		List<Column> fields = new ArrayList<>();
		for (String name : InputRows.ALLOWED) {
			// an empty cell, quoted or not, is absent
			fields.add((columns.contains(name) ? nullif(cells.getField(name), lit("")) : lit(null).cast("string"))
				.as(name));
		}
		Column joined = concat_ws(",",
				columns.stream().map((name) -> coalesce(cells.getField(name), lit(""))).toArray(Column[]::new));
		return struct(struct(fields.toArray(Column[]::new)).as("cells"),
				cells.getField(FastRows.CORRUPT).as(FastRows.CORRUPT), col("unquoted").equalTo(joined).as("sameText"));
	}

	private static String[] sparkPaths(List<String> files) {
		List<String> paths = new ArrayList<>();
		for (String file : files) {
			paths.add(file);
			paths.add(new Path(file).toUri().toString());
		}
		return paths.stream().distinct().toArray(String[]::new);
	}

	private static Column cell(String name) {
		return col("t.cells." + name).as(name);
	}

	private static Column whole(String name) {
		return expr("try_cast(t.cells." + name + " as int)").as(name);
	}

	private static Column bool(String name) {
		return expr("case lower(t.cells." + name + ") when 'true' then true when 'false' then false end").as(name);
	}

	private static String whole(String name, int digits) {
		return "(s." + name + " is null or (length(s." + name + ") between 1 and " + digits + " and translate(s." + name
				+ ", '0123456789', '') = ''))";
	}

	private static String trueOrFalse(String name) {
		return "(s." + name + " is null or lower(s." + name + ") in ('true', 'false'))";
	}

}
