package dk.model3.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person, one name on record, however they type it when they sign in: the workbench's
 * history and the decision log's reviews carry the user name as defined.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
class UserNameCaseIntegrationTests {

	private static final Path DATA = temporaryFolder();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", DATA::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void recordsTheDefinedNameInTheWorkbenchsHistory() {
		HttpTestClient http = new HttpTestClient(this.port);
		String shouting = HttpTestClient.basic("POLICY", "test-policy-password");
		HttpResponse<String> created = http.post("/api/v1/drafts", shouting,
				"{\"id\":\"2023.09\",\"from\":\"2023.01\",\"inForceFrom\":\"2030-01-01\",\"title\":\"Case\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"author\":\"policy\"").doesNotContain("POLICY\"");
		assertThat(http.get("/api/v1/versions/2023.09/history", HttpTestClient.POLICY).body()).contains("\"policy\"")
			.doesNotContain("\"POLICY\"");
	}

	@Test
	void takesAReviewFromTheDeciderWhateverTheCaseAndRecordsTheDefinedName() {
		HttpTestClient http = new HttpTestClient(this.port);
		HttpResponse<String> decided = http.post("/api/v1/triage",
				HttpTestClient.basic("CaseWorker", "test-caseworker-password"), """
						{"citizenRef":"case-names-1","age":34,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
						 "problems":["HOMELESSNESS"]}""");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		Matcher id = Pattern.compile("\"decisionId\":\"([^\"]+)\"").matcher(decided.body());
		assertThat(id.find()).isTrue();
		HttpResponse<String> reviewed = http.post("/api/v1/decisions/" + id.group(1) + "/review",
				HttpTestClient.CASEWORKER, "{\"result\":\"ACCEPTED\"}");
		assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
		assertThat(reviewed.body()).contains("\"reviewer\":\"caseworker\"");
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("user-name-case");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
