package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy editor's save is the way in for a rule file: whatever it holds that would
 * become code is answered with the problem at its file and line, and never runs, through
 * the file editor and through a zip upload alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
class RuleInjectionIntegrationTests {

	static final Path DATA = WorkbenchApi.dataDirectory();

	static final Path USERS = WorkbenchApi.usersFile();

	/** The payloads set this property (a number: no quote needed to write it). */
	static final int PWNED = 73_020;

	private static final String T0_01 = "rule \"T0-01 Children under 15 are outside the model\"";

	private static final String COMMENT_ESCAPE = "rule \"T0-01 x */ static { System.setProperty(String.valueOf(" + PWNED
			+ "), String.valueOf(1)); } /*\"";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", DATA::toString);
		registry.add("TRIAGE_USERS_FILE", USERS::toString);
	}

	@LocalServerPort
	int port;

	WorkbenchApi api;

	@BeforeEach
	void client() {
		this.api = new WorkbenchApi(this.port);
	}

	@AfterEach
	void noPayloadRan() {
		assertThat(System.getProperty(String.valueOf(PWNED))).as("a payload ran in the service").isNull();
	}

	@Test
	void answersASaveWhoseRuleNameWouldEndItsCommentWithTheProblem() {
		this.api.create("8.1", "2032-01-01");
		String tiers = this.api.file("8.1", "tiers.drl");
		String attack = tiers.replace(T0_01, COMMENT_ESCAPE);
		assertThat(attack).isNotEqualTo(tiers);
		JsonNode saved = this.api.save("8.1", "tiers.drl", attack);
		assertThat(saved.path("problems").size()).as(saved.toString()).isPositive();
		JsonNode problem = saved.path("problems").get(0);
		assertThat(problem.path("file").asString()).isEqualTo("tiers.drl");
		assertThat(problem.path("line").asInt()).isEqualTo(lineOf(attack, "rule \"T0-01 x"));
		assertThat(problem.path("message").asString()).startsWith("Regelnavnet må ikke indeholde \"*/\"");
	}

	@Test
	void answersASaveWhoseMetadataWouldEndItsStringWithTheProblem() {
		this.api.create("8.2", "2033-01-01");
		String tiers = this.api.file("8.2", "tiers.drl");
		String attack = tiers.replaceFirst("@nextEn\\(\"[^\"]*\"\\)",
				java.util.regex.Matcher.quoteReplacement("@nextEn(\"a\\\\\\\" + System.getenv() + \\\\\\\"b\")"));
		assertThat(attack).isNotEqualTo(tiers);
		JsonNode saved = this.api.save("8.2", "tiers.drl", attack);
		assertThat(saved.path("problems").toString()).contains("Teksten i @nextEn må ikke indeholde omvendt skråstreg");
		assertThat(saved.path("problems").get(0).path("line").asInt()).isEqualTo(lineOf(attack, "@nextEn(\"a\\"));
	}

	@Test
	void answersDeepNestingAndAWindowWithTheProblemInsteadOfFailingLater() {
		this.api.create("8.3", "2034-01-01");
		String tiers = this.api.file("8.3", "tiers.drl");
		String deep = tiers.replace("\tChild()\nthen",
				"\tChild()\n\tProfile( " + "(".repeat(20_000) + "age > 1" + ")".repeat(20_000) + " )\nthen");
		JsonNode nested = this.api.save("8.3", "tiers.drl", deep);
		assertThat(nested.path("problems").toString()).contains("indlejret mere end 12 niveauer");
		String window = tiers.replace("\tChild()\nthen",
				"\tChild()\n\tProfile( age > 1 ) over window:length( 2 )\nthen");
		JsonNode windowed = this.api.save("8.3", "tiers.drl", window);
		assertThat(windowed.path("problems").size()).isEqualTo(1);
		assertThat(windowed.path("problems").get(0).path("line").asInt()).isEqualTo(lineOf(window, "over window"));
		assertThat(windowed.path("problems").get(0).path("message").asString()).contains("over window");
	}

	@Test
	void refusesAFileNameWithAQuote() {
		this.api.create("8.4", "2035-01-01");
		HttpResponse<String> response = this.api.put("/api/v1/drafts/8.4/files/x%22.drl", WorkbenchApi.POLICY,
				this.api.file("8.4", "flags.drl"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode problem = this.api.json(response).path("problems").get(0);
		assertThat(problem.path("file").asString()).isEqualTo("x\".drl");
		assertThat(problem.path("message").asString()).startsWith("filnavnet er ikke tilladt");
	}

	@Test
	void answersAnUploadWithTheProblemsOfItsFiles() {
		this.api.create("8.5", "2036-01-01");
		Map<String, String> files = new TreeMap<>();
		for (String name : List.of("version.yaml", "derived.drl", "flags.drl", "whynot.drl", "scenarios.yaml")) {
			files.put(name, this.api.file("8.5", name));
		}
		files.put("tiers.drl", this.api.file("8.5", "tiers.drl").replace(T0_01, COMMENT_ESCAPE));
		HttpResponse<String> uploaded = this.api.putZip("/api/v1/drafts/8.5/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", files));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		JsonNode problems = this.api.json(uploaded).path("problems");
		assertThat(problems.size()).as(problems.toString()).isPositive();
		assertThat(problems.get(0).path("file").asString()).isEqualTo("tiers.drl");
		assertThat(problems.get(0).path("message").asString()).startsWith("Regelnavnet må ikke indeholde \"*/\"");

		// a file whose name would end the string it is written into
		files.put("tiers.drl", this.api.file("8.5", "tiers.drl").replace(COMMENT_ESCAPE, T0_01));
		String name = "x\", ((java.util.function.Supplier<String>) () -> System.setProperty(String.valueOf(" + PWNED
				+ "), String.valueOf(1))).get(), \"y.drl";
		files.put(name, files.remove("flags.drl"));
		HttpResponse<String> named = this.api.putZip("/api/v1/drafts/8.5/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", files));
		assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
		JsonNode refusal = this.api.json(named).path("problems").get(0);
		assertThat(refusal.path("file").asString()).isEqualTo(name);
		assertThat(refusal.path("message").asString()).startsWith("filnavnet er ikke tilladt");
	}

	private static int lineOf(String text, String part) {
		int index = text.indexOf(part);
		assertThat(index).as(part).isNotNegative();
		return (int) text.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
	}

}
