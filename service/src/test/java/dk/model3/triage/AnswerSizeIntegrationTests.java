package dk.model3.triage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers the size of what a caller needs, through the real server: {@code ?explain=ids}
 * and {@code none} give the outcome as the batch's short lines do, and a client that
 * accepts gzip gets the full answer gzipped; pages are never compressed (they carry the
 * sign-in's token beside what the user typed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnswerSizeIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CITIZEN = """
			{"citizenRef": "size-1", "age": 22, "benefit": "EDUCATION_BENEFIT", "employmentPotential": "PRESENT",
			 "problems": ["SEVERE_MENTAL_ILLNESS", "SUBSTANCE_ABUSE"], "departmentsInvolved": 2}""";

	@LocalServerPort
	int port;

	@Test
	void explainIdsGivesTheOutcomeAndTheDecidingRulesOfTheFullAnswer() {
		JsonNode full = JSON.readTree(triage("", null).body());
		HttpResponse<byte[]> answer = triage("?explain=ids", null);
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode ids = JSON.readTree(answer.body());
		assertThat(names(ids)).containsExactly("decisionId", "citizenRef", "status", "tier", "responsibleArea", "flags",
				"warnings", "rulesVersion", "rulesChecksum", "ruleIds");
		assertThat(ids.path("decisionId").asString()).isNotBlank().isNotEqualTo(full.path("decisionId").asString());
		for (String field : List.of("citizenRef", "status", "tier", "responsibleArea", "flags", "warnings",
				"rulesVersion", "rulesChecksum")) {
			assertThat(ids.path(field)).as(field).isEqualTo(full.path(field));
		}
		List<String> decided = new ArrayList<>();
		full.path("explanation").forEach((rule) -> decided.add(rule.path("ruleId").asString()));
		assertThat(ids.path("ruleIds").valueStream().map(JsonNode::asString).toList()).isEqualTo(decided);
		assertThat(answer.body().length).as("bytes against the full answer's").isLessThan(full.toString().length() / 5);
	}

	@Test
	void explainNoneLeavesOutTheRuleIds() {
		JsonNode none = JSON.readTree(triage("?explain=none", null).body());
		assertThat(names(none)).containsExactly("decisionId", "citizenRef", "status", "tier", "responsibleArea",
				"flags", "warnings", "rulesVersion", "rulesChecksum");
	}

	@Test
	void anUnknownExplainIsAProblemNamingTheParameter() {
		HttpResponse<byte[]> answer = triage("?explain=everything", null);
		assertThat(answer.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("explain");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("full", "ids", "none");
	}

	@Test
	void aClientThatAcceptsGzipGetsTheFullAnswerGzipped() throws IOException {
		HttpResponse<byte[]> plain = triage("", null);
		HttpResponse<byte[]> gzipped = triage("", "gzip");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		byte[] unzipped;
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			unzipped = in.readAllBytes();
		}
		assertThat(gzipped.body().length).isLessThan(unzipped.length / 2);
		assertThat(withoutId(unzipped)).isEqualTo(withoutId(plain.body()));
	}

	@Test
	void aPageIsNeverCompressed() {
		HttpTestClient client = new HttpTestClient(this.port);
		HttpResponse<String> page = client
			.send(client.request("/login").header("Accept-Encoding", "gzip").GET().build());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
	}

	private HttpResponse<byte[]> triage(String query, String acceptEncoding) {
		HttpTestClient client = new HttpTestClient(this.port);
		HttpRequest.Builder request = client.request("/api/v1/triage" + query)
			.header("Authorization", HttpTestClient.CASEWORKER)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(CITIZEN));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return client.sendBytes(request.build());
	}

	private static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	private static JsonNode withoutId(byte[] body) {
		ObjectNode answer = (ObjectNode) JSON.readTree(new String(body, StandardCharsets.UTF_8));
		answer.remove("decisionId");
		return answer;
	}

}
