package dk.model3.batch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.request.CsvRows;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.response.ResponseTemplates;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.NoSingleOutcome;
import dk.model3.rules.versions.NoVersionInForce;
import dk.model3.rules.versions.UnknownVersion;
import dk.model3.triage.JsonBodyReader;

/**
 * One line through the same steps as an API request: strict JSON parse (or CSV row to
 * JSON object), {@link RequestReader}, version resolution, evaluation and the contract
 * response. A line that fails any step becomes a {@link Reject}; nothing a line holds can
 * stop the run.
 */
final class LineProcessor implements LineHandler {

	private final BatchSettings settings;

	private final Classifier classifier;

	private final JsonBodyReader json = new JsonBodyReader();

	private final CsvRows csv;

	private static final int MAX_DATES = 1 << 12;

	private final Map<LocalDate, CompiledRules> inForce = new ConcurrentHashMap<>();

	LineProcessor(BatchSettings settings, Classifier classifier, CsvRows csv) {
		this.settings = settings;
		this.classifier = classifier;
		this.csv = csv;
	}

	@Override
	public void process(Line line, ChunkResult result) {
		result.lines++;
		long outputMark = result.output.length();
		long changedMark = result.changed.length();
		try {
			TriageRequest request = read(line);
			LocalDate date = (request.assessmentDate() != null) ? request.assessmentDate()
					: this.settings.defaultDate();
			String pinned = (this.settings.pinned() != null) ? this.settings.pinned() : request.rulesVersion();
			CompiledRules rules = resolve(pinned, date);
			Evaluated evaluated = this.classifier.evaluate(rules, request.profile());
			Evaluated compared = (this.settings.compareWith() != null)
					? this.classifier.evaluate(this.settings.compareWith(), request.profile()) : null;
			// everything that can fail has run: only now does the line count anywhere
			ChangedRow changed = null;
			this.classifier.write(evaluated, request.citizenRef(), date, result.output::append);
			result.output.append((byte) '\n');
			if (compared != null) {
				changed = Comparison.changed(line.number(), request.citizenRef(), evaluated, compared);
				if (changed != null) {
					result.changed.append(this.classifier.templates().mapper().writeValueAsBytes(changed));
					result.changed.append((byte) '\n');
				}
			}
			result.written++;
			result.primary.add(request.age(), evaluated);
			if (compared != null) {
				result.compared.add(request.age(), compared);
				result.comparison.add(evaluated, compared);
			}
		}
		catch (BadLine ex) {
			result.rejects.add(new Reject(line.number(), ex.kind(), ex.getMessage(), List.of()));
		}
		catch (InvalidRequest ex) {
			result.rejects.add(new Reject(line.number(), kind(ex), ex.getMessage(), ex.errors()));
		}
		catch (UnknownVersion | NoVersionInForce ex) {
			result.rejects.add(new Reject(line.number(), "rule version", ex.getMessage(), List.of()));
		}
		catch (NoSingleOutcome ex) {
			// a gap or overlap in the rules: the line cannot be answered, the others can
			result.rejects.add(new Reject(line.number(), "no single outcome", ex.getMessage(), List.of()));
		}
		catch (RuntimeException | StackOverflowError ex) {
			// whatever else fails on one line (a rule that never stops, an engine error)
			// must not take the run down: the line is a reject, with what went wrong
			result.output.truncate(outputMark);
			result.changed.truncate(changedMark);
			result.rejects.add(new Reject(line.number(), "cannot be evaluated",
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""),
					List.of()));
		}
	}

	// the versions of a run do not change while it runs, so each date is resolved once
	// (a date with no version in force throws every time)
	private CompiledRules resolve(String pinned, LocalDate date) {
		if (pinned != null) {
			return this.settings.versions().byId(pinned);
		}
		CompiledRules rules = this.inForce.get(date);
		if (rules == null) {
			rules = this.settings.versions().inForceOn(date);
			if (this.inForce.size() < MAX_DATES) {
				this.inForce.put(date, rules);
			}
		}
		return rules;
	}

	private TriageRequest read(Line line) throws BadLine {
		if (line.tooLong()) {
			throw new BadLine("too long", "is longer than " + LineReader.MAX_LINE_BYTES + " bytes");
		}
		if (line.bytes().length == 0) {
			throw new BadLine("empty line", "is empty");
		}
		if (this.csv != null) {
			try {
				return RequestReader.read(this.csv.toObject(new String(line.bytes(), StandardCharsets.UTF_8)));
			}
			catch (CsvRows.BadRow ex) {
				throw new BadLine(CsvRows.KIND, ex.getMessage());
			}
		}
		try {
			return this.json.request(line.bytes());
		}
		catch (JsonBodyReader.MalformedJson ex) {
			throw new BadLine("bad JSON", ex.errors().get(0).message());
		}
	}

	private static String kind(InvalidRequest ex) {
		for (FieldError error : ex.errors()) {
			if (error.field().equals("/citizenRef") && error.message().startsWith("looks like a CPR")) {
				return "CPR number as reference";
			}
		}
		return "invalid field";
	}

}
