package dk.model3.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcomes over years (seed 004) of the committed panel
 * (fixtures/panel/panel-outcomes.jsonl: twelve people over four yearly periods), worked
 * out by hand from the panel's rows in fixtures/README.md, and the suppression of cohorts
 * under five people.
 */
class PanelOutcomesTests {

	private static final Path PANEL = LocalSpark.REPO.resolve("fixtures/panel/panel-outcomes.jsonl");

	@TempDir
	static Path work;

	private static ObjectNode summary;

	@BeforeAll
	static void runTheJob() {
		summary = EvaluationJob.run(LocalSpark.session(), new JobSettings(PANEL.toString(), null,
				work.resolve("out").toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));
	}

	@Test
	void followsNamedPeopleFromTheirFirstPlacementAsWorkedOutByHand() {
		Map<String, List<String>> byPerson = outcomes("out");
		// on cash at entry; approved for a flex job a year on (flex-job unemployment
		// benefit), then in one (no benefit, flexJob)
		assertThat(byPerson.get("OUT-03")).containsExactly("2023-01-02 1 2024-01-01 FLEX_JOB",
				"2023-01-02 2 2024-12-30 FLEX_JOB", "2023-01-02 3 2025-12-29 FLEX_JOB");
		// 17 and on education benefit at entry: still on it at 18 is the same benefit,
		// not a move to education benefit; off benefit from 19
		assertThat(byPerson.get("OUT-08")).containsExactly("2023-01-02 1 2024-01-01 SAME_BENEFIT",
				"2023-01-02 2 2024-12-30 OFF_BENEFIT", "2023-01-02 3 2025-12-29 OFF_BENEFIT");
		// no row a year on; back on cash at two years; off benefit at three
		assertThat(byPerson.get("OUT-07")).containsExactly("2023-01-02 1 2024-01-01 NOT_IN_REGISTER",
				"2023-01-02 2 2024-12-30 SAME_BENEFIT", "2023-01-02 3 2025-12-29 OFF_BENEFIT");
		// cash, then a resource course (another benefit), then cash again
		assertThat(byPerson.get("OUT-06")).containsExactly("2023-01-02 1 2024-01-01 OTHER_BENEFIT",
				"2023-01-02 2 2024-12-30 OTHER_BENEFIT", "2023-01-02 3 2025-12-29 SAME_BENEFIT");
		// out of scope in 2023, placed from 2024-01-01: three years on lies beyond the
		// data
		assertThat(byPerson.get("OUT-12")).containsExactly("2024-01-01 1 2024-12-30 OFF_BENEFIT",
				"2024-01-01 2 2025-12-29 OFF_BENEFIT");
		assertThat(byPerson).hasSize(12);
	}

	@Test
	void countsTheEmploymentOnlyCohortOf2023AsWorkedOutByHand() {
		// OUT-01 to OUT-08, placed employment-only on 2023-01-02; the states in the order
		// off benefit, education benefit, flex job, disability pension, same benefit,
		// other benefit, not in the register
		// other benefit, not in the register: the rows of outcomes/, before suppression
		assertThat(entered("out", "EMPLOYMENT_ONLY", 2023, 1)).isEqualTo(counts(8, 1, 1, 1, 0, 3, 1, 1));
		assertThat(entered("out", "EMPLOYMENT_ONLY", 2023, 2)).isEqualTo(counts(8, 2, 1, 1, 1, 2, 1, 0));
		assertThat(entered("out", "EMPLOYMENT_ONLY", 2023, 3)).isEqualTo(counts(8, 4, 0, 1, 1, 1, 0, 1));
	}

	@Test
	void hidesTheCellsOfOneToFourPeopleInTheShownCohort() {
		// the cohort of eight is shown, but each of its cells with people has 1 to 4 of
		// them: only the cells of no one are shown (-1 stands for hidden)
		assertThat(cohort("tier", "EMPLOYMENT_ONLY", 2023, 1)).isEqualTo(counts(8, -1, -1, -1, 0, -1, -1, -1));
		assertThat(cohort("tier", "EMPLOYMENT_ONLY", 2023, 2)).isEqualTo(counts(8, -1, -1, -1, -1, -1, -1, 0));
		assertThat(cohort("tier", "EMPLOYMENT_ONLY", 2023, 3)).isEqualTo(counts(8, -1, 0, -1, -1, -1, 0, -1));
		for (JsonNode cohort : summary.get("outcomes").get("cohorts")) {
			if (cohort.has("outcomes")) {
				List<String> hidden = new ArrayList<>();
				cohort.get("suppressedOutcomes").forEach((state) -> hidden.add(state.stringValue()));
				cohort.get("outcomes").properties().forEach((cell) -> {
					assertThat(cell.getValue().isNull()).as(cell.getKey()).isEqualTo(hidden.contains(cell.getKey()));
					assertThat(cell.getValue().asLong(0) >= 1 && cell.getValue().asLong(0) <= 4).as(cell.getKey())
						.isFalse();
				});
			}
		}
	}

