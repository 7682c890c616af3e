package dk.model3.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.model3.response.Explain;
import dk.model3.response.ResponseJson;
import dk.model3.response.ResponseTemplates;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleVersions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole batch: opens the input, runs it, writes the summary and the report, and moves
 * the files into place only when all of it succeeded.
 */
final class Batch {

	/** What to run. */
	record Options(Path input, InputFile.Format format, Path output, String pinned, String compare,
			LocalDate defaultDate, int threads, int chunkSize, boolean remember, Progress.Mode progress, int memory,
			Explain explain) {

		Options(Path input, InputFile.Format format, Path output, String pinned, String compare, LocalDate defaultDate,
				int threads, int chunkSize, boolean remember, Progress.Mode progress, int memory) {
			this(input, format, output, pinned, compare, defaultDate, threads, chunkSize, remember, progress, memory,
					Explain.FULL);
		}

		Options(Path input, InputFile.Format format, Path output, String pinned, String compare, LocalDate defaultDate,
				int threads, int chunkSize, boolean remember, Progress.Mode progress) {
			this(input, format, output, pinned, compare, defaultDate, threads, chunkSize, remember, progress, MEMORY);
		}

		/** The same run writing answers as {@code --explain} says. */
		Options explaining(Explain mode) {
			return new Options(input(), format(), output(), pinned(), compare(), defaultDate(), threads(), chunkSize(),
					remember(), progress(), memory(), mode);
		}

	}

	/**
	 * Profiles remembered per version: a decision takes about a kilobyte, so at most a
	 * few hundred megabytes whatever the size of the file.
	 */
	static final int MEMORY = 1 << 18;

	private Batch() {
	}

	static BatchRun.Totals run(RuleVersions versions, Options options, PrintStream messages)
			throws IOException, InterruptedException {
		if (options.pinned() != null) {
			versions.byId(options.pinned());
		}
		CompiledRules compareWith = (options.compare() != null) ? versions.byId(options.compare()) : null;
		JsonMapper mapper = ResponseJson.mapper();
		Classifier classifier = new Classifier(new ResponseTemplates(mapper), options.remember(), options.memory(),
				options.explain());
		BatchSettings settings = new BatchSettings(versions, options.pinned(), compareWith, options.defaultDate());
		Outputs outputs = new Outputs(options.output());
		Thread cleanup = new Thread(outputs::abandon, "batch-cleanup");
		Runtime.getRuntime().addShutdownHook(cleanup);
		try {
			InputFile input = InputFile.open(options.input(), options.format());
			try (java.io.InputStream stream = input.stream()) {
				Progress progress = new Progress(messages, options.progress(), input.size(), input::bytesRead,
						(options.progress() == Progress.Mode.BAR) ? 200 : 10_000);
				BatchRun.Totals totals = new BatchRun(settings, classifier, options.threads(), options.chunkSize())
					.run(input, outputs, progress);
				totals.evaluations = classifier.evaluations();
				Map<String, Object> run = new LinkedHashMap<>();
				run.put("input", options.input().getFileName().toString());
				run.put("format", input.format().name());
				run.put("rules", (options.pinned() != null) ? options.pinned()
						: "the line's rulesVersion, else the version in force on its date");
				if (options.compare() != null) {
					run.put("compare", options.compare());
				}
				run.put("defaultDate", options.defaultDate().toString());
				run.put("explain", options.explain().toString());
				run.put("finishedAt", Instant.now().toString());
				run.put("output", outputs.output().getFileName().toString());
				run.put("rejects", outputs.rejects().getFileName().toString());
				if (options.compare() != null) {
					run.put("changedRows", outputs.changed().getFileName().toString());
				}
				String primaryLabel = (options.pinned() != null) ? options.pinned()
						: String.join("+", totals.primary.versions.keySet());
				if (primaryLabel.isEmpty()) {
					primaryLabel = "as requested";
				}
				String compareLabel = (options.compare() != null) ? options.compare() : null;
				if (compareLabel != null && compareLabel.equals(primaryLabel)) {
					compareLabel = compareLabel + " (compare)";
				}
				Map<String, Object> summary = BatchRun.summary(totals, run, primaryLabel, compareLabel);
				JsonNode tree = mapper.valueToTree(summary);
				try (OutputStream report = outputs.open(outputs.report())) {
					report.write(HtmlReport.render(tree).getBytes(StandardCharsets.UTF_8));
				}
				try (OutputStream out = outputs.open(outputs.summary())) {
					mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValue(out, tree);
				}
				outputs.commit();
				messages.printf("in %d = out %d + rejected %d%s; %.1f s, %,.0f lines/s%nwrote %s, %s, %s, %s%s%n",
						totals.in, totals.out, totals.rejected,
						(totals.in == totals.out + totals.rejected) ? "" : " DOES NOT ADD UP", totals.seconds,
						totals.in / Math.max(totals.seconds, 1e-9), outputs.output(), outputs.rejects(),
						outputs.summary(), outputs.report(),
						(options.compare() != null) ? ", " + outputs.changed() : "");
				return totals;
			}
		}
		finally {
			outputs.abandon();
			try {
				Runtime.getRuntime().removeShutdownHook(cleanup);
			}
			catch (IllegalStateException ex) {
				// shutting down: the hook runs anyway
			}
		}
	}

}
