package dk.model3.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version folder dropped into the watched rules folder is the other way in: one whose
 * rule name or file name would become code is refused with the problem at its file, and
 * nothing of it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "triage.rules.watch=true", "triage.rules.watch-quiet=200ms", "triage.rules.completeness=quick" })
class RuleInjectionWatcherIntegrationTests {

	static final Path RULES = RuleCopies.copy(temporaryFolder());

	/** The payloads set this property (a number: no quote needed to write it). */
	static final int PWNED = 73_030;

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("triage.rules.dir", RULES::toString);
	}

	@LocalServerPort
	int port;

	@AfterEach
	void noPayloadRan() {
		assertThat(System.getProperty(String.valueOf(PWNED))).as("a payload ran in the service").isNull();
	}

	@Test
	void refusesAVersionWhoseRuleNameWouldEndItsComment() throws Exception {
		Path staging = staged("2097.01", "2097-01-01");
		RuleCopies.edit(staging.resolve("tiers.drl"), "rule \"T0-01 Children under 15 are outside the model\"",
				"rule \"T0-01 x */ static { System.setProperty(String.valueOf(" + PWNED
						+ "), String.valueOf(1)); } /*\"");
		Files.move(staging, RULES.resolve("2097.01"));

		JsonNode version = refused(new Http(this.port), "2097.01");
		JsonNode problem = version.path("refusal").path("problems").get(0);
		assertThat(problem.path("location").asString()).matches("2097\\.01/tiers\\.drl:\\d+:\\d+");
		assertThat(problem.path("message").asString()).startsWith("Regelnavnet må ikke indeholde \"*/\"");
	}

	@Test
	void refusesAVersionWithAFileWhoseNameWouldEndAString() throws Exception {
		Path staging = staged("2097.02", "2097-02-01");
		String name = "x\", ((java.util.function.Supplier<String>) () -> System.setProperty(String.valueOf(" + PWNED
				+ "), String.valueOf(1))).get(), \"y.drl";
		Files.move(staging.resolve("flags.drl"), staging.resolve(name));
		Files.move(staging, RULES.resolve("2097.02"));

		JsonNode version = refused(new Http(this.port), "2097.02");
		assertThat(version.path("refusal").path("problems").toString()).contains("filnavnet er ikke tilladt");
	}

	private static Path staged(String id, String inForceFrom) throws IOException {
		Path staging = Files.createTempDirectory("staging").resolve(id);
		RuleReloadIntegrationTests.copyFolder(RULES.resolve("2023.01"), staging);
		RuleCopies.edit(staging.resolve("version.yaml"), "id: \"2023.01\"", "id: \"" + id + "\"");
		RuleCopies.edit(staging.resolve("version.yaml"), "inForceFrom: 2023-01-01", "inForceFrom: " + inForceFrom);
		return staging;
	}

	private static JsonNode refused(Http http, String id) throws InterruptedException {
		JsonNode found = null;
		long deadline = System.nanoTime() + 90_000_000_000L;
		while (System.nanoTime() < deadline) {
			for (JsonNode entry : Http.json(http.get("/api/v1/rules", Http.POLICY)).path("versions")) {
				if (entry.path("version").asString().equals(id)) {
					found = entry;
				}
			}
			if (found != null && !found.path("refusal").isMissingNode() && !found.path("refusal").isNull()) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(found).as("version %s listed", id).isNotNull();
		assertThat(found.path("state").asString()).as(found.toString()).isEqualTo("REFUSED");
		return found;
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("watch-injection-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
