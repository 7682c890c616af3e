package dk.model3.authoring;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.ScenarioCoverage;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.scenarios.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Which rules the scenarios make fire, and how often: a rule no scenario fires is a rule
 * nobody has checked.
 */
@Command(name = "coverage", description = "Show which rules the scenarios of a version fire, and how often.")
public final class CoverageCommand extends AuthoringCommand {

	@Parameters(paramLabel = "VERSION", description = "The version folder, e.g. 2023.01.")
	String version;

	@Option(names = "--min", paramLabel = "PERCENT",
			description = "Fail (exit 1) when fewer than this percentage of the rules fire.")
	Double minimum;

	@Override
	int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err) {
		CompiledRules rules = this.rules.compile(loader, this.version, printer);
		List<Scenario> scenarios = scenariosOf(rules, printer);
		ScenarioCoverage coverage = ScenarioCoverage.of(rules, scenarios);
		Map<String, Integer> counts = coverage.counts();
		int unreadable = coverage.unreadable();
		List<String> never = coverage.neverFired();
		out.println("Rule coverage of " + rules.version() + " by its " + scenarios.size() + " scenarios:");
		for (RuleMetadata rule : rules.rules()) {
			out.printf("  %-6s %5d  %s%n", rule.id(), counts.get(rule.id()), sentence(rule));
		}
		double percent = 100.0 * (counts.size() - never.size()) / Math.max(1, counts.size());
		out.printf("%d of %d rules fired (%.1f%%).%n", counts.size() - never.size(), counts.size(), percent);
		if (unreadable > 0) {
			out.println(unreadable + " scenarios could not be read; run the test command.");
		}
		if (!never.isEmpty()) {
			out.println("Never fired:");
			for (String id : never) {
				out.println("  " + printer.location(rules.locationOf(id)) + ": " + id + " is fired by no scenario");
			}
		}
		if (this.minimum != null && percent < this.minimum) {
			out.printf("Coverage %.1f%% is below the minimum of %.1f%%.%n", percent, this.minimum);
			return 1;
		}
		return 0;
	}

	static String sentence(RuleMetadata rule) {
		return rule.name().startsWith(rule.id() + " ") ? rule.name().substring(rule.id().length() + 1) : rule.name();
	}

}
