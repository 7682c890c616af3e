package dk.model3.spark;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.RuleVersionFiles;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code spark-submit … triage-spark.jar INPUT -o OUT --rules-dir rules --rules V=CHECKSUM}:
 * the entry point on a cluster and locally. Exit code 2 when the job refuses to start.
 */
@Command(name = "triage-evaluate", mixinStandardHelpOptions = true,
		description = "Classify register data under one or two rule versions on Spark: decisions, courses, outcomes over years, summary.json and report.html.")
public final class EvaluateCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", description = "input file or folder: Parquet, CSV or JSON Lines (.gz too)")
	private String input;

	@Option(names = { "-o", "--output" }, description = "output folder (must not exist)")
	private String output;

	@Option(names = "--rules-dir", required = true,
			description = "the rule versions shipped with the job: sources.yaml and one folder per version")
	private Path rulesDir;

	@Option(names = "--rules", description = "VERSION=CHECKSUM every row is classified under")
	private String rules;

	@Option(names = "--compare", description = "VERSION=CHECKSUM of a second version: transition matrix")
	private String compare;

	@Option(names = "--format", description = "PARQUET, CSV or JSONL (default: from the file names)")
	private InputFormat format;

	@Option(names = "--responses", description = "also write the full contract response of every row (JSON Lines)")
	private boolean responses;

	@Option(names = "--master", description = "Spark master when not run by spark-submit, e.g. local[*]")
	private String master;

	@Option(names = "--checksums",
			description = "print VERSION=CHECKSUM for every version folder under --rules-dir and stop")
	private boolean checksums;

	public static void main(String[] args) {
		System.exit(new CommandLine(new EvaluateCommand()).execute(args));
	}

	@Override
	public Integer call() {
		if (this.checksums) {
			for (RuleVersionFiles files : RuleFolders.inDirectory(this.rulesDir).versions()) {
				System.out.println(files.folder() + "=" + files.checksum());
			}
			return 0;
		}
		JobSettings settings;
		try {
			if (this.input == null || this.output == null || this.rules == null) {
				throw new IllegalArgumentException("give the input, -o OUTPUT and --rules VERSION=CHECKSUM");
			}
			settings = new JobSettings(this.input, this.format, this.output, this.rulesDir,
					JobSettings.VersionPin.parse(this.rules),
					(this.compare != null) ? JobSettings.VersionPin.parse(this.compare) : null, this.responses);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		SparkSession.Builder builder = SparkSession.builder().appName("triage-evaluate");
		if (this.master != null) {
			builder.master(this.master);
		}
		SparkSession spark = builder.getOrCreate();
		try {
			long started = System.nanoTime();
			ObjectNode summary = EvaluationJob.run(spark, settings);
			double seconds = (System.nanoTime() - started) / 1e9;
			long in = summary.path("rows").path("in").asLong();
			System.out.printf("%s; %.1f s, %.0f rows/s%nwrote %s%n", summary.path("rows").path("statement").asString(),
					seconds, in / seconds, this.output);
			return 0;
		}
		catch (ChecksumMismatch | IllegalArgumentException ex) {
			System.err.println("refused: " + ex.getMessage());
			return 2;
		}
		finally {
			spark.stop();
		}
	}

}
