package dk.model3.authoring;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.CheckReport;
import dk.model3.rules.check.CompletenessCheck;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.check.ProfileSpace;
import dk.model3.rules.versions.RuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The completeness proof: every profile of the bounded space gets exactly one outcome,
 * with why-not reasons that match it, and every rule fires for somebody.
 */
@Command(name = "check",
		description = "Prove over the bounded profile space that every citizen gets exactly one outcome: "
				+ "report gaps, conflicts, why-not mismatches and dead rules.")
public final class CheckCommand extends AuthoringCommand {

	@Parameters(paramLabel = "VERSION", description = "The version folder, e.g. 2023.01.")
	String version;

	@Mixin
	SpaceOptions spaceOptions;

	@Override
	int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err) {
		CompiledRules rules = this.rules.compile(loader, this.version, printer);
		ProfileSpace space = this.spaceOptions.space();
		if (this.spaceOptions.narrowed()) {
			out.printf("Checking %s over %,d profiles (a narrowed space: not the full proof) ...%n", rules.version(),
					space.size());
		}
		else {
			out.printf("Checking %s (%s) ...%n", rules.version(), rules.sharing());
		}
		out.flush();
		long started = System.nanoTime();
		CheckReport report = CompletenessCheck.run(rules, space, (message) -> {
			err.println("  " + message);
			err.flush();
		});
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		print(rules, report, printer, out);
		if (report.classes() > 0) {
			out.printf("Checked %s, %,d profiles, as %,d classes of profiles that share a decision, in %.1f s.%n",
					this.spaceOptions.narrowed() ? "the narrowed space" : "the whole input space", report.profiles(),
					report.classes(), took.toMillis() / 1000.0);
		}
		else {
			out.printf("Checked %,d profiles in %d s.%n", report.profiles(), took.toSeconds());
		}
		if (report.passed()) {
			out.println("PASSED: every profile gets exactly one outcome; no dead rules.");
			if (this.spaceOptions.narrowed()) {
				out.println(
						"Not recorded: only a check of the full space lets the service put the version in service.");
			}
			else if (CompletenessRecords.record(loader.folders(), rules, report.profiles())) {
				out.printf("Recorded in %s/%s: the service puts checksum %s in service without checking again.%n",
						loader.folders().describe(), CompletenessRecords.FILE, rules.checksum());
			}
			else {
				out.println("Not recorded: the rules packaged in the jar cannot be written.");
			}
			return 0;
		}
		out.printf("FAILED: %,d gaps, %,d conflicts, %,d why-not mismatches, %d dead rules.%n", report.gaps().count(),
				report.conflictCount(), report.whyNotViolationCount(), report.deadRules().size());
		return 1;
	}

	static void print(CompiledRules rules, CheckReport report, ProblemPrinter printer, PrintWriter out) {
		out.println("Outcomes:");
		report.outcomes()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> out.printf("  %,14d  %s%n", entry.getValue(), entry.getKey()));
		out.printf("Gaps (no outcome): %,d%n", report.gaps().count());
		for (CheckReport.Counterexample example : report.gaps().examples()) {
			out.println("  no outcome rule matched " + ProfileJson.of(example.profile()));
			out.println("    rules that fired: " + String.join(", ", example.trace().fired()));
		}
		out.printf("Conflicts (two or more outcomes): %,d%n", report.conflictCount());
		report.conflicts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			List<String> ids = List.of(entry.getKey().split(" \\+ "));
			out.printf("  %,d profiles get an outcome from each of %s:%n", entry.getValue().count(),
					String.join(" and ", ids));
			for (String id : ids.stream().distinct().toList()) {
				out.println("    " + printer.location(rules.locationOf(id)) + ": " + id);
			}
			for (CheckReport.Counterexample example : entry.getValue().examples()) {
				out.println("    for example " + ProfileJson.of(example.profile()) + " -> "
						+ example.trace()
							.outcomes()
							.stream()
							.map(CompletenessCheck::label)
							.collect(Collectors.joining(" and ")));
			}
		});
		out.printf("Why-not mismatches: %,d%n", report.whyNotViolationCount());
		report.whyNotViolations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			out.printf("  %,d profiles: %s%n", entry.getValue().count(), entry.getKey());
			for (CheckReport.Counterexample example : entry.getValue().examples()) {
				out.println("    for example " + ProfileJson.of(example.profile()) + " (rules that fired: "
						+ String.join(", ", example.trace().fired()) + ")");
			}
		});
		out.println("Dead rules (never fire in this space): " + report.deadRules().size());
		for (String id : report.deadRules()) {
			out.println("  " + printer.location(rules.locationOf(id)) + ": " + id + " never fires");
		}
	}

}
