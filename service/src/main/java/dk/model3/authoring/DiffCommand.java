package dk.model3.authoring;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import dk.model3.facts.Profile;
import dk.model3.population.PopulationReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.DiffReport;
import dk.model3.rules.check.ProfileSpace;
import dk.model3.rules.check.VersionDiff;
import dk.model3.rules.versions.RuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which citizens a new version moves, over the bounded space or a population file. */
@Command(name = "diff", description = "Compare two rule versions over the bounded profile space or a population file: "
		+ "who changes status, tier or flags, and which rules made the difference.")
public final class DiffCommand extends AuthoringCommand {

	@Parameters(index = "0", paramLabel = "OLD", description = "The version in force, e.g. 2021.03.")
	String older;

	@Parameters(index = "1", paramLabel = "NEW", description = "The new version, e.g. 2023.01.")
	String newer;

	@Option(names = "--population", paramLabel = "FILE",
			description = "JSON Lines of triage requests (.gz accepted) instead of the bounded space.")
	Path population;

	@Mixin
	SpaceOptions spaceOptions;

	@Override
	int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err) {
		CompiledRules before = this.rules.compile(loader, this.older, printer);
		CompiledRules after = this.rules.compile(loader, this.newer, printer);
		Stream<Profile> profiles;
		if (this.population != null) {
			PopulationReader.Population read = read(this.population);
			read.rejects()
				.forEach((reject) -> err.println(this.population + ":" + reject.line() + ": " + reject.reason()));
			out.printf("Comparing %s with %s over %,d profiles from %s (%d lines rejected) ...%n", before.version(),
					after.version(), read.requests().size(), this.population, read.rejects().size());
			profiles = read.requests().parallelStream().map(TriageRequest::profile);
		}
		else {
			ProfileSpace space = this.spaceOptions.space();
			out.printf("Comparing %s with %s over the %s space of %,d profiles ...%n", before.version(),
					after.version(), this.spaceOptions.narrowed() ? "narrowed" : "bounded", space.size());
			profiles = space.stream().parallel();
		}
		out.flush();
		DiffReport report = VersionDiff.compare(before, after, profiles);
		print(report, out);
		return 0;
	}

	private static PopulationReader.Population read(Path file) {
		try {
			return PopulationReader.read(file);
		}
		catch (IOException ex) {
			throw new CannotRun("Cannot read the population file " + file + ": " + ex.getMessage());
		}
	}

	static void print(DiffReport report, PrintWriter out) {
		out.printf("%,d profiles; %,d change (%,d status, %,d tier, %,d flags).%n", report.profiles(), report.changed(),
				report.statusChanged(), report.tierChanged(), report.flagsChanged());
		printMatrix(report.matrix(), out);
		if (!report.transitions().isEmpty()) {
			out.println("Outcome changes, with examples:");
		}
		report.transitions().forEach((transition, examples) -> {
			out.printf("  %s: %,d profiles%n", transition, examples.count());
			examples.examples().forEach((change) -> printChange(change, out));
		});
		if (!report.flagChanges().isEmpty()) {
			out.println("Flag changes, with examples:");
		}
		report.flagChanges().forEach((flags, examples) -> {
			out.printf("  %s: %,d profiles%n", flags, examples.count());
			examples.examples().forEach((change) -> printChange(change, out));
		});
	}

	private static void printChange(DiffReport.Change change, PrintWriter out) {
		out.println("    " + ProfileJson.of(change.profile()));
		out.println("      rules that made the difference: " + String.join(", ", change.differingRules()));
	}

	private static void printMatrix(Map<String, Map<String, Long>> matrix, PrintWriter out) {
		TreeSet<String> columns = new TreeSet<>();
		matrix.values().forEach((row) -> columns.addAll(row.keySet()));
		List<String> header = new ArrayList<>(columns);
		out.println("Transitions (rows: old outcome, columns: new outcome):");
		StringBuilder line = new StringBuilder(String.format("  %-28s", "old \\ new"));
		for (int i = 0; i < header.size(); i++) {
			line.append(String.format(" %14s", "(" + (i + 1) + ")"));
		}
		out.println(line);
		matrix.forEach((from, row) -> {
			StringBuilder cells = new StringBuilder(String.format("  %-28s", from));
			for (String to : header) {
				cells.append(String.format(" %,14d", row.getOrDefault(to, 0L)));
			}
			out.println(cells);
		});
		for (int i = 0; i < header.size(); i++) {
			out.printf("  (%d) %s%n", i + 1, header.get(i));
		}
	}

}
