package dk.model3.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class MetricsIntegrationTests {

	private static final String CROSS_SECTOR = """
			{"citizenRef":"m-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"],"rulesVersion":"2023.01","assessmentDate":"2024-03-01"}""";

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void countsDecisionsFlagsAndRuleFiringsAndTimesEvaluation() {
		String before = scrape();
		assertThat(this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, CROSS_SECTOR).statusCode())
			.isEqualTo(200);
		String after = scrape();
		assertThat(delta(before, after,
				"triage_decisions_total{status=\"PLACED\",tier=\"CROSS_SECTOR\",version=\"2023.01\"}"))
			.isEqualTo(1.0);
		assertThat(delta(before, after, "triage_flags_total{flag=\"JOINT_PLAN_OFFER\",version=\"2023.01\"}"))
			.isEqualTo(1.0);
		assertThat(delta(before, after, "triage_rule_firings_total{rule=\"T2-01\",version=\"2023.01\"}"))
			.isEqualTo(1.0);
		assertThat(delta(before, after, "triage_evaluation_seconds_count{version=\"2023.01\"}")).isEqualTo(1.0);
		assertThat(after).contains("triage_evaluation_seconds_bucket{version=\"2023.01\"");
		// the wait for the decision's row to be committed, before the answer
		assertThat(delta(before, after, "triage_records_commit_seconds_count{database=\"embedded\"}")).isEqualTo(1.0);
		assertThat(after).contains("triage_records_commit_seconds_bucket{database=\"embedded\",le=");
	}

	@Test
	void countsReviewsByVersionDecidingRuleAndResult() {
		String before = scrape();
		String override = """
				{"result":"OVERRIDDEN","status":"PLACED","tier":"EMPLOYMENT_ONLY","responsibleArea":"EMPLOYMENT",
				 "reason":"RULE_DOES_NOT_FIT"}""";
		for (String review : new String[] { "{\"result\":\"ACCEPTED\"}", override }) {
			var answer = this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, CROSS_SECTOR);
			String id = JsonMapper.builder().build().readTree(answer.body()).path("decisionId").asString();
			assertThat(this.http.post("/api/v1/decisions/" + id + "/review", HttpTestClient.CASEWORKER, review)
				.statusCode()).isEqualTo(201);
		}
		String after = scrape();
		assertThat(delta(before, after, "triage_reviews_total{result=\"ACCEPTED\",rule=\"T2-01\",version=\"2023.01\"}"))
			.isEqualTo(1.0);
		assertThat(
				delta(before, after, "triage_reviews_total{result=\"OVERRIDDEN\",rule=\"T2-01\",version=\"2023.01\"}"))
			.isEqualTo(1.0);
	}

	@Test
	void countsRefusedRequestsByReason() {
		String before = scrape();
		this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, "{\"age\":\"x\"}");
		this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER,
				CROSS_SECTOR.replace("2023.01\",\"assess", "1999.01\",\"assess"));
		this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, CROSS_SECTOR.replace(
				"\"rulesVersion\":\"2023.01\",\"assessmentDate\":\"2024-03-01\"", "\"assessmentDate\":\"1990-01-01\""));
		this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, "{\"citizenRef\":\"" + "x".repeat(70000) + "\"}");
		this.http.send(this.http.request("/api/v1/triage")
			.header("Authorization", HttpTestClient.CASEWORKER)
			.header("Content-Type", "text/plain")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))
			.build());
		this.http.post("/api/v1/triage", null, CROSS_SECTOR);
		this.http.get("/actuator/prometheus", HttpTestClient.CASEWORKER);
		String after = scrape();
		for (String reason : new String[] { "invalid-request", "unknown-version", "no-version-in-force",
				"payload-too-large", "unsupported-media-type", "unauthorized", "forbidden" }) {
			assertThat(delta(before, after, "triage_requests_rejected_total{reason=\"" + reason + "\"}")).as(reason)
				.isEqualTo(1.0);
		}
	}

	private String scrape() {
		var response = this.http.get("/actuator/prometheus", HttpTestClient.POLICY);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static double delta(String before, String after, String series) {
		return value(after, series) - value(before, series);
	}

	private static double value(String scrape, String series) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
	}

}
