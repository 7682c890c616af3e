package dk.model3.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 17-year-old placed under the youth rules and handed to the adult effort at 18 has a
 * coherent course, though the responsible area changes; an adult whose area changes has
 * not. The area-stability measure counts neither; the changes of tier and area are
 * counted per person-year placed in both periods.
 */
class YouthHandOverTests {

	@TempDir
	Path work;

	@Test
	void countsTheHandOverAtEighteenUnderTheYouthRulesAsCoherent() throws Exception {
		Path input = this.work.resolve("register.jsonl");
		Files.write(input, List.of(
				"{\"period\":\"2023-01-02\",\"personKey\":\"Y\",\"citizenRef\":\"Y\",\"age\":17,\"benefit\":\"NONE\",\"problems\":[\"ADHD\"]}",
				"{\"period\":\"2023-01-02\",\"personKey\":\"Z\",\"citizenRef\":\"Z\",\"age\":35,\"benefit\":\"SICKNESS_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"ANXIETY\",\"SUBSTANCE_ABUSE\"]}",
				"{\"period\":\"2024-01-01\",\"personKey\":\"Y\",\"citizenRef\":\"Y\",\"age\":18,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"VERY_LIMITED\",\"problems\":[\"HOMELESSNESS\"]}",
				"{\"period\":\"2024-01-01\",\"personKey\":\"Z\",\"citizenRef\":\"Z\",\"age\":36,\"benefit\":\"SICKNESS_BENEFIT\",\"employmentPotential\":\"VERY_LIMITED\",\"problems\":[\"MENTAL_HEALTH_PROBLEMS\"]}"));
		Path out = this.work.resolve("out");
		ObjectNode summary = EvaluationJob.run(LocalSpark.session(), new JobSettings(input.toString(), null,
				out.toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));

		List<String> courses = LocalSpark.session()
			.read()
			.parquet(out.resolve("courses").toString())
			.orderBy("personKey")
			.collectAsList()
			.stream()
			.map((row) -> String.join(",", row.getAs("personKey"), row.getAs("fromTier"), row.getAs("toTier"),
					row.getAs("course"), row.getAs("areaStable").toString(), row.getAs("youthHandOver").toString(),
					row.getAs("coherent").toString()))
			.toList();
		assertThat(courses).containsExactly("Y,EMPLOYMENT_ONLY,PENSION_SOCIAL,CHANGES_TIER_AND_AREA,false,true,true",
				"Z,EMPLOYMENT_ONLY,PENSION_SOCIAL,CHANGES_TIER_AND_AREA,false,false,false");

		JsonNode indicator = summary.get("periods").get(1).get("indicator");
		assertThat(List.of(indicator.get("inModelBothPeriods").asLong(), indicator.get("coherent").asLong(),
				indicator.get("areaStable").asLong(), indicator.get("youthHandOvers").asLong(),
				indicator.get("tierChanges").asLong(), indicator.get("areaChanges").asLong()))
			.containsExactly(2L, 1L, 0L, 1L, 2L, 2L);
		assertThat(indicator.get("share").asDouble()).isEqualTo(0.5);
		assertThat(indicator.get("areaStableShare").asDouble()).isEqualTo(0.0);
		// two people placed over the 364 days between the periods
		double personYears = 2 * 364 / 365.25;
		assertThat(indicator.get("personYears").asDouble()).isCloseTo(personYears,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(indicator.get("tierChangesPerPersonYear").asDouble()).isCloseTo(2 / personYears,
				org.assertj.core.data.Offset.offset(1e-9));
	}

}
