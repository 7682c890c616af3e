package dk.model3.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dk.model3.HttpTestClient;
import dk.model3.authoring.RuleCopies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One whole instance following a shared repository (a local path) on a short poll
 * interval: it starts on the published versions, reports its id and their checksums at
 * GET /api/v1/rules, is ready, puts a newly published version in service by itself, and
 * refuses a broken one visibly while it keeps answering. The instance id is on its stored
 * decisions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "triage.instance-id=replica-a", "triage.versions.poll-interval=200ms" })
class ReplicasIntegrationTests {

	private static final Path ROOT = temporaryFolder();

	private static final SharedRepositoryFixture SHARED = shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// long enough for a poll and a compile on a busy two-core machine; a bound, not a
	// measurement
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String REQUEST = """
			{"citizenRef":"replica-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"],"assessmentDate":"2025-06-01"}""";

	@DynamicPropertySource
	static void following(DynamicPropertyRegistry registry) {
		registry.add("triage.versions.remote", SHARED.remote::toString);
		registry.add("triage.rules.dir", () -> ROOT.resolve("instance/rules").toString());
		registry.add("triage.data-dir", () -> ROOT.resolve("instance/data").toString());
	}

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	dk.model3.audit.DecisionRecords records;

	@AfterAll
	static void close() {
		SHARED.close();
	}

	@Test
	void followsTheSharedRepositoryAndRefusesABrokenPublicationWhileItKeepsAnswering() throws Exception {
		HttpTestClient http = new HttpTestClient(this.port);
		JsonNode rules = json(http.get("/api/v1/rules", HttpTestClient.CASEWORKER));
		assertThat(rules.path("instance").asString()).isEqualTo("replica-a");
		assertThat(checksum(rules, "2021.03")).isEqualTo(SHARED.checksumOf("2021.03"));
		assertThat(checksum(rules, "2023.01")).isEqualTo(SHARED.checksumOf("2023.01"));
		assertThat(http.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

		SHARED.copy("2023.01", "2025.01", "2025-01-01");
		String published = SHARED.publish("2025.01");
		JsonNode converged = await(http, HttpTestClient.CASEWORKER,
				(list) -> published.equals(checksum(list, "2025.01")));
		assertThat(converged.path("inForceToday").asString()).isEqualTo("2025.01");
		JsonNode answer = json(http.post("/api/v1/triage", HttpTestClient.CASEWORKER, REQUEST));
		assertThat(answer.path("rulesVersion").asString()).isEqualTo("2025.01");
		assertThat(answer.path("rulesChecksum").asString()).isEqualTo(published);
		// the instance id is on the stored decision
		assertThat(this.records.decision(answer.path("decisionId").asString()))
			.hasValueSatisfying((decision) -> assertThat(decision.instance()).isEqualTo("replica-a"));

		Path broken = SHARED.copy("2023.01", "2025.02", "2025-02-01");
		RuleCopies.edit(broken.resolve("tiers.drl"), "rule \"T2-01",
				"rule \"T2-01 broken\" when then end\nrule \"T2-01");
		SHARED.publish("2025.02");
		JsonNode refused = await(http, HttpTestClient.POLICY, (list) -> version(list, "2025.02") != null);
		JsonNode view = version(refused, "2025.02");
		assertThat(view.path("state").asString()).isEqualTo("REFUSED");
		assertThat(view.path("refusal").path("problems").get(0).path("location").asString())
			.matches("2025\\.02/tiers\\.drl:\\d+:\\d+");
		assertThat(ROOT.resolve("instance/rules/2025.02")).doesNotExist();
		assertThat(http.post("/api/v1/triage", HttpTestClient.CASEWORKER, REQUEST).statusCode()).isEqualTo(200);
		assertThat(json(http.get("/api/v1/rules", HttpTestClient.CASEWORKER)).path("versions").toString())
			.doesNotContain("2025.02");
	}

	private static JsonNode await(HttpTestClient http, String user, Predicate<JsonNode> done) throws Exception {
		Instant until = Instant.now().plus(PATIENCE);
		JsonNode list = json(http.get("/api/v1/rules", user));
		while (!done.test(list)) {
			assertThat(Instant.now()).as("GET /api/v1/rules within %s: %s", PATIENCE, list).isBefore(until);
			Thread.sleep(100);
			list = json(http.get("/api/v1/rules", user));
		}
		return list;
	}

	private static JsonNode version(JsonNode list, String version) {
		for (JsonNode entry : list.path("versions")) {
			if (version.equals(entry.path("version").asString())) {
				return entry;
			}
		}
		return null;
	}

	private static String checksum(JsonNode list, String version) {
		JsonNode entry = version(list, version);
		return (entry != null) ? entry.path("checksum").asString() : null;
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("replicas-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SharedRepositoryFixture shared() {
		try {
			return SharedRepositoryFixture.withTheShippedVersions(ROOT.resolve("shared"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
