package dk.model3.openapi;

import java.util.ArrayList;
import java.util.List;

import dk.model3.HttpTestClient;
import dk.model3.request.RequestReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The served spec against the field names and values of the contract. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class OpenApiIntegrationTests {

	// the contract's tables, as published to the calling systems
	private static final List<String> CONTRACT_REQUEST = List.of("citizenRef", "age", "assessmentDate", "rulesVersion",
			"benefit", "employmentPotential", "problems", "brainInjuryCoordination", "measuresSentence",
			"placedOutOfHome", "serviceActMeasures", "departmentsInvolved");

	private static final List<String> CONTRACT_REQUIRED = List.of("citizenRef", "age", "benefit");

	private static final List<String> CONTRACT_RESPONSE = List.of("citizenRef", "status", "tier", "responsibleArea",
			"flags", "rulesVersion", "rulesChecksum", "explanation", "whyNot", "missingFacts", "nextStep", "warnings");

	private static final List<String> BENEFITS = List.of("CASH_BENEFIT", "EDUCATION_BENEFIT", "SICKNESS_BENEFIT",
			"RESOURCE_COURSE_BENEFIT", "JOB_CLARIFICATION_BENEFIT", "FLEXJOB_UNEMPLOYMENT_BENEFIT",
			"UNEMPLOYMENT_INSURANCE", "INTEGRATION_BENEFIT", "DISABILITY_PENSION", "OLD_AGE_PENSION", "NONE");

	private static final List<String> POTENTIALS = List.of("PRESENT", "VERY_LIMITED", "NONE", "UNKNOWN");

	private static final List<String> PROBLEMS = List.of("SEVERE_MENTAL_ILLNESS", "EXTENSIVE_PHYSICAL_DISABILITY",
			"SERIOUS_FAMILY_PROBLEMS", "HOMELESSNESS", "SEVERE_SUBSTANCE_ABUSE", "MENTAL_HEALTH_PROBLEMS",
			"PHYSICAL_HEALTH_PROBLEMS", "SUBSTANCE_ABUSE", "SOCIAL_PROBLEMS", "ANXIETY", "LOW_COGNITIVE_ABILITY",
			"AUTISM", "ADHD", "DEVELOPMENTAL_DISABILITY");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	HttpTestClient http;

	JsonNode spec;

	@BeforeEach
	void fetchSpec() {
		this.http = new HttpTestClient(this.port);
		var response = this.http.get("/v3/api-docs", HttpTestClient.CASEWORKER);
		assertThat(response.statusCode()).isEqualTo(200);
		this.spec = JSON.readTree(response.body());
	}

	@Test
	void describesTheRequestWithTheContractsFields() {
		JsonNode request = schema("#/components/schemas/TriageRequest");
		assertThat(names(request.path("properties"))).containsExactlyElementsOf(CONTRACT_REQUEST)
			.containsExactlyElementsOf(RequestReader.FIELDS);
		assertThat(texts(request.path("required"))).containsExactlyInAnyOrderElementsOf(CONTRACT_REQUIRED);
		assertThat(request.path("additionalProperties").asBoolean(true)).isFalse();
		JsonNode properties = request.path("properties");
		assertThat(texts(properties.path("benefit").path("enum"))).containsExactlyElementsOf(BENEFITS);
		assertThat(texts(properties.path("employmentPotential").path("enum"))).containsExactlyElementsOf(POTENTIALS);
		assertThat(texts(properties.path("problems").path("items").path("enum"))).containsExactlyElementsOf(PROBLEMS);
		assertThat(properties.path("age").path("maximum").asInt()).isEqualTo(125);
		assertThat(properties.path("departmentsInvolved").path("maximum").asInt()).isEqualTo(20);
	}

	@Test
	void describesTheResponseWithTheContractsFields() {
		JsonNode response = schema(triage().path("responses")
			.path("200")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString());
		assertThat(names(response.path("properties"))).containsAll(CONTRACT_RESPONSE);
		assertThat(texts(response.path("properties").path("status").path("enum"))).containsExactly("PLACED",
				"OUT_OF_SCOPE", "MANUAL_REVIEW");
	}

	@Test
	void givesAnExamplePerOutcomeThatTheServiceAnswersTheSameWay() {
		JsonNode requests = triage().path("requestBody").path("content").path("application/json").path("examples");
		JsonNode responses = triage().path("responses")
			.path("200")
			.path("content")
			.path("application/json")
			.path("examples");
		List<String> statuses = new ArrayList<>();
		for (String name : names(responses)) {
			JsonNode expected = responses.path(name).path("value");
			statuses.add(expected.path("status").asString());
			var answer = this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER,
					requests.path(name).path("value").toString());
			assertThat(answer.statusCode()).isEqualTo(200);
			JsonNode actual = JSON.readTree(answer.body());
			assertThat(actual.path("status")).isEqualTo(expected.path("status"));
			assertThat(actual.path("tier")).isEqualTo(expected.path("tier"));
			assertThat(names(expected)).containsAll(CONTRACT_RESPONSE);
		}
		assertThat(statuses).containsExactlyInAnyOrder("PLACED", "OUT_OF_SCOPE", "MANUAL_REVIEW");
	}

	@Test
	void describesProblemsAndCredentials() {
		JsonNode responses = triage().path("responses");
		for (String status : List.of("400", "401", "403", "404", "413", "415", "422")) {
			assertThat(responses.path(status).path("content").has("application/problem+json")).as(status).isTrue();
		}
		assertThat(this.spec.path("components").path("securitySchemes").path("credentials").path("scheme").asString())
			.isEqualTo("basic");
	}

	@Test
	void givesEveryOperationASummaryAndItsProblemResponses() throws Exception {
		// the document Redocly lints: npx @redocly/cli lint service/target/openapi.json
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), this.spec.toPrettyString());
		List<String> operations = new ArrayList<>();
		for (var path : this.spec.path("paths").properties()) {
			assertThat(path.getKey()).startsWith("/api/");
			for (var operation : path.getValue().properties()) {
				operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
				assertThat(operation.getValue().path("summary").asString()).as(path.getKey()).isNotBlank();
				JsonNode responses = operation.getValue().path("responses");
				for (String status : List.of("401", "403")) {
					assertThat(responses.path(status).path("content").has("application/problem+json"))
						.as(operation.getKey() + " " + path.getKey() + " " + status)
						.isTrue();
				}
			}
		}
		assertThat(operations).contains("GET /api/v1/decisions/{decisionId}/justification",
				"GET /api/v1/review-reasons", "POST /api/v1/decisions/{decisionId}/review",
				"GET /api/v1/reviews/summary");
	}

	@Test
	void describesTheDecisionCallsByTheContract() {
		JsonNode review = this.spec.path("paths").path("/api/v1/decisions/{decisionId}/review").path("post");
		assertThat(names(review.path("responses"))).contains("201", "400", "404", "409");
		JsonNode body = schema(review.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString());
		assertThat(names(body.path("properties"))).containsExactly("result", "status", "tier", "responsibleArea",
				"reason");
		assertThat(texts(body.path("properties").path("result").path("enum"))).containsExactly("ACCEPTED",
				"OVERRIDDEN");
		assertThat(texts(body.path("properties").path("reason").path("enum"))).containsExactlyElementsOf(
				java.util.Arrays.stream(dk.model3.decisions.ReviewReason.values()).map(Enum::name).toList());
		JsonNode justification = this.spec.path("paths")
			.path("/api/v1/decisions/{decisionId}/justification")
			.path("get");
		assertThat(names(justification.path("responses").path("200").path("content")))
			.containsExactly("text/plain;charset=utf-8");
		assertThat(names(justification.path("responses"))).contains("404");
	}

	@Test
	void describesTheDecisionIdAndTheSourcesTitles() {
		assertThat(names(schema("#/components/schemas/TriageResponse").path("properties"))).contains("decisionId");
		assertThat(names(schema("#/components/schemas/SourceRef").path("properties"))).containsExactly("document",
				"section", "title", "issuer", "date", "statute");
		assertThat(schema("#/components/schemas/SourceRef").path("properties")
			.path("statute")
			.path("description")
			.asString()).contains("present only where a source names one");
	}

	@Test
	void marksTierAsNullableAsTheContractSays() {
		JsonNode response = schema("#/components/schemas/TriageResponse");
		assertThat(texts(response.path("properties").path("tier").path("type"))).containsExactly("string", "null");
		assertThat(response.path("properties").path("tier").path("enum").get(3).isNull()).isTrue();
	}

	@Test
	void servesTheInteractivePage() {
		var page = this.http.get("/swagger-ui/index.html", HttpTestClient.CASEWORKER);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("swagger");
		assertThat(this.http.get("/swagger-ui.html", null).statusCode()).isEqualTo(401);
	}

	private JsonNode triage() {
		return this.spec.path("paths").path("/api/v1/triage").path("post");
	}

	private JsonNode schema(String ref) {
		assertThat(ref).startsWith("#/components/schemas/");
		return this.spec.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static List<String> texts(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
