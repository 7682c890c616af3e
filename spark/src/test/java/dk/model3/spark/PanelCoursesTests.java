package dk.model3.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed panel (fixtures/panel/panel-6x4.jsonl: six people over four quarters)
 * gives the courses worked out by hand in fixtures/panel/panel-6x4.courses.csv, and the
 * national indicator worked out by hand in fixtures/README.md, whether read as JSON Lines
 * or as Parquet.
 */
class PanelCoursesTests {

	private static final Path PANEL = LocalSpark.REPO.resolve("fixtures/panel/panel-6x4.jsonl");

	private static final Path EXPECTED = LocalSpark.REPO.resolve("fixtures/panel/panel-6x4.courses.csv");

	@TempDir
	Path work;

	@Test
	void followsEachPersonsCourseAsWorkedOutByHand() throws Exception {
		Path out = this.work.resolve("jsonl");
		run(PANEL.toString(), out);
		assertThat(courses(out)).containsExactlyElementsOf(expected());
	}

	@Test
	void readsTheSamePanelFromParquetWithTheSameCourses() throws Exception {
		Path parquet = this.work.resolve("panel.parquet");
		LocalSpark.session()
			.read()
			.json(PANEL.toString())
			.withColumn("period", to_date(col("period")))
			.withColumn("age", col("age").cast("int"))
			.write()
			.mode(SaveMode.ErrorIfExists)
			.parquet(parquet.toString());
		Path out = this.work.resolve("parquet");
		ObjectNode summary = run(parquet.toString(), out);
		assertThat(summary.get("format").stringValue()).isEqualTo("PARQUET");
		assertThat(courses(out)).containsExactlyElementsOf(expected());
	}

	@Test
	void measuresTheNationalIndicatorPerPeriodAsWorkedOutByHand() {
		ObjectNode summary = run(PANEL.toString(), this.work.resolve("indicator"));
		JsonNode periods = summary.get("periods");
		assertThat(periods).hasSize(4);
		assertThat(periods.get(0).has("indicator")).isFalse();
		assertThat(indicator(periods.get(1))).containsExactly(3L, 3L);
		assertThat(indicator(periods.get(2))).containsExactly(3L, 3L);
		assertThat(indicator(periods.get(3))).containsExactly(3L, 2L);
		assertThat(periods.get(3).get("indicator").get("share").asDouble()).isEqualTo(2.0 / 3);
		assertThat(periods.get(1).get("courses").get("ENTERS").asLong()).isEqualTo(2);
		assertThat(periods.get(2).get("courses").get("LEAVES").asLong()).isEqualTo(2);
		List<Long> in = List.of(5L, 6L, 5L, 5L);
		for (int i = 0; i < 4; i++) {
			assertThat(periods.get(i).get("in").asLong()).isEqualTo(in.get(i));
			assertThat(periods.get(i).get("balanced").asBoolean()).isTrue();
		}
	}

	private static List<Long> indicator(JsonNode period) {
		JsonNode indicator = period.get("indicator");
		return List.of(indicator.get("inModelBothPeriods").asLong(), indicator.get("coherent").asLong());
	}

	private static ObjectNode run(String input, Path out) {
		return EvaluationJob.run(LocalSpark.session(),
				new JobSettings(input, null, out.toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));
	}

	private static List<String> courses(Path out) {
		Dataset<Row> courses = LocalSpark.session().read().parquet(out.resolve("courses").toString());
		return courses.orderBy("personKey", "fromPeriod")
			.collectAsList()
			.stream()
			.map((row) -> String.join(",", row.getAs("personKey"), row.getAs("fromPeriod").toString(),
					row.getAs("toPeriod").toString(), row.getAs("fromStatus"), text(row.getAs("fromTier")),
					row.getAs("toStatus"), text(row.getAs("toTier")), row.getAs("course"),
					row.getAs("coherent").toString()))
			.toList();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static List<String> expected() throws Exception {
		List<String> lines = Files.readAllLines(EXPECTED);
		return lines.subList(1, lines.size());
	}

}
