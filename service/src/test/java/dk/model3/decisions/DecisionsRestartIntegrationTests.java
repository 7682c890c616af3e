package dk.model3.decisions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

import dk.model3.HttpTestClient;
import dk.model3.TriageApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out of the box: with nothing but a data directory (the default is {@code data} beside
 * the service), decisions, justifications and reviews work, and survive a restart.
 */
class DecisionsRestartIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void justifiesAndRemembersReviewsAcrossARestart() throws Exception {
		Path data = this.directory.resolve("data");
		String[] decision = new String[2];
		run(data, (http) -> {
			var answer = http.post("/api/v1/triage", HttpTestClient.CASEWORKER,
					"""
							{"citizenRef":"restart-1","age":30,"benefit":"CASH_BENEFIT","problems":["SEVERE_SUBSTANCE_ABUSE"]}""");
			assertThat(answer.statusCode()).isEqualTo(200);
			decision[0] = JsonMapper.builder().build().readTree(answer.body()).path("decisionId").asString();
			decision[1] = justification(http, decision[0]);
			return null;
		});
		// the generated key and the log are the service user's only
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("decision-log.key"))))
			.isEqualTo("rw-------");

		run(data, (http) -> {
			assertThat(justification(http, decision[0])).isEqualTo(decision[1])
				.contains("Sagen kræver en manuel vurdering",
						"Oplysninger, der mangler for at afgøre sagen: beskæftigelsespotentiale.");
			assertThat(review(http, decision[0])).isEqualTo(201);
			return null;
		});
		run(data, (http) -> {
			assertThat(review(http, decision[0])).isEqualTo(409);
			return null;
		});
	}

	private static String justification(HttpTestClient http, String decisionId) {
		var response = http.get("/api/v1/decisions/" + decisionId + "/justification", HttpTestClient.CASEWORKER);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int review(HttpTestClient http, String decisionId) {
		return http
			.post("/api/v1/decisions/" + decisionId + "/review", HttpTestClient.CASEWORKER, "{\"result\":\"ACCEPTED\"}")
			.statusCode();
	}

	private static void run(Path data, Function<HttpTestClient, Void> calls) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TriageApplication.class)
			.run("--server.port=0", "--triage.data-dir=" + data, "--triage.rules.watch=false")) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			calls.apply(new HttpTestClient(port));
		}
	}

}
