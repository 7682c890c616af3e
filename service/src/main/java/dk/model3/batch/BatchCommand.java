package dk.model3.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import dk.model3.response.Explain;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.versions.UnknownVersion;
import dk.model3.triage.Copenhagen;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch}: re-classifies a file of profiles. */
@Command(name = "batch", mixinStandardHelpOptions = true,
		description = { "Re-classifies a file of triage requests: JSON Lines or CSV (by name; .gz read too).",
				"Writes one contract response per line in input order to --output, and beside it",
				"<name>.rejects.jsonl, <name>.summary.json, <name>.report.html and, with --compare,",
				"<name>.changed.jsonl. Files appear only when the run completes. --explain ids|none writes",
				"short lines (the outcome with or without the deciding rule ids). See docs/batch.md." })
public final class BatchCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "INPUT", description = "The input file.")
	Path input;

	@Option(names = { "-o", "--output" }, required = true, description = "The output JSON Lines file.")
	Path output;

	@Option(names = "--rules", paramLabel = "VERSION",
			description = "Classify every line under this version (default: the line's rulesVersion, else the version in force on its assessment date).")
	String rules;

	@Option(names = "--compare", paramLabel = "VERSION",
			description = "Also classify under this version: transition matrix, flag changes and changed rows.")
	String compare;

	@Option(names = "--date", paramLabel = "DATE",
			description = "Assessment date for lines without one (default: today in Europe/Copenhagen).")
	LocalDate date;

	@Option(names = "--explain", paramLabel = "full|ids|none",
			description = "What each output line holds: full (default) the whole response; ids the outcome, flags, warnings, version, checksum and the deciding ruleIds; none the same without ruleIds.")
	String explain = "full";

	@Option(names = "--format", description = "JSONL or CSV (default: by the file name).")
	InputFile.Format format;

	@Option(names = "--threads", description = "Worker threads (default: the number of cores).")
	int threads = Runtime.getRuntime().availableProcessors();

	@Option(names = "--chunk", description = "Lines per unit of parallel work (default ${DEFAULT-VALUE}).")
	int chunk = 1000;

	@Option(names = "--rules-dir", paramLabel = "DIR",
			description = "Rule versions directory (default: ./rules when it exists, else the rules in the jar).")
	Path rulesDir;

	@Option(names = "--progress", description = "BAR, LINES or NONE (default: BAR on a terminal, LINES otherwise).")
	Progress.Mode progress;

	@Option(names = "--no-memo",
			description = "Evaluate every line even when its profile was seen before (for measuring the engine).")
	boolean noMemo;

	@Option(names = "--memo", paramLabel = "N",
			description = "Distinct profiles whose decisions are kept per version (default ${DEFAULT-VALUE}; about 1 KB each).")
	int memo = Batch.MEMORY;

	@Override
	public Integer call() {
		Explain mode = Explain.named(this.explain).orElse(null);
		if (mode == null) {
			System.err.println("--explain must be full, ids or none, not \"" + this.explain + "\"");
			return 2;
		}
		if (!Files.isReadable(this.input)) {
			System.err.println("cannot read " + this.input);
			return 2;
		}
		if (this.threads < 1 || this.chunk < 1) {
			System.err.println("--threads and --chunk must be at least 1");
			return 2;
		}
		RuleVersions versions = RuleLoader.forCommand(this.rulesDir, System.err);
		if (versions.active().isEmpty()) {
			System.err.println("no rule version could be loaded");
			return 2;
		}
		LocalDate defaultDate = (this.date != null) ? this.date : LocalDate.now(Copenhagen.clock());
		try {
			Batch.run(versions,
					new Batch.Options(this.input, this.format, this.output, this.rules, this.compare, defaultDate,
							this.threads, this.chunk, !this.noMemo,
							(this.progress != null) ? this.progress : Progress.auto(), this.memo, mode),
					System.err);
			return 0;
		}
		catch (UnknownVersion | IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		catch (IOException ex) {
			System.err.println("cannot read or write: " + ex);
			return 2;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 2;
		}
	}

}
