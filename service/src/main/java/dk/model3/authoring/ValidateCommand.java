package dk.model3.authoring;

import java.io.PrintWriter;
import java.util.List;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.scenarios.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Compiles a version and checks its conventions: descriptor, rule metadata, unique ids,
 * cited sources, and that its scenario file can be read.
 */
@Command(name = "validate",
		description = "Compile a rule version and check its descriptor, metadata and scenario file.")
public final class ValidateCommand extends AuthoringCommand {

	@Parameters(paramLabel = "VERSION", description = "The version folder, e.g. 2023.01.")
	String version;

	@Override
	int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err) {
		CompiledRules rules = this.rules.compile(loader, this.version, printer);
		List<Scenario> scenarios = scenariosOf(rules, printer);
		out.println("Version " + rules.version() + " is valid: " + rules.rules().size() + " rules, " + scenarios.size()
				+ " scenarios, in force from " + rules.descriptor().inForceFrom() + ", checksum " + rules.checksum()
				+ ".");
		return 0;
	}

}
