package dk.model3.decisions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.model3.cli.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewsCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void summarisesTheReviewLinesOfLogFilesLikeTheApi() throws Exception {
		Path logs = Files.createDirectory(this.directory.resolve("logs"));
		Files.write(logs.resolve("decisions-2024-03-01.jsonl"), List.of(
				// a decision line is not a review
				"{\"kind\":\"decision\",\"decisionId\":\"d1\",\"rulesVersion\":\"2023.01\",\"ruleIds\":[\"T2-01\"]}",
				review("d1", "ACCEPTED", "2023.01", "T2-01", "CROSS_SECTOR", null),
				review("d2", "OVERRIDDEN", "2023.01", "T2-01", "CROSS_SECTOR", "RULE_DOES_NOT_FIT"),
				"{\"kind\":\"review\",\"decisionId\":", ""));
		Files.write(logs.resolve("decisions-2024-03-02.jsonl"),
				List.of(review("d3", "OVERRIDDEN", "2023.01", "T1-01", "EMPLOYMENT_ONLY", "CITIZEN_PERSPECTIVE"),
						review("d4", "ACCEPTED", "2021.03", "T1-01", "EMPLOYMENT_ONLY", null)));

		Run run = run("reviews", "--version", "2023.01", logs.toString());
		assertThat(run.exit).isZero();
		JsonNode summary = JSON.readTree(run.out);
		assertThat(summary.path("reviews").asLong()).isEqualTo(3);
		assertThat(summary.path("accepted").asLong()).isEqualTo(1);
		assertThat(summary.path("overridden").asLong()).isEqualTo(2);
		JsonNode t201 = summary.path("byRule").get(0);
		assertThat(t201.path("ruleId").asString()).isEqualTo("T1-01");
		assertThat(summary.path("byRule").get(1).path("overrideRate").asDouble()).isEqualTo(0.5);
		assertThat(summary.path("byReason")
			.valueStream()
			.filter((reason) -> reason.path("overridden").asLong() > 0)
			.map((reason) -> reason.path("reason").asString())
			.toList()).containsExactly("CITIZEN_PERSPECTIVE", "RULE_DOES_NOT_FIT");
		// the cut-off line is reported with its file and number; the rest is counted
		assertThat(run.err).contains("decisions-2024-03-01.jsonl:4");

		assertThat(JSON.readTree(run("reviews", logs.toString()).out).path("reviews").asLong()).isEqualTo(4);
		assertThat(run("reviews", this.directory.resolve("missing").toString()).exit).isEqualTo(2);
	}

	private static String review(String id, String result, String version, String rule, String tier, String reason) {
		return """
				{"kind":"review","decisionId":"%s","time":"2024-03-01T10:00:00Z","reviewer":"caseworker","result":"%s",
				"status":"PLACED","tier":"%s","responsibleArea":"EMPLOYMENT","reason":%s,
				"recommended":{"status":"PLACED","tier":"%s","responsibleArea":"EMPLOYMENT"},
				"rulesVersion":"%s","rulesChecksum":"sha256:x","decidingRuleId":"%s"}"""
			.formatted(id, result, tier, (reason != null) ? "\"" + reason + "\"" : "null", tier, version, rule)
			.replace("\n", "");
	}

	private static Run run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
			int exit = Commands.run(args);
			return new Run(exit, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	private record Run(int exit, String out, String err) {

	}

}
