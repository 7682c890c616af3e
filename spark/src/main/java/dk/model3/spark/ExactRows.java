package dk.model3.spark;

import java.io.Serializable;
import java.net.URI;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.model3.request.CprNumbers;
import dk.model3.request.CsvRows;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one row the exact way, as the single-machine batch does: the API's strict JSON
 * parsing (or the CSV header's reading), {@link RequestReader}, the period and the person
 * key. Spark runs it only on the rows its own reader could not show to be plainly valid
 * ({@link FastRows}): the rejects, with their reasons, and the odd valid row written
 * another way. Gives a {@link #TYPE} struct: the request's columns and its profile code,
 * or the kind and reason of the reject.
 */
final class ExactRows implements UDF4<String, Long, Long, String, Row>, Serializable {

	static final String PERIOD = "period";

	static final String PERSON_KEY = "personKey";

	/**
	 * A register column beside the request: whether the person is in a flex job (wage
	 * with a subsidy) in the period. The contract's benefits cannot say it: a person in a
	 * flex job receives no benefit ({@code NONE}), as does one in an ordinary job.
	 */
	static final String FLEX_JOB = "flexJob";

	static final StructType TYPE = new StructType().add(Columns.PERIOD, DataTypes.DateType)
		.add(Columns.PERSON_KEY, DataTypes.StringType)
		.add(Columns.CITIZEN_REF, DataTypes.StringType)
		.add(Columns.ASSESSMENT_DATE, DataTypes.DateType)
		.add(Columns.CODE, DataTypes.LongType)
		.add(Columns.FLEX_JOB, DataTypes.BooleanType)
		.add(Columns.REJECT_KIND, DataTypes.StringType)
		.add(Columns.REJECT_REASON, DataTypes.StringType);

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final Map<String, CsvRows> csvHeaders;

	private transient JsonMapper json;

	private transient Map<String, CsvRows> bySparkPath;

	/**
	 * @param csvHeaders the header of each CSV source file, or null when the rows are
	 * JSON objects (JSON Lines or Parquet)
	 */
	ExactRows(Map<String, CsvRows> csvHeaders) {
		this.csvHeaders = (csvHeaders != null) ? new HashMap<>(csvHeaders) : null;
	}

	@Override
	public Row call(String source, Long blockStart, Long ordinal, String text) {
		boolean firstLine = blockStart == 0 && ordinal == 0;
		LocalDate period = null;
		String personKey = null;
		try {
			ObjectNode node = parse(source, firstLine, text);
			List<FieldError> errors = new ArrayList<>();
			period = period(node.remove(PERIOD), errors);
			personKey = personKey(node.remove(PERSON_KEY), errors);
			boolean flexJob = flexJob(node.remove(FLEX_JOB), this.csvHeaders != null, errors);
			TriageRequest request;
			try {
				request = RequestReader.read(node);
			}
			catch (InvalidRequest ex) {
				errors.addAll(ex.errors());
				throw new InvalidRequest(errors);
			}
			if (!errors.isEmpty()) {
				throw new InvalidRequest(errors);
			}
			LocalDate date = (request.assessmentDate() != null) ? request.assessmentDate() : period;
			return RowFactory.create(Date.valueOf(period), personKey, request.citizenRef(), Date.valueOf(date),
					ProfileCodes.encode(request.profile()), flexJob, null, null);
		}
		catch (BadRow ex) {
			return reject(period, personKey, ex.kind(), ex.getMessage());
		}
		catch (InvalidRequest ex) {
			return reject(period, personKey, kind(ex), ex.getMessage());
		}
		catch (RuntimeException | StackOverflowError ex) {
			// whatever else fails on one row must not take the job down
			return reject(period, personKey, "cannot be read",
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	private static Row reject(LocalDate period, String personKey, String kind, String reason) {
		return RowFactory.create((period != null) ? Date.valueOf(period) : null, personKey, null, null, null, null,
				kind, reason);
	}

	private ObjectNode parse(String source, boolean firstLine, String text) throws BadRow {
		String content = (firstLine && text.startsWith("\uFEFF")) ? text.substring(1) : text;
		if (content.isEmpty()) {
			throw new BadRow("empty line", "is empty");
		}
		if (this.csvHeaders != null) {
			CsvRows header = header(source);
			if (header == null) {
				throw new BadRow(CsvRows.KIND, "no header was read for " + source);
			}
			try {
				return header.toObject(content);
			}
			catch (CsvRows.BadRow ex) {
				throw new BadRow(CsvRows.KIND, ex.getMessage());
			}
		}
		if (this.json == null) {
			this.json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
		}
		JsonNode node;
		try {
			node = this.json.readTree(content);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null) ? " at column " + ex.getLocation().getColumnNr() : "";
			throw new BadRow("bad JSON", "is not valid JSON" + where + ": " + CprNumbers.mask(ex.getOriginalMessage()));
		}
		if (!(node instanceof ObjectNode object)) {
			throw new BadRow("invalid field", "must be a JSON object with the request fields, period and personKey");
		}
		return object;
	}

	// Spark names a file by its URL-encoded path, the driver by its Hadoop path
	private CsvRows header(String source) {
		if (this.bySparkPath == null) {
			this.bySparkPath = new HashMap<>();
		}
		return this.bySparkPath.computeIfAbsent(source, (path) -> {
			CsvRows header = this.csvHeaders.get(path);
			return (header != null) ? header : this.csvHeaders.get(hadoopPath(path));
		});
	}

	static String hadoopPath(String sparkPath) {
		try {
			return new Path(new URI(sparkPath)).toString();
		}
		catch (java.net.URISyntaxException | IllegalArgumentException ex) {
			return sparkPath;
		}
	}

	private static LocalDate period(JsonNode value, List<FieldError> errors) {
		if (value == null || value.isNull()) {
			errors.add(new FieldError("/" + PERIOD, "is required: the date of the register period"));
			return null;
		}
		if (value.isString()) {
			try {
				LocalDate date = LocalDate.parse(value.stringValue());
				if (!date.isBefore(RequestReader.EARLIEST_DATE) && !date.isAfter(RequestReader.LATEST_DATE)) {
					return date;
				}
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		errors.add(new FieldError("/" + PERIOD, "must be an ISO date from " + RequestReader.EARLIEST_DATE + " to "
				+ RequestReader.LATEST_DATE + ", e.g. 2024-03-04"));
		return null;
	}

	private static String personKey(JsonNode value, List<FieldError> errors) {
		if (value == null || value.isNull()) {
			errors.add(new FieldError("/" + PERSON_KEY, "is required: the pseudonymous key of the person"));
			return null;
		}
		if (!value.isString() || !KEY.matcher(value.stringValue()).matches()) {
			errors.add(new FieldError("/" + PERSON_KEY, "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
			return null;
		}
		if (CprNumbers.contains(value.stringValue())) {
			errors.add(new FieldError("/" + PERSON_KEY,
					"looks like a CPR number; a person key must be pseudonymous, never a personal identifier"));
			return null;
		}
		return value.stringValue();
	}

	// a CSV cell is text: true or false in any case, as the batch reads the request's
	// booleans from CSV
	private static boolean flexJob(JsonNode value, boolean csv, List<FieldError> errors) {
		if (value == null || value.isNull()) {
			return false;
		}
		if (csv && value.isString()
				&& (value.stringValue().equalsIgnoreCase("true") || value.stringValue().equalsIgnoreCase("false"))) {
			return value.stringValue().equalsIgnoreCase("true");
		}
		if (!value.isBoolean()) {
			errors.add(new FieldError("/" + FLEX_JOB, "must be true or false: whether the person is in a flex job"));
			return false;
		}
		return value.booleanValue();
	}

	private static String kind(InvalidRequest ex) {
		for (FieldError error : ex.errors()) {
			if (error.message().startsWith("looks like a CPR")) {
				return "CPR number as reference";
			}
		}
		return "invalid field";
	}

}