	@Test
	void hidesASecondCellWhereOneAloneWouldBeHidden() {
		DecisionClass placed = new DecisionClass("2021.03", "sha256:x", 7L, "PLACED", "CROSS_SECTOR", "EMPLOYMENT",
				List.of(), List.of("T2-01"), null, null);
		// nine people: 3 off benefit alone hidden would be 9 - 6 - 0; so the 6 on the
		// same
		// benefit go too. Ten: 5 and 5, nothing hidden
		List<Row> counts = List.of(RowFactory.create(1, 2024, 7L, "OFF_BENEFIT", 3L),
				RowFactory.create(1, 2024, 7L, "SAME_BENEFIT", 6L), RowFactory.create(2, 2024, 7L, "OFF_BENEFIT", 5L),
				RowFactory.create(2, 2024, 7L, "SAME_BENEFIT", 5L));
		JsonNode cohorts = OutcomeTable.of(counts, Map.of(7L, placed)).get("cohorts");
		JsonNode nine = cohorts.get(0);
		assertThat(nine.get("people").asLong()).isEqualTo(9);
		assertThat(nine.get("outcomes").get("OFF_BENEFIT").isNull()).isTrue();
		assertThat(nine.get("outcomes").get("SAME_BENEFIT").isNull()).isTrue();
		assertThat(nine.get("outcomes").get("FLEX_JOB").asLong()).isZero();
		assertThat(nine.get("suppressedOutcomes").toString()).isEqualTo("[\"OFF_BENEFIT\",\"SAME_BENEFIT\"]");
		JsonNode ten = cohorts.get(1);
		assertThat(ten.get("outcomes").get("OFF_BENEFIT").asLong()).isEqualTo(5);
		assertThat(ten.get("outcomes").get("SAME_BENEFIT").asLong()).isEqualTo(5);
		assertThat(ten.has("suppressedOutcomes")).isFalse();
	}

	@Test
	void suppressesCohortsOfFewerThanFivePeople() {
		List<String> suppressed = new ArrayList<>();
		List<String> shown = new ArrayList<>();
		for (JsonNode cohort : summary.get("outcomes").get("cohorts")) {
			String name = cohort.get("by").stringValue() + " " + cohort.get("group").stringValue() + " "
					+ cohort.get("entryYear").asInt() + " " + cohort.get("years").asInt();
			if (cohort.path("suppressed").asBoolean(false)) {
				assertThat(cohort.has("people")).isFalse();
				assertThat(cohort.has("outcomes")).isFalse();
				suppressed.add(name);
			}
			else {
				shown.add(name);
			}
		}
		assertThat(shown).containsExactly("tier EMPLOYMENT_ONLY 2023 1", "tier EMPLOYMENT_ONLY 2023 2",
				"tier EMPLOYMENT_ONLY 2023 3");
		// the three disability pensioners in the social tier, OUT-12 entering in 2024,
		// and
		// OUT-08 under the youth exception
		assertThat(suppressed).containsExactly("tier EMPLOYMENT_ONLY 2024 1", "tier EMPLOYMENT_ONLY 2024 2",
				"tier PENSION_SOCIAL 2023 1", "tier PENSION_SOCIAL 2023 2", "tier PENSION_SOCIAL 2023 3",
				"flag YOUTH_15_17_EXCEPTION 2023 1", "flag YOUTH_15_17_EXCEPTION 2023 2",
				"flag YOUTH_15_17_EXCEPTION 2023 3");
	}

	@Test
	void showsACohortOfFiveAndSuppressesOneOfFour() {
		DecisionClass placed = new DecisionClass("2021.03", "sha256:x", 7L, "PLACED", "CROSS_SECTOR", "EMPLOYMENT",
				List.of("JOINT_PLAN_OFFER"), List.of("T2-01"), null, null);
		List<Row> counts = List.of(RowFactory.create(1, 2024, 7L, "OFF_BENEFIT", 3L),
				RowFactory.create(1, 2024, 7L, "SAME_BENEFIT", 2L), RowFactory.create(2, 2024, 7L, "OFF_BENEFIT", 4L));
		JsonNode cohorts = OutcomeTable.of(counts, Map.of(7L, placed)).get("cohorts");
		assertThat(cohorts).hasSize(4);
		JsonNode five = cohorts.get(0);
		assertThat(five.get("group").stringValue()).isEqualTo("CROSS_SECTOR");
		assertThat(five.get("people").asLong()).isEqualTo(5);
		// its cells of 3 and 2 people are hidden
		assertThat(five.get("outcomes").get("OFF_BENEFIT").isNull()).isTrue();
		assertThat(five.get("outcomes").get("SAME_BENEFIT").isNull()).isTrue();
		assertThat(five.get("outcomes").get("FLEX_JOB").asLong()).isZero();
		JsonNode four = cohorts.get(1);
		assertThat(four.get("years").asInt()).isEqualTo(2);
		assertThat(four.get("suppressed").asBoolean()).isTrue();
		assertThat(four.has("people")).isFalse();
		assertThat(cohorts.get(2).get("by").stringValue()).isEqualTo("flag");
		assertThat(cohorts.get(2).get("people").asLong()).isEqualTo(5);
		assertThat(cohorts.get(3).get("suppressed").asBoolean()).isTrue();
	}

