package dk.model3.security;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class SecurityIntegrationTests {

	private static final String TRIAGE_BODY = """
			{"citizenRef":"sec-1","age":34,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"]}""";

	private static final String WRONG_PASSWORD = HttpTestClient.basic("caseworker", "not-the-password");

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	/**
	 * Every endpoint: method, path, the role that may not use it (null: none), one that
	 * may.
	 */
	static Stream<Arguments> endpoints() {
		return Stream.of(Arguments.of("POST", "/api/v1/triage", null, HttpTestClient.CASEWORKER),
				Arguments.of("POST", "/api/v1/triage", null, HttpTestClient.POLICY),
				Arguments.of("GET", "/api/v1/ping", null, HttpTestClient.CASEWORKER),
				Arguments.of("GET", "/api/v1/rules", null, HttpTestClient.CASEWORKER),
				Arguments.of("GET", "/rules/2021.03", null, HttpTestClient.CASEWORKER),
				Arguments.of("POST", "/api/v1/admin/reload", HttpTestClient.CASEWORKER, HttpTestClient.POLICY),
				Arguments.of("GET", "/api/v1/admin/versions", HttpTestClient.CASEWORKER, HttpTestClient.POLICY),
				Arguments.of("GET", "/actuator/prometheus", HttpTestClient.CASEWORKER, HttpTestClient.POLICY),
				Arguments.of("GET", "/actuator/info", HttpTestClient.CASEWORKER, HttpTestClient.POLICY),
				Arguments.of("GET", "/v3/api-docs", null, HttpTestClient.CASEWORKER),
				Arguments.of("GET", "/swagger-ui/index.html", null, HttpTestClient.CASEWORKER),
				Arguments.of("GET", "/anything/else", null, HttpTestClient.CASEWORKER));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void refusesCallersWithoutCredentialsAsProblem(String method, String path, String wrongRole, String rightRole) {
		for (String authorization : new String[] { null, WRONG_PASSWORD }) {
			HttpResponse<String> response = call(method, path, authorization);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			// never a Basic challenge: a browser would ask for a password and then send
			// it
			// with every request, other sites' forms included
			assertThat(response.headers().allValues("WWW-Authenticate"))
				.containsExactly(SecurityProblems.PREEMPTIVE_BASIC);
			assertThat(response.body()).contains("\"status\":401").contains("urn:model3:problem:unauthorized");
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void refusesTheWrongRoleAsProblem(String method, String path, String wrongRole, String rightRole) {
		if (wrongRole == null) {
			return;
		}
		HttpResponse<String> response = call(method, path, wrongRole);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":403").contains("urn:model3:problem:forbidden");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void letsTheRightRoleThrough(String method, String path, String wrongRole, String rightRole) {
		HttpResponse<String> response = call(method, path, rightRole);
		// endpoints built elsewhere may not exist in this build: 404/405 still proves
		// access
		assertThat(response.statusCode()).isNotIn(401, 403).isLessThan(500);
	}

	@Test
	void answersTriageAndPingForTheRightRole() {
		assertThat(call("POST", "/api/v1/triage", HttpTestClient.CASEWORKER).statusCode()).isEqualTo(200);
		assertThat(call("POST", "/api/v1/triage", HttpTestClient.POLICY).statusCode()).isEqualTo(200);
		HttpResponse<String> ping = call("GET", "/api/v1/ping", HttpTestClient.POLICY);
		assertThat(ping.statusCode()).isEqualTo(200);
		assertThat(ping.body()).contains("\"user\":\"policy\"");
		assertThat(call("GET", "/actuator/prometheus", HttpTestClient.POLICY).statusCode()).isEqualTo(200);
	}

	@Test
	void leavesHealthOpen() {
		assertThat(call("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void keepsNoSession() {
		HttpResponse<String> response = call("POST", "/api/v1/triage", HttpTestClient.CASEWORKER);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	private HttpResponse<String> call(String method, String path, String authorization) {
		return "POST".equals(method) ? this.http.post(path, authorization, TRIAGE_BODY)
				: this.http.get(path, authorization);
	}

}
