package dk.model3.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folder watcher picks up a new version folder without anyone calling the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "triage.rules.watch=true", "triage.rules.watch-quiet=200ms", "triage.rules.completeness=quick" })
class RulesWatcherIntegrationTests {

	static final Path RULES = RuleCopies.copy(temporaryFolder());

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("triage.rules.dir", RULES::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void picksUpANewVersionFolderWithoutARestart() throws Exception {
		Http http = new Http(this.port);
		Path staging = Files.createTempDirectory("staging").resolve("2098.01");
		RuleReloadIntegrationTests.copyFolder(RULES.resolve("2023.01"), staging);
		RuleCopies.edit(staging.resolve("version.yaml"), "id: \"2023.01\"", "id: \"2098.01\"");
		RuleCopies.edit(staging.resolve("version.yaml"), "inForceFrom: 2023-01-01", "inForceFrom: 2098-01-01");

		// moved in whole, as an editor's copy lands
		Files.move(staging, RULES.resolve("2098.01"));

		String state = null;
		long deadline = System.nanoTime() + 90_000_000_000L;
		while (!"ACTIVE".equals(state) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			for (JsonNode entry : Http.json(http.get("/api/v1/rules", Http.POLICY)).path("versions")) {
				if (entry.path("version").asString().equals("2098.01")) {
					state = entry.path("state").asString();
				}
			}
		}
		assertThat(state).isEqualTo("ACTIVE");
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("watch-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