	@Test
	void rejectsAFlexJobThatIsNotTrueOrFalse() throws Exception {
		Path input = work.resolve("flex.jsonl");
		Files.writeString(input, """
				{"period":"2023-01-02","personKey":"F-1","citizenRef":"F-1","age":45,"benefit":"NONE","flexJob":true}
				{"period":"2023-01-02","personKey":"F-2","citizenRef":"F-2","age":45,"benefit":"NONE","flexJob":"yes"}
				""");
		Path out = work.resolve("flex");
		ObjectNode flex = EvaluationJob.run(LocalSpark.session(), new JobSettings(input.toString(), null,
				out.toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));
		assertThat(flex.get("rows").get("rejected").asLong()).isEqualTo(1);
		assertThat(LocalSpark.lines(out.resolve("rejects"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("\"line\":2", "invalid field", "/flexJob"));
	}

	@Test
	void readsTheFlexJobColumnFromCsvAndParquetAsFromJsonLines() {
		Map<String, List<String>> fromJsonLines = outcomes("out");
		Path csv = work.resolve("panel-outcomes.csv");
		// the columns in another order than the JSON's, flexJob first
		List<String> columns = new ArrayList<>(InputRows.ALLOWED);
		Collections.reverse(columns);
		CsvFiles.write(PANEL, csv, columns);
		Path parquet = work.resolve("panel-outcomes-parquet");
		LocalSpark.session().read().json(PANEL.toString()).write().parquet(parquet.toString());
		for (Path input : List.of(csv, parquet)) {
			String out = "out-" + input.getFileName();
			ObjectNode read = EvaluationJob.run(LocalSpark.session(), new JobSettings(input.toString(), null,
					work.resolve(out).toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));
			assertThat(read.get("rows").get("rejected").asLong()).as(out).isZero();
			assertThat(outcomes(out)).as(out).isEqualTo(fromJsonLines);
			// OUT-03 is in a flex job from the second year: known only from flexJob
			assertThat(outcomes(out).get("OUT-03")).as(out).endsWith("2023-01-02 3 2025-12-29 FLEX_JOB");
		}
	}

	private static List<Long> cohort(String by, String group, int entryYear, int years) {
		for (JsonNode cohort : summary.get("outcomes").get("cohorts")) {
			if (cohort.get("by").stringValue().equals(by) && cohort.get("group").stringValue().equals(group)
					&& cohort.get("entryYear").asInt() == entryYear && cohort.get("years").asInt() == years) {
				List<Long> counts = new ArrayList<>();
				counts.add(cohort.get("people").asLong());
				for (String state : List.of("OFF_BENEFIT", "EDUCATION_BENEFIT", "FLEX_JOB", "DISABILITY_PENSION",
						"SAME_BENEFIT", "OTHER_BENEFIT", "NOT_IN_REGISTER")) {
					JsonNode cell = cohort.get("outcomes").get(state);
					counts.add(cell.isNull() ? -1 : cell.asLong());
				}
				return counts;
			}
		}
		throw new AssertionError("no cohort " + by + " " + group + " " + entryYear + " " + years);
	}

	// people by state from the rows of outcomes/ for those who entered with the tier in
	// the year, followed for the years
	private static List<Long> entered(String out, String tier, int entryYear, int years) {
		Map<String, Long> byState = new LinkedHashMap<>();
		long people = 0;
		for (Row row : LocalSpark.session()
			.read()
			.parquet(work.resolve(out).resolve("outcomes").toString())
			.collectAsList()) {
			if (tier.equals(row.getAs("entryTier"))
					&& row.<Date>getAs("entryPeriod").toLocalDate().getYear() == entryYear
					&& row.<Integer>getAs("years") == years) {
				byState.merge(row.<String>getAs("outcome"), 1L, Long::sum);
				people++;
			}
		}
		List<Long> counts = new ArrayList<>();
		counts.add(people);
		for (String state : List.of("OFF_BENEFIT", "EDUCATION_BENEFIT", "FLEX_JOB", "DISABILITY_PENSION",
				"SAME_BENEFIT", "OTHER_BENEFIT", "NOT_IN_REGISTER")) {
			counts.add(byState.getOrDefault(state, 0L));
		}
		return counts;
	}

	private static List<Long> counts(long... values) {
		List<Long> list = new ArrayList<>();
		for (long value : values) {
			list.add(value);
		}
		return list;
	}

	private static Map<String, List<String>> outcomes(String out) {
		Map<String, List<String>> byPerson = new LinkedHashMap<>();
		for (Row row : LocalSpark.session()
			.read()
			.parquet(work.resolve(out).resolve("outcomes").toString())
			.orderBy("personKey", "years")
			.collectAsList()) {
			byPerson.computeIfAbsent(row.getAs("personKey"), (key) -> new ArrayList<>())
				.add(row.<Date>getAs("entryPeriod") + " " + row.<Integer>getAs("years") + " "
						+ row.<Date>getAs("atPeriod") + " " + row.<String>getAs("outcome"));
		}
		return byPerson;
	}

}
