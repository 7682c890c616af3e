package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy editor's save is the way in for a rule file: whatever it holds that would
 * become code is answered with the problem at its file and line, and never runs, through
 * the file editor and through a zip upload alike.
 */
class RuleInjectionIntegrationTests extends SharedWorkbenchContext {

	/** The payloads set this property (a number: no quote needed to write it). */
	static final int PWNED = 73_020;

	private static final String T0_01 = "rule \"T0-01 Children under 15 are outside the model\"";

	private static final String COMMENT_ESCAPE = "rule \"T0-01 x */ static { System.setProperty(String.valueOf(" + PWNED
			+ "), String.valueOf(1)); } /*\"";

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
		this.api.create("2097.01", "2032-01-01");
		String tiers = this.api.file("2097.01", "tiers.drl");
		String attack = tiers.replace(T0_01, COMMENT_ESCAPE);
		assertThat(attack).isNotEqualTo(tiers);
		JsonNode saved = this.api.save("2097.01", "tiers.drl", attack);
		assertThat(saved.path("problems").size()).as(saved.toString()).isPositive();
		JsonNode problem = saved.path("problems").get(0);
		assertThat(problem.path("file").asString()).isEqualTo("tiers.drl");
		assertThat(problem.path("line").asInt()).isEqualTo(lineOf(attack, "rule \"T0-01 x"));
		assertThat(problem.path("message").asString()).startsWith("Regelnavnet må ikke indeholde \"*/\"");
	}

	@Test
	void answersASaveWhoseMetadataWouldEndItsStringWithTheProblem() {
		this.api.create("2097.02", "2033-01-01");
		String tiers = this.api.file("2097.02", "tiers.drl");
		String attack = tiers.replaceFirst("@nextEn\\(\"[^\"]*\"\\)",
				java.util.regex.Matcher.quoteReplacement("@nextEn(\"a\\\\\\\" + System.getenv() + \\\\\\\"b\")"));
		assertThat(attack).isNotEqualTo(tiers);
		JsonNode saved = this.api.save("2097.02", "tiers.drl", attack);
		assertThat(saved.path("problems").toString()).contains("Teksten i @nextEn må ikke indeholde omvendt skråstreg");
		assertThat(saved.path("problems").get(0).path("line").asInt()).isEqualTo(lineOf(attack, "@nextEn(\"a\\"));
	}

	@Test
	void answersDeepNestingAndAWindowWithTheProblemInsteadOfFailingLater() {
		this.api.create("2097.03", "2034-01-01");
		String tiers = this.api.file("2097.03", "tiers.drl");
		// 20,000 brackets on short lines, so that no limit on a line's length stops them
		// first
		String open = String.join("\n", Collections.nCopies(200, "(".repeat(100)));
		String close = String.join("\n", Collections.nCopies(200, ")".repeat(100)));
		String deep = tiers.replace("\tChild()\nthen",
				"\tChild()\n\tProfile( " + open + "age > 1" + close + " )\nthen");
		JsonNode nested = this.api.save("2097.03", "tiers.drl", deep);
		assertThat(nested.path("problems").toString()).contains("indlejret mere end 12 niveauer");
		String window = tiers.replace("\tChild()\nthen",
				"\tChild()\n\tProfile( age > 1 ) over window:length( 2 )\nthen");
		JsonNode windowed = this.api.save("2097.03", "tiers.drl", window);
		assertThat(windowed.path("problems").size()).isEqualTo(1);
		assertThat(windowed.path("problems").get(0).path("line").asInt()).isEqualTo(lineOf(window, "over window"));
		assertThat(windowed.path("problems").get(0).path("message").asString()).contains("over window");
	}

	@Test
	void refusesAFileNameWithAQuote() {
		this.api.create("2097.04", "2035-01-01");
		HttpResponse<String> response = this.api.put("/api/v1/drafts/2097.04/files/x%22.drl", WorkbenchApi.POLICY,
				this.api.file("2097.04", "flags.drl"));
		// refused at the workbench's door, before the rule compiler would refuse it too
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(this.api.json(response).path("errors").get(0).path("field").asString()).isEqualTo("/name");
		assertThat(this.api.json(this.api.get("/api/v1/drafts/2097.04", WorkbenchApi.POLICY)).path("files").toString())
			.doesNotContain("x\\\"");
	}

	@Test
	void answersAnUploadWithTheProblemsOfItsFiles() {
		this.api.create("2097.05", "2036-01-01");
		Map<String, String> files = new TreeMap<>();
		for (String name : List.of("version.yaml", "derived.drl", "flags.drl", "whynot.drl", "scenarios.yaml")) {
			files.put(name, this.api.file("2097.05", name));
		}
		files.put("tiers.drl", this.api.file("2097.05", "tiers.drl").replace(T0_01, COMMENT_ESCAPE));
		HttpResponse<String> uploaded = this.api.putZip("/api/v1/drafts/2097.05/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", files));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		JsonNode problems = this.api.json(uploaded).path("problems");
		assertThat(problems.size()).as(problems.toString()).isPositive();
		assertThat(problems.get(0).path("file").asString()).isEqualTo("tiers.drl");
		assertThat(problems.get(0).path("message").asString()).startsWith("Regelnavnet må ikke indeholde \"*/\"");

		// a file whose name would end the string it is written into
		files.put("tiers.drl", this.api.file("2097.05", "tiers.drl").replace(COMMENT_ESCAPE, T0_01));
		String name = "x\", ((java.util.function.Supplier<String>) () -> System.setProperty(String.valueOf(" + PWNED
				+ "), String.valueOf(1))).get(), \"y.drl";
		files.put(name, files.remove("flags.drl"));
		HttpResponse<String> named = this.api.putZip("/api/v1/drafts/2097.05/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", files));
		// refused as a whole, naming the entry, and nothing of it committed
		assertThat(named.statusCode()).as(named.body()).isEqualTo(400);
		assertThat(this.api.json(named).path("errors").get(0).path("field").asString()).startsWith("zip/x\"");
		assertThat(this.api.file("2097.05", "tiers.drl")).contains(COMMENT_ESCAPE);
	}

	private static int lineOf(String text, String part) {
		int index = text.indexOf(part);
		assertThat(index).as(part).isNotNegative();
		return (int) text.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
	}

}
