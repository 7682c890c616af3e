package dk.model3.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import dk.model3.request.InvalidRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.UnknownVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code replay}: re-classifies stored decisions of a period under another rule version
 * and writes one triage response per decision as JSON Lines, the batch output format,
 * with the keyed hash as the case reference. Decisions that cannot be replayed go to the
 * rejects file with their id and reason; they never stop the run.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = "Re-classify stored decisions under another rule version (JSON Lines out).")
public final class ReplayCommand implements Callable<Integer> {

	@Option(names = "--rules", required = true, paramLabel = "VERSION",
			description = "the rule version to re-classify under, e.g. 2023.01")
	String version;

	@Option(names = "--rules-dir", paramLabel = "DIR",
			description = "directory of rule versions; default: ./rules when it exists, else the rules packaged in the jar")
	Path rulesDir;

	@Option(names = "--from", paramLabel = "DATE", description = "first day of decisions (Copenhagen); default: all")
	LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", description = "last day of decisions, included; default: today")
	LocalDate to;

	@Option(names = "--out", paramLabel = "FILE", description = "output JSON Lines; default: standard output")
	Path out;

	@Option(names = "--rejects", paramLabel = "FILE",
			description = "decisions that could not be replayed, with reasons; default: standard error")
	Path rejects;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() {
		CompiledRules rules;
		DecisionRecords records;
		try {
			rules = RuleLoader.forCommand(this.rulesDir, System.err).byId(this.version);
			records = this.database.open();
		}
		catch (UnknownVersion | UncheckedIOException | IllegalStateException ex) {
			System.err.println("replay: " + ex.getMessage());
			return 2;
		}
		try (OutputStream output = (this.out != null) ? Files.newOutputStream(this.out) : nonClosing(System.out);
				PrintStream rejected = (this.rejects != null)
						? new PrintStream(Files.newOutputStream(this.rejects), true, StandardCharsets.UTF_8)
						: new PrintStream(nonClosing(System.err), true, StandardCharsets.UTF_8)) {
			Replay replay = new Replay(rules, output);
			Instant start = (this.from != null) ? DatabaseOptions.startOf(this.from) : Instant.EPOCH;
			Instant end = DatabaseOptions
				.startOf(((this.to != null) ? this.to : LocalDate.now(dk.model3.triage.Copenhagen.ZONE)).plusDays(1));
			records.decisionsBetween(start, end, (exported) -> {
				DecisionRecord decision = exported.decision();
				try {
					replay.line(DecisionRecords.JSON.writeValueAsString(decision));
				}
				catch (InvalidRequest ex) {
					rejected.println(decision.decisionId() + ": " + ex.errors());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (RuntimeException ex) {
					rejected.println(decision.decisionId() + ": " + ex.getMessage());
				}
			});
			output.flush();
			System.err.printf(
					"replay under %s: %d read, %d replayed, %d rejected, %d changed status, tier, responsible area or flags%n",
					this.version, replay.read(), replay.replayed(), replay.read() - replay.replayed(),
					replay.changed());
			return 0;
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("replay: " + ex.getMessage());
			return 2;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			System.err.println("replay: cannot read the records database: " + ex.getMostSpecificCause().getMessage());
			return 2;
		}
	}

	static OutputStream nonClosing(OutputStream stream) {
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
