package dk.model3.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.model3.request.CsvRows;
import dk.model3.request.CprNumbers;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.response.ResponseJson;
import dk.model3.response.ResponseTemplates;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.NoSingleOutcome;
import dk.model3.facts.Profile;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Classifies the rows of one partition: each input row (source, line, text) becomes one
 * row of {@link Columns#CLASSIFIED}, a decision or a reject, never neither and never two;
 * a CSV header row becomes nothing. The same steps as the single-machine batch: the API's
 * strict JSON parsing, {@link RequestReader}, {@link CompiledRules#evaluate} and the
 * response written from {@link ResponseTemplates} over {@link ResponseJson#mapper()}.
 */
final class RowClassifier implements FlatMapFunction<Iterator<Row>, Row>, Serializable {

	static final String PERIOD = "period";

	static final String PERSON_KEY = "personKey";

	/**
	 * Decisions kept per partition and version for profiles seen before; a bound on
	 * memory.
	 */
	static final int MEMO = 50_000;

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	// one per executor JVM, shared by its tasks: a response's shape is cut into
	// a template once, and each row's answer is copied from it (the batch's and
	// the API's bytes)
	private static final ResponseTemplates TEMPLATES = new ResponseTemplates(ResponseJson.mapper());

	private final ShippedVersion rules;

	private final ShippedVersion compare;

	private final boolean responses;

	private final Map<String, CsvRows> csvHeaders;

	/**
	 * @param csvHeaders the header of each CSV source file, or null when the rows are
	 * JSON objects (JSON Lines or Parquet)
	 */
	RowClassifier(ShippedVersion rules, ShippedVersion compare, boolean responses, Map<String, CsvRows> csvHeaders) {
		this.rules = rules;
		this.compare = compare;
		this.responses = responses;
		this.csvHeaders = (csvHeaders != null) ? new HashMap<>(csvHeaders) : null;
	}

	@Override
	public Iterator<Row> call(Iterator<Row> input) {
		Partition partition = new Partition();
		// lazy: a partition's rows (with responses, kilobytes each) are never all in
		// memory
		return new Iterator<>() {

			private Row next;

			@Override
			public boolean hasNext() {
				while (this.next == null && input.hasNext()) {
					Row row = input.next();
					this.next = partition.classify(row.getString(0), row.getLong(1), row.getString(2));
				}
				return this.next != null;
			}

			@Override
			public Row next() {
				if (!hasNext()) {
					throw new java.util.NoSuchElementException();
				}
				Row row = this.next;
				this.next = null;
				return row;
			}

		};
	}

	/** What one task holds while it goes through its rows. */
	private final class Partition {

		private final JsonMapper json = JsonMapper.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();

		private final CompiledRules primary = ExecutorRules.of(RowClassifier.this.rules);

		private final CompiledRules secondary = (RowClassifier.this.compare != null)
				? ExecutorRules.of(RowClassifier.this.compare) : null;

		private final Map<Profile, Decision> primaryMemo = new HashMap<>();

		private final Map<Profile, Decision> secondaryMemo = new HashMap<>();

		Row classify(String source, long line, String text) {
			boolean csv = RowClassifier.this.csvHeaders != null;
			if (csv && line == 1) {
				return null;
			}
			LocalDate period = null;
			String personKey = null;
			try {
				ObjectNode node = parse(source, line, text);
				List<FieldError> errors = new ArrayList<>();
				period = period(node.remove(PERIOD), errors);
				personKey = personKey(node.remove(PERSON_KEY), errors);
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
				Object[] values = new Object[Columns.CLASSIFIED.size()];
				values[0] = source;
				values[1] = line;
				values[2] = Date.valueOf(period);
				values[3] = personKey;
				values[4] = request.citizenRef();
				values[5] = Date.valueOf(date);
				Decision decision = decide(this.primary, this.primaryMemo, request.profile());
				fill(values, 6, request, date, decision);
				if (this.secondary != null) {
					fill(values, 6 + Columns.DECISION.length, request, date,
							decide(this.secondary, this.secondaryMemo, request.profile()));
				}
				return RowFactory.create(values);
			}
			catch (BadRow ex) {
				return reject(source, line, period, personKey, ex.kind(), ex.getMessage());
			}
			catch (InvalidRequest ex) {
				return reject(source, line, period, personKey, kind(ex), ex.getMessage());
			}
			catch (NoSingleOutcome ex) {
				return reject(source, line, period, personKey, "no single outcome", ex.getMessage());
			}
			catch (RuntimeException | StackOverflowError ex) {
				// whatever else fails on one row must not take the job down
				return reject(source, line, period, personKey, "cannot be evaluated",
						ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			}
		}

		private ObjectNode parse(String source, long line, String text) throws BadRow {
			String content = (line == 1 && text.startsWith("\uFEFF")) ? text.substring(1) : text;
			if (content.isEmpty()) {
				throw new BadRow("empty line", "is empty");
			}
			if (RowClassifier.this.csvHeaders != null) {
				CsvRows header = RowClassifier.this.csvHeaders.get(source);
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
			JsonNode node;
			try {
				node = this.json.readTree(content);
			}
			catch (JacksonException ex) {
				String where = (ex.getLocation() != null) ? " at column " + ex.getLocation().getColumnNr() : "";
				throw new BadRow("bad JSON",
						"is not valid JSON" + where + ": " + CprNumbers.mask(ex.getOriginalMessage()));
			}
			if (!(node instanceof ObjectNode object)) {
				throw new BadRow("invalid field",
						"must be a JSON object with the request fields, period and personKey");
			}
			return object;
		}

		private Decision decide(CompiledRules rules, Map<Profile, Decision> memo, Profile profile) {
			// a version's rules are a pure function of the profile, as in the batch
			Decision known = memo.get(profile);
			if (known != null) {
				return known;
			}
			Decision decision = rules.evaluate(profile);
			if (memo.size() < MEMO) {
				memo.put(profile, decision);
			}
			return decision;
		}

		private void fill(Object[] values, int at, TriageRequest request, LocalDate date, Decision decision) {
			values[at] = decision.status().name();
			values[at + 1] = (decision.tier() != null) ? decision.tier().name() : null;
			values[at + 2] = decision.responsibleArea().name();
			values[at + 3] = decision.flags().stream().map(Enum::name).sorted().toArray(String[]::new);
			values[at + 4] = decision.ruleIds().toArray(String[]::new);
			values[at + 5] = decision.rulesVersion();
			values[at + 6] = decision.rulesChecksum();
			values[at + 7] = RowClassifier.this.responses
					? new String(TEMPLATES.bytes(decision, null, request.citizenRef(), date), StandardCharsets.UTF_8)
					: null;
		}

		private Row reject(String source, long line, LocalDate period, String personKey, String kind, String reason) {
			Object[] values = new Object[Columns.CLASSIFIED.size()];
			values[0] = source;
			values[1] = line;
			values[2] = (period != null) ? Date.valueOf(period) : null;
			values[3] = personKey;
			values[values.length - 2] = kind;
			values[values.length - 1] = reason;
			return RowFactory.create(values);
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

	private static String kind(InvalidRequest ex) {
		for (FieldError error : ex.errors()) {
			if (error.message().startsWith("looks like a CPR")) {
				return "CPR number as reference";
			}
		}
		return "invalid field";
	}

}
