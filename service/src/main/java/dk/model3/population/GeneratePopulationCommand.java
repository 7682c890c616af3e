package dk.model3.population;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-population}: writes a seeded synthetic population. */
@Command(name = "generate-population", mixinStandardHelpOptions = true,
		description = { "Writes a seeded synthetic population of triage requests.",
				"JSON Lines or CSV by the file name (.jsonl, .csv), gzipped when it ends in .gz.",
				"Proportions and their reasoning: fixtures/README.md." })
public final class GeneratePopulationCommand implements Callable<Integer> {

	@Option(names = { "-o", "--output" }, required = true, description = "The file to write.")
	Path output;

	@Option(names = "--size", defaultValue = "2500", description = "Number of citizens (default ${DEFAULT-VALUE}).")
	int size;

	@Option(names = "--seed", defaultValue = "2021", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--date", defaultValue = "2022-06-01",
			description = "Assessment date on every line (default ${DEFAULT-VALUE}: rules 2021.03 in force).")
	LocalDate date;

	@Option(names = "--prefix", defaultValue = "NDJ", description = "Case reference prefix (default ${DEFAULT-VALUE}).")
	String prefix;

	@Override
	public Integer call() {
		if (this.size < 0 || !this.prefix.matches("[A-Za-z._:-]{1,40}")) {
			System.err.println("--size must be 0 or more and --prefix 1-40 letters or . _ : -");
			return 2;
		}
		try {
			PopulationFile.write(this.output, this.seed, this.size, this.date, this.prefix);
		}
		catch (IOException ex) {
			System.err.println("cannot write " + this.output + ": " + ex.getMessage());
			return 2;
		}
		System.err.println("wrote " + this.size + " citizens (seed " + this.seed + ") to " + this.output);
		return 0;
	}

}
