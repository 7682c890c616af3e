package dk.model3.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTests {

	@Test
	void theNamesReadFromTheAnnotationsAreTheCommandsPicocliRuns() {
		assertThat(Commands.names()).isNotEmpty();
		assertThat(Commands.commandLine().getSubcommands().keySet()).containsAll(Commands.names())
			.containsOnlyOnceElementsOf(Commands.names())
			.hasSize(Commands.names().size() + 1); // and help
	}

	@Test
	void aCommandOrHelpRunsTheCommand() {
		assertThat(Commands.isCommand("batch")).isTrue();
		assertThat(Commands.isCommand("check")).isTrue();
		assertThat(Commands.isCommand("help")).isTrue();
		assertThat(Commands.isCommand("--help")).isTrue();
	}

	@Test
	void anOptionStartsTheService() {
		assertThat(Commands.isCommand("--server.port=8081")).isFalse();
		assertThat(Commands.isCommand("--spring.config.import=configtree:/run/credentials/")).isFalse();
	}

}
