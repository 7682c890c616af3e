package dk.model3.batch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch answers line for line what the API answers: the same bytes for the same
 * request, over real HTTP, for a sample of the committed population and the lines of the
 * bad-lines file that are good.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.rules.dir=../rules")
class BatchApiIntegrationTests {

	private static final String AUTH = "Basic " + Base64.getEncoder()
		.encodeToString("caseworker:test-caseworker-password".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersEachSampledLineWithTheApisBytes() throws Exception {
		Path out = this.dir.resolve("out.jsonl");
		BatchFixture.run(BatchFixture.options(BatchFixture.POPULATION, out));
		List<String> input = BatchFixture.lines(BatchFixture.POPULATION);
		List<String> output = BatchFixture.lines(out);
		// every 25th line: 100 requests spread over all segments of the population
		for (int i = 0; i < input.size(); i += 25) {
			HttpResponse<String> response = post(input.get(i));
			assertThat(response.statusCode()).as("line %d", i + 1).isEqualTo(200);
			assertThat(output.get(i)).as("line %d", i + 1).isEqualTo(withoutDecisionId(response.body()));
		}
	}

	@Test
	void answersTheGoodLinesOfAMixedFileWithTheApisBytes() throws Exception {
		Path input = Path.of("../fixtures/bad-lines.jsonl");
		Path out = this.dir.resolve("mixed.jsonl");
		BatchFixture.run(BatchFixture.options(input, out));
		List<String> output = BatchFixture.lines(out);
		List<String> lines = BatchFixture.lines(input);
		// lines 1, 3 and 11 are the good ones; they carry assessment dates or none
		assertThat(output.get(0)).isEqualTo(withoutDecisionId(post(lines.get(0)).body()));
		assertThat(output.get(1)).isEqualTo(withoutDecisionId(post(lines.get(2)).body()));
		assertThat(this.http.send(request(lines.get(1)), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(400);
	}

	// the API's answer is a decision and carries its id; a batch line decides nothing
	private static String withoutDecisionId(String body) {
		String stripped = body.replaceFirst(",\"decisionId\":\"[0-9a-f-]{36}\"", "");
		assertThat(stripped).hasSize(body.length() - ",\"decisionId\":\"\"".length() - 36);
		return stripped;
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(request(body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest request(String body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/triage"))
			.header("Content-Type", "application/json")
			.header("Authorization", AUTH)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

}
