package dk.model3.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
@ExtendWith(OutputCaptureExtension.class)
class DecisionLogIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> PROFILE_FIELDS = Set.of("age", "benefit", "employmentPotential", "problems",
			"brainInjuryCoordination", "measuresSentence", "placedOutOfHome", "serviceActMeasures",
			"departmentsInvolved");

	@LocalServerPort
	int port;

	@Value("${triage.audit.dir}")
	Path directory;

	@Value("${triage.audit.key}")
	String key;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void logsEachDecisionWithTheFactsItUsedAndAKeyedHash(CapturedOutput output) throws Exception {
		String ref = "audit-" + System.nanoTime();
		var response = this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, """
				{"citizenRef":"%s","age":16,"benefit":"EDUCATION_BENEFIT","assessmentDate":"2024-03-01",
				 "problems":["AUTISM"],"departmentsInvolved":3,"measuresSentence":false}""".formatted(ref));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());

		JsonNode logged = linesFor(new CitizenRefHasher(this.key).hash(ref)).get(0);
		assertThat(logged.path("decisionId").asString()).hasSize(36).isEqualTo(answer.path("decisionId").asString());
		assertThat(logged.path("time").asString()).isNotBlank();
		assertThat(logged.path("rulesVersion").asString()).isEqualTo(answer.path("rulesVersion").asString());
		assertThat(logged.path("rulesChecksum").asString()).isEqualTo(answer.path("rulesChecksum").asString());
		assertThat(logged.path("outcome").path("status").asString()).isEqualTo(answer.path("status").asString());
		assertThat(logged.path("outcome").path("tier")).isEqualTo(answer.path("tier"));
		assertThat(logged.path("outcome").path("flags")).isEqualTo(answer.path("flags"));
		List<String> ruleIds = answer.path("explanation")
			.valueStream()
			.map((rule) -> rule.path("ruleId").asString())
			.toList();
		assertThat(logged.path("ruleIds").valueStream().map(JsonNode::asString).toList()).isEqualTo(ruleIds);
		// the facts the explanation shows are logged with the same values; nothing but
		// profile fields
		for (JsonNode rule : answer.path("explanation")) {
			for (var fact : rule.path("facts").properties()) {
				if (PROFILE_FIELDS.contains(fact.getKey())) {
					assertThat(logged.path("facts").path(fact.getKey())).isEqualTo(fact.getValue());
				}
			}
		}
		assertThat(logged.path("facts").propertyNames()).isSubsetOf(PROFILE_FIELDS);
		assertThat(logged.toString()).doesNotContain(ref);
		// the service's own log names the decision by its id, never the case reference
		// (that would undo the keyed hash) nor the profile
		assertThat(output.getAll()).contains("decisionId=" + answer.path("decisionId").asString())
			.doesNotContain(ref)
			.doesNotContain("AUTISM")
			.doesNotContain("EDUCATION_BENEFIT");
	}

	@Test
	void logsEveryAnsweredDecisionBeforeItIsAnswered() throws Exception {
		String prefix = "count-" + System.nanoTime() + "-";
		CitizenRefHasher hasher = new CitizenRefHasher(this.key);
		List<String> refs = IntStream.range(0, 40).mapToObj((i) -> prefix + i).toList();
		refs.parallelStream()
			.forEach((ref) -> assertThat(this.http
				.post("/api/v1/triage", HttpTestClient.CASEWORKER,
						"{\"citizenRef\":\"" + ref + "\",\"age\":40,\"benefit\":\"CASH_BENEFIT\"}")
				.statusCode()).isEqualTo(200));
		for (String ref : refs) {
			assertThat(linesFor(hasher.hash(ref))).hasSize(1);
		}
	}

	@Test
	void logsNothingForRefusedRequests() throws Exception {
		String ref = "refused-" + System.nanoTime();
		assertThat(this.http
			.post("/api/v1/triage", HttpTestClient.CASEWORKER, "{\"citizenRef\":\"" + ref + "\",\"age\":400}")
			.statusCode()).isEqualTo(400);
		assertThat(this.http.post("/api/v1/triage", null, "{\"citizenRef\":\"" + ref + "\",\"age\":40}").statusCode())
			.isEqualTo(401);
		assertThat(linesFor(new CitizenRefHasher(this.key).hash(ref))).isEmpty();
	}

	private List<JsonNode> linesFor(String hash) throws Exception {
		Path file = DailyFileAppender.file(this.directory, LocalDate.now(ZoneId.of("Europe/Copenhagen")));
		return Files.readAllLines(file)
			.stream()
			.map(JSON::readTree)
			.filter((line) -> hash.equals(line.path("citizenRefHmac").asString()))
			.toList();
	}

}
