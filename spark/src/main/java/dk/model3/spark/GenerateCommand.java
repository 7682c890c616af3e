package dk.model3.spark;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic longitudinal register as JSON Lines: the job's input, and with
 * {@code --requests} the same rows as the single-machine batch reads them.
 */
@Command(name = "generate-register", mixinStandardHelpOptions = true,
		description = "Write a seeded synthetic register: people x periods, JSON Lines.")
public final class GenerateCommand implements Callable<Integer> {

	@Option(names = "--seed", defaultValue = "2023", description = "random seed (default ${DEFAULT-VALUE})")
	private long seed;

	@Option(names = "--people", defaultValue = "1000", description = "people (default ${DEFAULT-VALUE})")
	private int people;

	@Option(names = "--periods", defaultValue = "52", description = "periods (default ${DEFAULT-VALUE})")
	private int periods;

	@Option(names = "--start", defaultValue = "2023-01-02", description = "first period (default ${DEFAULT-VALUE})")
	private LocalDate start;

	@Option(names = "--step-days", defaultValue = "7", description = "days between periods (default ${DEFAULT-VALUE})")
	private int stepDays;

	@Option(names = "--prefix", defaultValue = "PK", description = "person key prefix (default ${DEFAULT-VALUE})")
	private String prefix;

	@Option(names = { "-o", "--output" }, required = true, description = "the job's input file")
	private Path output;

	@Option(names = "--requests",
			description = "also write the same rows as plain requests (period as assessmentDate) to this file")
	private Path requests;

	public static void main(String[] args) {
		System.exit(new CommandLine(new GenerateCommand()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		long rows = write(this.output, false);
		if (this.requests != null) {
			write(this.requests, true);
		}
		System.out.println(rows + " rows, " + this.people + " people x " + this.periods + " periods -> " + this.output);
		return 0;
	}

	private long write(Path file, boolean asRequests) throws Exception {
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			return new LongitudinalPopulation(this.seed, this.people, this.periods, this.start, this.stepDays,
					this.prefix)
				.write(out, asRequests);
		}
	}

}
