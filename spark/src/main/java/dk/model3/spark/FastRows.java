package dk.model3.spark;

import java.util.Map;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.request.CsvRows;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * The input's rows as requests, read by Spark: each JSON line is parsed by Spark's own
 * JSON reader with an explicit schema, each CSV line by its CSV reader with the schema of
 * its file's header ({@link CsvColumns}), and checked with column expressions. A row that
 * is plainly valid (every field of the kind and in the range the request reader accepts,
 * no unknown or repeated field, a CSV row's cells as the batch's CSV reading finds them)
 * gets its columns and its profile code straight from Spark; any other row is read by
 * {@link ExactRows}, which gives the batch's answer: the same request, or a reject with
 * the batch's reason. So the checks here may be stricter than the reader, never looser.
 */
final class FastRows {

	static final String CORRUPT = "_corrupt";

	static final StructType SCHEMA = new StructType().add("period", DataTypes.StringType)
		.add("personKey", DataTypes.StringType)
		.add("citizenRef", DataTypes.StringType)
		.add("age", DataTypes.IntegerType)
		.add("assessmentDate", DataTypes.StringType)
		.add("rulesVersion", DataTypes.StringType)
		.add("benefit", DataTypes.StringType)
		.add("employmentPotential", DataTypes.StringType)
		.add("problems", DataTypes.createArrayType(DataTypes.StringType))
		.add("brainInjuryCoordination", DataTypes.BooleanType)
		.add("measuresSentence", DataTypes.BooleanType)
		.add("placedOutOfHome", DataTypes.BooleanType)
		.add("serviceActMeasures", DataTypes.BooleanType)
		.add("departmentsInvolved", DataTypes.IntegerType)
		.add(Columns.FLEX_JOB, DataTypes.BooleanType)
		.add(CORRUPT, DataTypes.StringType);

