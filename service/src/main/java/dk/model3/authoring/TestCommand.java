package dk.model3.authoring;

import java.io.PrintWriter;
import java.util.List;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.scenarios.ScenarioResult;
import dk.model3.rules.scenarios.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs a version's scenarios and prints every failing case. */
@Command(name = "test", description = "Run the scenarios of a rule version; print each failing case.")
public final class TestCommand extends AuthoringCommand {

	@Parameters(paramLabel = "VERSION", description = "The version folder, e.g. 2023.01.")
	String version;

	@Override
	int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err) {
		CompiledRules rules = this.rules.compile(loader, this.version, printer);
		List<ScenarioResult> results;
		try {
			results = ScenarioRunner.run(rules, ScenarioRunner.scenariosOf(rules));
		}
		catch (RuleVersionRefused ex) {
			throw new CannotRun(printer.refusal(ex), 1);
		}
		List<ScenarioResult> failed = results.stream().filter((result) -> !result.passed()).toList();
		String file = printer.path(rules.files().folder() + "/scenarios.yaml");
		for (ScenarioResult result : failed) {
			out.println(file + ":" + result.scenario().line() + ":1: FAILED: " + result.scenario().name());
			for (String difference : result.differences()) {
				out.println("    " + difference);
			}
			if (result.decision() != null) {
				out.println("    rules that decided: " + String.join(", ", result.decision().ruleIds()));
			}
		}
		out.println(rules.version() + ": " + (results.size() - failed.size()) + " of " + results.size()
				+ " scenarios passed" + (failed.isEmpty() ? "." : ", " + failed.size() + " failed."));
		return failed.isEmpty() ? 0 : 1;
	}

}
