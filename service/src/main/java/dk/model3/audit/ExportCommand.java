package dk.model3.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export}: the decisions of a period as JSON Lines for an archive, one decision a
 * line, oldest first: the stored decision (version, checksum, facts used, outcome, flags,
 * rule ids, keyed hash of the case reference, instance) with the caseworker who asked for
 * it and the review, if any.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = "Write the decisions of a period, with their reviews, as JSON Lines (for an archive).")
public final class ExportCommand implements Callable<Integer> {

	@Option(names = "--from", required = true, paramLabel = "DATE",
			description = "first day (Copenhagen), e.g. 2024-01-01")
	LocalDate from;

	@Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, included, e.g. 2024-12-31")
	LocalDate to;

	@Option(names = "--out", paramLabel = "FILE", description = "output JSON Lines; default: standard output")
	Path out;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() {
		if (this.to.isBefore(this.from)) {
			System.err.println("export: --to is before --from");
			return 2;
		}
		DecisionRecords records;
		try {
			records = this.database.open();
		}
		catch (IllegalStateException ex) {
			System.err.println("export: " + ex.getMessage());
			return 2;
		}
		long[] written = { 0 };
		try (OutputStream output = (this.out != null) ? Files.newOutputStream(this.out)
				: ReplayCommand.nonClosing(System.out)) {
			records.decisionsBetween(DatabaseOptions.startOf(this.from), DatabaseOptions.startOf(this.to.plusDays(1)),
					(exported) -> {
						Map<String, Object> line = new LinkedHashMap<>();
						line.put("decision", exported.decision());
						line.put("caseworker", exported.caseworker());
						line.put("review", exported.review());
						try {
							output.write(DecisionRecords.JSON.writeValueAsBytes(line));
							output.write('\n');
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						written[0]++;
					});
			output.flush();
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("export: " + ex.getMessage());
			return 2;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			System.err.println("export: cannot read the records database: " + ex.getMostSpecificCause().getMessage());
			return 2;
		}
		System.err.printf("export %s to %s: %d decision(s)%n", this.from, this.to, written[0]);
		return 0;
	}

}
