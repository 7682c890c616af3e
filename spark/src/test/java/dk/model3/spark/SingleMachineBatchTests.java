package dk.model3.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job over the committed population as one period gives the single-machine batch's
 * answers, from JSON Lines and from CSV: the batch runs here from the service's jar, as
 * an evaluator runs it ({@code java -jar service/target/triage-service.jar batch …}), and
 * the outputs are compared by content, line for line.
 */
class SingleMachineBatchTests {

	private static final Path POPULATION = LocalSpark.REPO.resolve("fixtures/population-2500.jsonl");

	private static final Path SERVICE_JAR = LocalSpark.REPO.resolve("service/target/triage-service.jar");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path work;

	private static List<String> batchLines;

	private static JsonNode batchSummary;

	private static ObjectNode jobSummary;

	private static Path jobOutput;

	private static ObjectNode csvSummary;

	private static Path csvOutput;

	private static InputRows csvInput;

	@BeforeAll
	static void runBoth() throws Exception {
		assertThat(SERVICE_JAR).as("the service jar, built before this module by `mvn verify`").exists();
		Path batchOut = work.resolve("batch/population.jsonl");
		Files.createDirectories(batchOut.getParent());
		Process batch = new ProcessBuilder(javaCommand(), "-jar", SERVICE_JAR.toString(), "batch",
				POPULATION.toString(), "-o", batchOut.toString(), "--rules", "2021.03", "--compare", "2023.01",
				"--rules-dir", LocalSpark.RULES.toString(), "--progress", "NONE")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("batch.log").toFile())
			.start();

