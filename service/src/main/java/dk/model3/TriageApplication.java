package dk.model3;

import dk.model3.cli.Commands;

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
		SpringApplication.run(TriageApplication.class, args);
	}

}
