package dk.model3;

import dk.model3.cli.Commands;
import dk.model3.rules.RuleFolders;
import dk.model3.rules.RuleLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The triage service: {@code java -jar triage-service.jar} starts it; with a command as
 * first argument ({@code validate}, {@code batch} …) the jar runs that command instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

	public static void main(String[] args) {
		if (args.length > 0 && Commands.isCommand(args[0])) {
			System.exit(Commands.run(args));
		}
		// the packaged rule versions compile on another core while Spring starts; the
		// rules
		// configuration takes them if it serves the same files (RulesStartEarlyTests)
		RuleLoader.startEarly(RuleFolders.packaged());
		SpringApplication.run(TriageApplication.class, args);
	}

}