		// the same rows, with the period (the assessment date) and a pseudonymous key
		// added
		Path input = work.resolve("population-one-period.jsonl");
		List<String> rows = new ArrayList<>();
		for (String line : Files.readAllLines(POPULATION)) {
			String ref = JSON.readTree(line).get("citizenRef").stringValue();
			rows.add("{\"period\":\"2022-06-01\",\"personKey\":\"P-" + ref + "\"," + line.substring(1));
		}
		Files.write(input, rows);
		jobOutput = work.resolve("job");
		jobSummary = EvaluationJob.run(LocalSpark.session(), new JobSettings(input.toString(), null,
				jobOutput.toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), LocalSpark.pin("2023.01"), true));
		// the same rows as CSV, every other line quoted
		Path csv = work.resolve("population-one-period.csv");
		CsvFiles.write(input, csv, InputRows.ALLOWED);
		csvInput = InputRows.read(LocalSpark.session(), csv.toString(), null);
		csvOutput = work.resolve("job-csv");
		csvSummary = EvaluationJob.run(LocalSpark.session(), new JobSettings(csv.toString(), null, csvOutput.toString(),
				LocalSpark.RULES, LocalSpark.pin("2021.03"), null, true));

		assertThat(batch.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(batch.exitValue()).as(Files.readString(work.resolve("batch.log"))).isZero();
		batchLines = Files.readAllLines(batchOut);
		batchSummary = JSON.readTree(work.resolve("batch/population.summary.json").toFile());
	}

	@Test
	void writesTheBatchsResponseForEveryCitizenByteForByte() {
		List<String> jobLines = LocalSpark.lines(jobOutput.resolve("responses/2021.03"));
		assertThat(batchLines).hasSize(2500);
		assertThat(jobLines).hasSize(2500);
		Map<String, String> jobByRef = byCitizenRef(jobLines);
		Map<String, String> batchByRef = byCitizenRef(batchLines);
		assertThat(jobByRef.keySet()).isEqualTo(batchByRef.keySet());
		for (Map.Entry<String, String> batch : batchByRef.entrySet()) {
			assertThat(jobByRef.get(batch.getKey())).as(batch.getKey()).isEqualTo(batch.getValue());
		}
	}

	@Test
	void writesTheBatchsResponseForEveryCitizenFromCsvByteForByte() {
		assertThat(csvSummary.get("format").stringValue()).isEqualTo("CSV");
		assertThat(csvSummary.get("rows").get("statement").stringValue()).isEqualTo("in 2500 = out 2500 + rejected 0");
		Map<String, String> csvByRef = byCitizenRef(LocalSpark.lines(csvOutput.resolve("responses/2021.03")));
		Map<String, String> batchByRef = byCitizenRef(batchLines);
		assertThat(csvByRef.keySet()).isEqualTo(batchByRef.keySet());
		for (Map.Entry<String, String> batch : batchByRef.entrySet()) {
			assertThat(csvByRef.get(batch.getKey())).as(batch.getKey()).isEqualTo(batch.getValue());
		}
		// every line, quoted or not, read by Spark's parser alone: none the exact way
		assertThat(FastRows.checked(csvInput.rows(), csvInput.csvHeaders()).filter(not(col("fast"))).count()).isZero();
	}

	@Test
	void countsWhatTheBatchCountsForTheVersionAndTheComparedOne() {
		JsonNode period = jobSummary.get("periods").get(0);
		assertThat(period.get("period").stringValue()).isEqualTo("2022-06-01");
		assertThat(period.get("in").asLong()).isEqualTo(2500);
		assertThat(period.get("out").asLong()).isEqualTo(2500);
		assertThat(period.get("balanced").asBoolean()).isTrue();
		for (String version : List.of("2021.03", "2023.01")) {
			JsonNode job = period.get("results").get(version);
			JsonNode batch = batchSummary.get("results").get(version);
			for (String count : List.of("byStatus", "byTier", "byFlag", "byResponsibleArea")) {
				assertThat(counts(job.get(count))).as(version + " " + count).isEqualTo(nonZero(batch.get(count)));
			}
		}
	}

	@Test
	void givesTheBatchsTransitionMatrixBetweenTwoVersions() {
		JsonNode matrix = jobSummary.get("periods").get(0).get("transitions");
		assertThat(matrix(matrix)).isEqualTo(matrix(batchSummary.get("comparison").get("transitions")));
		assertThat(matrix.get("PLACED CROSS_SECTOR").get("PLACED CROSS_SECTOR").asLong()).isEqualTo(127);
	}

	@Test
	void changesTheRowsTheBatchListsAsChanged() {
		Dataset<Row> decisions = LocalSpark.session().read().parquet(jobOutput.resolve("decisions").toString());
		Dataset<Row> classes = LocalSpark.session().read().parquet(jobOutput.resolve("decision-classes").toString());
		// the flags live in the small table of classes, one row per version and class
		Dataset<Row> flags = classes.filter(col("rulesVersion").equalTo("2021.03"))
			.select(col("decision").as("id"), col("flags").as("flags"));
		Dataset<Row> compareFlags = classes.filter(col("rulesVersion").equalTo("2023.01"))
			.select(col("decision").as("compareId"), col("flags").as("compareFlags"));
		Dataset<Row> joined = decisions.join(flags, decisions.col("decision").equalTo(flags.col("id")))
			.join(compareFlags, decisions.col("compareDecision").equalTo(compareFlags.col("compareId")));
		assertThat(joined.count()).isEqualTo(2500);
		Dataset<Row> changed = joined.filter(not(col("status").eqNullSafe(col("compareStatus"))
			.and(col("tier").eqNullSafe(col("compareTier")))
			.and(col("responsibleArea").eqNullSafe(col("compareResponsibleArea")))
			.and(col("flags").eqNullSafe(col("compareFlags")))));
		// 2021.03 against 2023.01 on the 2,500 fixture, with the readings of issue 21
		assertThat(changed.count()).isEqualTo(batchSummary.get("comparison").get("changedRows").asLong())
			.isEqualTo(256);
	}

	@Test
	void keepsTheFlagsAndRuleIdsOfEachClassInTheSmallTableBesideTheDecisions() {
		Dataset<Row> decisions = LocalSpark.session().read().parquet(jobOutput.resolve("decisions").toString());
		assertThat(decisions.columns()).containsExactly("personKey", "citizenRef", "assessmentDate", "decision",
				"status", "tier", "responsibleArea", "compareDecision", "compareStatus", "compareTier",
				"compareResponsibleArea", "period");
		List<Row> classes = LocalSpark.session()
			.read()
			.parquet(jobOutput.resolve("decision-classes").toString())
			.collectAsList();
		// far fewer classes than rows, every class used, each with its deciding rules
		long used = decisions.select("decision").distinct().count()
				+ decisions.select("compareDecision").distinct().count();
		assertThat(classes).hasSize((int) used).hasSizeLessThan(300);
		assertThat(classes)
			.allSatisfy((row) -> assertThat(row.<Object>getList(row.fieldIndex("ruleIds"))).isNotEmpty());
		// each batch line's flags and rule ids are its class's
		Map<Long, Row> byId = new HashMap<>();
		classes.forEach((row) -> byId.put(row.getLong(row.fieldIndex("decision")), row));
		Map<String, Long> classOf = new HashMap<>();
		decisions.select("citizenRef", "decision")
			.collectAsList()
			.forEach((row) -> classOf.put(row.getString(0), row.getLong(1)));
		for (String line : batchLines) {
			JsonNode response = JSON.readTree(line);
			Row decisionClass = byId.get(classOf.get(response.get("citizenRef").stringValue()));
			List<String> flags = new ArrayList<>();
			response.get("flags").forEach((flag) -> flags.add(flag.stringValue()));
			flags.sort(null);
			assertThat(decisionClass.<String>getList(decisionClass.fieldIndex("flags"))).isEqualTo(flags);
			assertThat(decisionClass.getString(decisionClass.fieldIndex("status")))
				.isEqualTo(response.get("status").stringValue());
		}
	}

	private static Map<String, String> byCitizenRef(List<String> lines) {
		Map<String, String> byRef = new HashMap<>();
		for (String line : lines) {
			byRef.put(JSON.readTree(line).get("citizenRef").stringValue(), line);
		}
		return byRef;
	}

	private static Map<String, Map<String, Long>> matrix(JsonNode node) {
		Map<String, Map<String, Long>> matrix = new TreeMap<>();
		node.properties().forEach((entry) -> matrix.put(entry.getKey(), counts(entry.getValue())));
		return matrix;
	}

	private static Map<String, Long> counts(JsonNode node) {
		Map<String, Long> counts = new TreeMap<>();
		node.properties().forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
		return counts;
	}

	// the batch lists every value, with zeros; the job only those that occur
	private static Map<String, Long> nonZero(JsonNode node) {
		Map<String, Long> counts = counts(node);
		counts.values().removeIf((count) -> count == 0);
		return counts;
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
