package dk.model3.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dk.model3.request.InvalidRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.UnknownVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay}: re-classifies logged decisions under another rule version and writes
 * one triage response per decision as JSON Lines, the batch output format, with the keyed
 * hash as the case reference. Lines that cannot be replayed go to the rejects file with
 * their file, line number and reason; they never stop the run.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = "Re-classify decision-log lines under another rule version (JSON Lines out).")
public final class ReplayCommand implements Callable<Integer> {

	@Option(names = "--rules", required = true, paramLabel = "VERSION",
			description = "the rule version to re-classify under, e.g. 2023.01")
	String version;

	@Option(names = "--rules-dir", paramLabel = "DIR",
			description = "directory of rule versions; default: ./rules when it exists, else the rules packaged in the jar")
	Path rulesDir;

	@Option(names = "--out", paramLabel = "FILE", description = "output JSON Lines; default: standard output")
	Path out;

	@Option(names = "--rejects", paramLabel = "FILE",
			description = "lines that could not be replayed, with reasons; default: standard error")
	Path rejects;

	@Parameters(arity = "1..*", paramLabel = "LOG",
			description = "decision-log files (decisions-*.jsonl) or directories holding them (a shared folder: its per-instance sub-folders too)")
	List<Path> inputs;

	@Override
	public Integer call() {
		CompiledRules rules;
		try {
			rules = RuleLoader.forCommand(this.rulesDir, System.err).byId(this.version);
		}
		catch (UnknownVersion | UncheckedIOException ex) {
			System.err.println("replay: " + ex.getMessage());
			return 2;
		}
		List<Path> files;
		try {
			files = logFiles(this.inputs);
		}
		catch (IOException ex) {
			System.err.println("replay: cannot read " + ex.getMessage());
			return 2;
		}
		try (OutputStream output = (this.out != null) ? Files.newOutputStream(this.out) : nonClosing(System.out);
				PrintStream rejected = (this.rejects != null)
						? new PrintStream(Files.newOutputStream(this.rejects), true, StandardCharsets.UTF_8)
						: new PrintStream(nonClosing(System.err), true, StandardCharsets.UTF_8)) {
			Replay replay = new Replay(rules, output);
			for (Path file : files) {
				try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					String line;
					int number = 0;
					while ((line = reader.readLine()) != null) {
						number++;
						try {
							replay.line(line);
						}
						catch (InvalidRequest ex) {
							rejected.println(file.getFileName() + ":" + number + ": " + ex.errors());
						}
						catch (RuntimeException ex) {
							rejected.println(file.getFileName() + ":" + number + ": " + ex.getMessage());
						}
					}
				}
			}
			output.flush();
			System.err.printf(
					"replay under %s: %d read, %d replayed, %d rejected, %d changed status, tier, responsible area or flags%n",
					this.version, replay.read(), replay.replayed(), replay.read() - replay.replayed(),
					replay.changed());
			return 0;
		}
		catch (IOException ex) {
			System.err.println("replay: " + ex.getMessage());
			return 2;
		}
	}

	static List<Path> logFiles(List<Path> inputs) throws IOException {
		return DecisionLogFiles.in(inputs);
	}

	private static OutputStream nonClosing(OutputStream stream) {
		return new java.io.FilterOutputStream(stream) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush();
			}

		};
	}

}
