package dk.model3.spark;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad rows go to the rejects output with their file, line and reason and never stop the
 * job; in = out + rejected, per period and in all.
 */
class BadRowsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void rejectsBadJsonLinesWithTheirLineNumbersAndKeepsTheGoodOnes() {
		Path input = LocalSpark.REPO.resolve("fixtures/panel/bad-rows.jsonl");
		Path out = this.work.resolve("jsonl");
		ObjectNode summary = run(input, out);

		List<JsonNode> rejects = rejects(out);
		assertThat(rejects).extracting((reject) -> reject.get("line").asLong() + " " + reject.get("kind").stringValue())
			.containsExactly("2 invalid field", "3 bad JSON", "4 empty line", "5 invalid field",
					"6 CPR number as reference", "7 duplicate", "9 invalid field", "10 invalid field");
		assertThat(reason(rejects, 2)).contains("/age");
		assertThat(reason(rejects, 5)).contains("/period: is required");
		assertThat(reason(rejects, 6)).contains("/citizenRef").doesNotContain("010190");
		assertThat(reason(rejects, 7)).contains("already has a row for period 2023-01-02").contains("bad-rows.jsonl:1");
		assertThat(reason(rejects, 9)).contains("/period: must be an ISO date");
		assertThat(reason(rejects, 10)).contains("/colour: unknown field");
		assertThat(rejects).allSatisfy(
				(reject) -> assertThat(reject.get("source").stringValue()).endsWith("fixtures/panel/bad-rows.jsonl"));

		assertThat(summary.get("rows").get("statement").stringValue()).isEqualTo("in 10 = out 2 + rejected 8");
		JsonNode period = summary.get("periods").get(0);
		assertThat(List.of(period.get("in").asLong(), period.get("out").asLong(), period.get("rejected").asLong()))
			.containsExactly(6L, 2L, 4L);
		assertThat(period.get("balanced").asBoolean()).isTrue();
		assertThat(summary.get("withoutPeriod").get("rejected").asLong()).isEqualTo(4);
		assertThat(LocalSpark.session().read().parquet(out.resolve("decisions").toString()).count()).isEqualTo(2);
	}

	@Test
	void rejectsBadCsvRowsWithTheirLineNumbersCountingTheHeader() {
		Path out = this.work.resolve("csv");
		ObjectNode summary = run(LocalSpark.REPO.resolve("fixtures/panel/bad-rows.csv"), out);
		List<JsonNode> rejects = rejects(out);
		assertThat(rejects).extracting((reject) -> reject.get("line").asLong() + " " + reject.get("kind").stringValue())
			.containsExactly("3 bad CSV", "4 bad CSV", "5 invalid field");
		assertThat(reason(rejects, 3)).contains("column age must be a whole number");
		assertThat(reason(rejects, 4)).contains("has 5 cells; the header has 7");
		assertThat(reason(rejects, 5)).contains("/problems/1");
		assertThat(summary.get("format").stringValue()).isEqualTo("CSV");
		assertThat(summary.get("rows").get("statement").stringValue()).isEqualTo("in 5 = out 2 + rejected 3");
	}

	private static ObjectNode run(Path input, Path out) {
		return EvaluationJob.run(LocalSpark.session(), new JobSettings(input.toString(), null, out.toString(),
				LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));
	}

	private static List<JsonNode> rejects(Path out) {
		return LocalSpark.lines(out.resolve("rejects")).stream().map(JSON::readTree).toList();
	}

	private static String reason(List<JsonNode> rejects, long line) {
		return rejects.stream()
			.filter((reject) -> reject.get("line").asLong() == line)
			.findFirst()
			.orElseThrow()
			.get("reason")
			.stringValue();
	}

}
