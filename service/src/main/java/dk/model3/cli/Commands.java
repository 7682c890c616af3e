package dk.model3.cli;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands the jar runs instead of the service when its first argument names one.
 * Exit codes: 0 success, 1 the check failed (a test, a gap, a threshold), 2 bad usage or
 * unreadable input.
 */
@Command(name = "triage-service.jar", mixinStandardHelpOptions = true,
		description = "Model 3 triage: run without a command to start the service.",
		subcommands = { dk.model3.batch.BatchCommand.class, dk.model3.batch.BatchBenchmarkCommand.class,
				dk.model3.population.GeneratePopulationCommand.class, dk.model3.audit.ReplayCommand.class,
				dk.model3.audit.ExportCommand.class, dk.model3.decisions.ReviewsCommand.class,
				dk.model3.authoring.ValidateCommand.class, dk.model3.authoring.TestCommand.class,
				dk.model3.authoring.CoverageCommand.class, dk.model3.authoring.CheckCommand.class,
				dk.model3.authoring.DiffCommand.class, dk.model3.authoring.CatalogueCommand.class })
public final class Commands {

	private Commands() {
	}

	/**
	 * Whether the jar runs a command rather than the service. Read from the annotations:
	 * building picocli's model of every command (their options, by reflection) took a
	 * tenth of the service's start when it was started with an option such as
	 * {@code --server.port}.
	 */
	public static boolean isCommand(String firstArgument) {
		return names().contains(firstArgument) || Set.of("--help", "-h", "help").contains(firstArgument);
	}

	static Set<String> names() {
		return Arrays.stream(Commands.class.getAnnotation(Command.class).subcommands())
			.map((command) -> command.getAnnotation(Command.class).name())
			.collect(Collectors.toUnmodifiableSet());
	}

	public static int run(String... args) {
		return commandLine().execute(args);
	}

	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new Commands());
		commandLine.addSubcommand("help", new CommandLine.HelpCommand());
		return commandLine;
	}

}