	// strict as the API's parser: no single quotes, no NaN
	private static final Map<String, String> OPTIONS = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord",
			CORRUPT, "allowSingleQuotes", "false", "allowNonNumericNumbers", "false", "allowNumericLeadingZeros",
			"false");

	// the request reader's reference pattern ([A-Za-z0-9._:-]{1,64}) with at most nine
	// digits, too few for a CPR number; as one regular expression (each costs a string
	// per row, and Spark's translate a map lookup per character)
	private static final String REFERENCE = "(?=.{1,64}\\z)[A-Za-z._:-]*+(?:[0-9][A-Za-z._:-]*+){0,9}";

	private static final String VERSION = "[A-Za-z0-9._-]{1,32}";

	// in JSON, a string: not what Spark's reader makes of a number (only the characters
	// of one), true or false
	private static final String NOT_A_NUMBER = "(?!(?:true|false)\\z)(?=.*[^0-9.eE+-])";

	private FastRows() {
	}

	/**
	 * @param input rows of source, blockStart, ordinal and text
	 * @param exact the exact reader for the rows Spark cannot show to be valid
	 * @param csvHeaders the header of each CSV file (by its path), or null when the text
	 * is JSON
	 * @return rows of source, blockStart, ordinal, period, personKey, citizenRef,
	 * assessmentDate, code, flexJob, rejectKind and rejectReason
	 */
	static Dataset<Row> read(Dataset<Row> input, ExactRows exact, Map<String, CsvRows> csvHeaders) {
		Dataset<Row> checked = checked(input, csvHeaders);
		Column slow = when(not(col("fast")), udf(exact, ExactRows.TYPE).apply(col(Columns.SOURCE),
				col(Columns.BLOCK_START), col(Columns.ORDINAL), col(Columns.TEXT)));
		checked = checked.withColumn("slow", slow);
		Column period = expr("try_cast(period as date)");
		return checked.select(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL),
				when(col("fast"), period).otherwise(col("slow." + Columns.PERIOD)).as(Columns.PERIOD),
				when(col("fast"), col("personKey")).otherwise(col("slow." + Columns.PERSON_KEY)).as(Columns.PERSON_KEY),
				when(col("fast"), col("citizenRef")).otherwise(col("slow." + Columns.CITIZEN_REF))
					.as(Columns.CITIZEN_REF),
				when(col("fast"), expr("coalesce(try_cast(assessmentDate as date), try_cast(period as date))"))
					.otherwise(col("slow." + Columns.ASSESSMENT_DATE))
					.as(Columns.ASSESSMENT_DATE),
				when(col("fast"), ProfileCodes.column()).otherwise(col("slow." + Columns.CODE)).as(Columns.CODE),
				when(col("fast"), coalesce(col(Columns.FLEX_JOB), lit(false)))
					.otherwise(col("slow." + Columns.FLEX_JOB))
					.as(Columns.FLEX_JOB),
				col("slow." + Columns.REJECT_KIND).as(Columns.REJECT_KIND),
				col("slow." + Columns.REJECT_REASON).as(Columns.REJECT_REASON));
	}

	/**
	 * The input parsed by Spark into the request's columns, typed as {@link #SCHEMA},
	 * with {@code fast}: whether the row is plainly valid.
	 */
	static Dataset<Row> checked(Dataset<Row> input, Map<String, CsvRows> csvHeaders) {
		Dataset<Row> parsed = (csvHeaders != null) ? CsvColumns.parse(input, csvHeaders) : json(input);
		return parsed.withColumn("fast", expr("coalesce(" + plainlyValid(csvHeaders != null) + ", false)"));
	}

	private static Dataset<Row> json(Dataset<Row> input) {
		return input
			.select(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL), col(Columns.TEXT),
					from_json(col(Columns.TEXT), SCHEMA, OPTIONS).as("r"))
			.select(col(Columns.SOURCE), col(Columns.BLOCK_START), col(Columns.ORDINAL), col(Columns.TEXT), col("r.*"),
					col("r").isNull().as("unparsed"));
	}

	/**
	 * The SQL condition that a parsed row is exactly what the request reader accepts.
	 * Only expressions Spark compiles to code: no lambda (higher-order functions run
	 * interpreted, row by row), one regular expression per text field.
	 */
	static String plainlyValid(boolean csv) {
		// a JSON line: an object with no unknown or repeated key ({@link #quotes}), and
		// strings where the reader wants strings (Spark's reader makes a string of a
		// number); a CSV row: the cells as the batch's CSV reading finds them
		// ({@link CsvColumns}), every cell a string
		String form = csv ? CsvColumns.WELL_FORMED : String.join(" and ", "startswith(" + Columns.TEXT + ", '{')",
				"endswith(rtrim(" + Columns.TEXT + "), '}')", quotes());
		return String.join(" and ", "not unparsed", CORRUPT + " is null", form, date("period", true),
				reference("personKey", !csv), reference("citizenRef", !csv), "age between 0 and 125",
				date("assessmentDate", false),
				"(rulesVersion is null or " + whole("rulesVersion", (csv ? "" : NOT_A_NUMBER) + VERSION) + ")",
				"array_contains(" + ProfileCodes.names(Benefit.values()) + ", benefit)",
				"(employmentPotential is null or array_contains(" + ProfileCodes.names(EmploymentPotential.values())
						+ ", employmentPotential))",
				// one bit per known problem: as many bits as entries when every entry is
				// a
				// known problem, once
				"(problems is null or bit_count(" + ProfileCodes.problemBits() + ") = size(problems))",
				"(departmentsInvolved is null or departmentsInvolved between 0 and 20)");
	}

	/**
	 * The line has exactly the quotes of the fields Spark found: two for each key, two
	 * more for each string value (an entry of the problems too). Any other key, or a key
	 * twice, adds at least two; a key with a null value, or a field Spark read but the
	 * reader would not, takes two away or adds them. The values Spark found plainly valid
	 * have no quote in them, so counting the quote bytes stands for listing the keys,
	 * which would parse every line a second time.
	 */
	private static String quotes() {
		StringBuilder expected = new StringBuilder("0");
		for (StructField field : SCHEMA.fields()) {
			if (field.name().equals(CORRUPT)) {
				continue;
			}
			int each = (field.dataType() == DataTypes.StringType) ? 4 : 2;
			expected.append(" + if(").append(field.name()).append(" is null, 0, ").append(each).append(")");
		}
		expected.append(" + 2 * coalesce(size(problems), 0)");
		return "(octet_length(" + Columns.TEXT + ") - octet_length(replace(" + Columns.TEXT + ", '\"', ''))) = ("
				+ expected + ")";
	}

	// a plain YYYY-MM-DD date (Spark's cast refuses an impossible day or a non-digit) in
	// the reader's range: nothing the ISO parser would read otherwise; no regular
	// expression, which costs more than the parse
	private static String date(String field, boolean required) {
		String valid = "(length(" + field + ") = 10 and substr(" + field + ", 5, 1) = '-' and substr(" + field
				+ ", 8, 1) = '-' and " + field + " between '1900-01-01' and '2200-12-31' and try_cast(" + field
				+ " as date) is not null)";
		return required ? valid : "(" + field + " is null or " + valid + ")";
	}

	private static String reference(String field, boolean json) {
		return whole(field, (json ? NOT_A_NUMBER : "") + REFERENCE);
	}

	// the whole value (\z, not $, which would let a final line break through)
	private static String whole(String field, String pattern) {
		String regex = "^" + pattern + "\\z";
		return "(" + field + " rlike '" + regex.replace("\\", "\\\\") + "')";
	}

}
