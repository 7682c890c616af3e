package dk.model3.authoring;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.scenarios.Scenario;
import dk.model3.rules.scenarios.ScenarioRunner;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every authoring command shares: the rules folder option, printing, and turning a
 * {@link CannotRun} into its message and exit code instead of a stack trace.
 */
abstract class AuthoringCommand implements Callable<Integer> {

	@Mixin
	RulesDirOption rules;

	@Spec
	CommandSpec spec;

	@Override
	public final Integer call() {
		quietEngineLogs();
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try {
			RuleLoader loader = this.rules.loader();
			return run(loader, new ProblemPrinter(loader.folders()), out, err);
		}
		catch (CannotRun ex) {
			(ex.exitCode() == 1 ? out : err).println(ex.getMessage());
			return ex.exitCode();
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	// outside Spring nobody configures logging, and the engine's INFO lines would bury
	// the report a policy editor reads
	private static void quietEngineLogs() {
		for (String name : new String[] { "org.drools", "org.kie" }) {
			if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
				logger.setLevel(ch.qos.logback.classic.Level.WARN);
			}
		}
	}

	abstract int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err);

	/**
	 * The version's scenarios, or a refusal naming the line of the scenario file at
	 * fault.
	 */
	static List<Scenario> scenariosOf(CompiledRules rules, ProblemPrinter printer) {
		try {
			return ScenarioRunner.scenariosOf(rules);
		}
		catch (RuleVersionRefused ex) {
			throw new CannotRun(printer.refusal(ex), 1);
		}
	}

}
