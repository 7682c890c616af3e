package dk.model3.batch;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dk.model3.response.ResponseJson;
import dk.model3.response.ResponseTemplates;
import dk.model3.authoring.RuleCopies;
import dk.model3.facts.Flag;
import dk.model3.population.PopulationFile;
import dk.model3.request.RequestReader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.triage.JsonBodyReader;
import dk.model3.triage.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchTests {

	@TempDir
	Path dir;

	private final JsonMapper mapper = ResponseJson.mapper();

	@Test
	void reproducesTheTriageServiceForEveryLineOfTheCommittedPopulation() throws Exception {
		Path out = this.dir.resolve("out.jsonl");
		BatchRun.Totals totals = BatchFixture.run(BatchFixture.options(BatchFixture.POPULATION, out));
		List<String> input = BatchFixture.lines(BatchFixture.POPULATION);
		List<String> output = BatchFixture.lines(out);
		Triage triage = new Triage(BatchFixture.versions(),
				Clock.fixed(BatchFixture.TODAY.atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant(),
						ZoneId.of("Europe/Copenhagen")));
		JsonBodyReader reader = new JsonBodyReader();
		assertThat(output).hasSize(input.size());
		for (int i = 0; i < input.size(); i++) {
			String expected = this.mapper.writeValueAsString(
					triage.triage(RequestReader.read(reader.read(input.get(i).getBytes(StandardCharsets.UTF_8)))));
			assertThat(output.get(i)).as("line %d", i + 1).isEqualTo(expected);
		}
		assertThat(totals.in).isEqualTo(2500);
		assertThat(totals.rejected).isZero();
	}

	@Test
	void classifiesTheCommittedPopulationNearTheMemosSizes() throws Exception {
		Path out = this.dir.resolve("out.jsonl");
		BatchFixture.run(new Batch.Options(BatchFixture.POPULATION, null, out, "2021.03", null, BatchFixture.TODAY, 2,
				500, true, Progress.Mode.NONE));
		JsonNode summary = BatchFixture.json(this.dir.resolve("out.summary.json"));
		for (JsonNode expected : summary.path("expectedSizes")) {
			assertThat(expected.path("actual").path("2021.03").path("met").asBoolean())
				.as("%s expected %s", expected.path("tier").asString(), expected.path("expected").asString())
				.isTrue();
		}
		assertThat(summary.path("results").path("2021.03").path("rulesVersions").path("2021.03").asLong())
			.isEqualTo(2500);
	}

	@Test
	void comparisonWith2023ShowsTheJointPlanAndKuiChanges() throws Exception {
		Path out = this.dir.resolve("cmp.jsonl");
		BatchRun.Totals totals = BatchFixture.run(new Batch.Options(BatchFixture.POPULATION, null, out, "2021.03",
				"2023.01", BatchFixture.TODAY, 2, 100, true, Progress.Mode.NONE));
		List<JsonNode> changed = new ArrayList<>();
		for (String line : BatchFixture.lines(this.dir.resolve("cmp.changed.jsonl"))) {
			changed.add(this.mapper.readTree(line));
		}
		assertThat(changed).isNotEmpty().hasSize((int) totals.comparison.changed);
		assertThat(totals.comparison.gained[Flag.JOINT_PLAN_OFFER.ordinal()]).isPositive();
		assertThat(totals.comparison.gained[Flag.KUI_NETWORK_MEETING.ordinal()]).isPositive();
		long moved = 0;
		for (JsonNode row : changed) {
			String before = row.path("before").path("status").asString() + row.path("before").path("tier").asString();
			String after = row.path("after").path("status").asString() + row.path("after").path("tier").asString();
			if (!before.equals(after)) {
				moved++;
			}
			List<String> gained = new ArrayList<>();
			row.path("flagsGained").forEach((flag) -> gained.add(flag.asString()));
			List<String> rules = new ArrayList<>();
			row.path("rulesOnlyAfter").forEach((rule) -> rules.add(rule.asString()));
			if (gained.isEmpty()) {
				// 2023.01 also reads one problem with two or more departments, or an
				// adult's Social Services Act measures on a labour-market benefit, as
				// complex
				assertThat(after).isNotEqualTo(before);
			}
			if (gained.contains("JOINT_PLAN_OFFER")) {
				// F-04, or F-08 where the committee and the joint plan meet (25-29)
				assertThat(rules).containsAnyOf("F-04", "F-08");
			}
			if (gained.contains("TRANSITION_TO_ADULTHOOD")) {
				assertThat(rules).contains("F-06");
			}
			if (gained.contains("KUI_NETWORK_MEETING")) {
				assertThat(rules).contains("F-05");
			}
			assertThat(row.path("before").path("rulesVersion").asString()).isEqualTo("2021.03");
			assertThat(row.path("after").path("rulesVersion").asString()).isEqualTo("2023.01");
		}
		JsonNode summary = BatchFixture.json(this.dir.resolve("cmp.summary.json"));
		long diagonal = 0;
		for (var row : summary.path("comparison").path("transitions").properties()) {
			diagonal += row.getValue().path(row.getKey()).asLong();
		}
		assertThat(moved).isPositive();
		assertThat(diagonal).isEqualTo(2500 - moved);
		assertThat(this.dir.resolve("cmp.report.html")).content().contains("JOINT_PLAN_OFFER", "<svg");
	}

	@Test
	void rejectsEachKindOfBadJsonLineWithItsNumberAndClassifiesTheRest() throws Exception {
		Path out = this.dir.resolve("bad.jsonl");
		BatchRun.Totals totals = BatchFixture.run(BatchFixture.options(Path.of("../fixtures/bad-lines.jsonl"), out));
		Map<Long, String> rejects = rejects(this.dir.resolve("bad.rejects.jsonl"));
		assertThat(rejects).containsExactly(Map.entry(2L, "bad JSON"), Map.entry(4L, "invalid field"),
				Map.entry(5L, "CPR number as reference"), Map.entry(6L, "empty line"), Map.entry(7L, "rule version"),
				Map.entry(8L, "rule version"), Map.entry(9L, "invalid field"), Map.entry(10L, "invalid field"));
		assertThat(refs(out)).containsExactly("B-1", "B-3", "B-11");
		assertThat(totals.in).isEqualTo(11);
		assertThat(totals.in).isEqualTo(totals.out + totals.rejected);
		assertThat(Files.readString(this.dir.resolve("bad.rejects.jsonl"))).doesNotContain("010190");
		JsonNode lines = BatchFixture.json(this.dir.resolve("bad.summary.json")).path("lines");
		assertThat(lines.path("balanced").asBoolean()).isTrue();
		assertThat(lines.path("statement").asString()).isEqualTo("in 11 = out 3 + rejected 8");
	}

	@Test
	void rejectsEachKindOfBadCsvRowWithItsNumberAndClassifiesTheRest() throws Exception {
		Path out = this.dir.resolve("csv.jsonl");
		BatchRun.Totals totals = BatchFixture.run(BatchFixture.options(Path.of("../fixtures/bad-lines.csv"), out));
		Map<Long, String> rejects = rejects(this.dir.resolve("csv.rejects.jsonl"));
		assertThat(rejects).containsExactly(Map.entry(3L, "bad CSV"), Map.entry(4L, "bad CSV"),
				Map.entry(5L, "bad CSV"), Map.entry(6L, "bad CSV"), Map.entry(7L, "CPR number as reference"),
				Map.entry(9L, "invalid field"), Map.entry(10L, "invalid field"));
		assertThat(refs(out)).containsExactly("C-2", "C-8", "C-11");
		// the header is not a data line
		assertThat(totals.in).isEqualTo(10).isEqualTo(totals.out + totals.rejected);
		JsonNode kui = this.mapper.readTree(BatchFixture.lines(out).get(1));
		assertThat(kui.path("flags").toString()).contains("YOUTH_15_17_EXCEPTION", "KUI_NETWORK_MEETING");
	}

	@Test
	void readsCsvAndGzipToTheSameResponsesAsJsonLines() throws Exception {
		Path csv = this.dir.resolve("pop.csv.gz");
		Path jsonl = this.dir.resolve("pop.jsonl");
		PopulationFile.write(csv, 11, 400, LocalDate.parse("2023-03-01"), "G");
		PopulationFile.write(jsonl, 11, 400, LocalDate.parse("2023-03-01"), "G");
		BatchFixture.run(BatchFixture.options(csv, this.dir.resolve("from-csv.jsonl")));
		BatchFixture.run(BatchFixture.options(jsonl, this.dir.resolve("from-jsonl.jsonl")));
		assertThat(BatchFixture.lines(this.dir.resolve("from-csv.jsonl"))).hasSize(400)
			.isEqualTo(BatchFixture.lines(this.dir.resolve("from-jsonl.jsonl")));
	}

	@Test
	void keepsInputOrderWhateverTheThreadsAndChunksAndWithoutTheMemory() throws Exception {
		Path one = this.dir.resolve("one.jsonl");
		Path many = this.dir.resolve("many.jsonl");
		BatchFixture.run(new Batch.Options(BatchFixture.POPULATION, null, one, null, null, BatchFixture.TODAY, 1, 5000,
				false, Progress.Mode.NONE));
		BatchFixture.run(new Batch.Options(BatchFixture.POPULATION, null, many, null, null, BatchFixture.TODAY, 3, 7,
				true, Progress.Mode.NONE));
		assertThat(Files.mismatch(one, many)).isEqualTo(-1);
	}

	@Test
	void usesTheDefaultDateForLinesWithoutOne() throws Exception {
		Path input = this.dir.resolve("nodate.jsonl");
		Files.writeString(input, "{\"citizenRef\":\"D-1\",\"age\":40,\"benefit\":\"CASH_BENEFIT\"}\n");
		Path out = this.dir.resolve("nodate-out.jsonl");
		BatchFixture.run(new Batch.Options(input, null, out, null, null, LocalDate.parse("2022-02-02"), 1, 10, true,
				Progress.Mode.NONE));
		JsonNode response = this.mapper.readTree(BatchFixture.lines(out).get(0));
		assertThat(response.path("assessmentDate").asString()).isEqualTo("2022-02-02");
		assertThat(response.path("rulesVersion").asString()).isEqualTo("2021.03");
	}

	@Test
	void leavesNoFilesWhenTheInputBreaksOff() throws Exception {
		Path input = this.dir.resolve("broken.jsonl.gz");
		byte[] whole;
		try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(Files.readAllBytes(BatchFixture.POPULATION));
			gzip.close();
			whole = bytes.toByteArray();
		}
		Files.write(input, java.util.Arrays.copyOf(whole, whole.length / 2));
		Path out = this.dir.resolve("broken-out.jsonl");
		assertThatThrownBy(() -> BatchFixture.run(BatchFixture.options(input, out)))
			.isInstanceOf(java.io.IOException.class);
		try (var files = Files.list(this.dir)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("broken.jsonl.gz");
		}
	}

	@Test
	@Timeout(120) // before the firing limit, the endless line held its worker for ever
	void rejectsALineTheRulesCannotEvaluateWithItsNumberAndClassifiesTheRest() throws Exception {
		RuleVersions versions = new RuleVersions();
		versions.activate(RuleCopies.compile(endlessOnMeasuresSentence(), "2021.03"));
		Path input = Files.writeString(this.dir.resolve("in.jsonl"),
				"""
						{"citizenRef":"a1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}
						{"citizenRef":"a2","age":33,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["DEVELOPMENTAL_DISABILITY"],"measuresSentence":true}
						{"citizenRef":"a3","age":50,"benefit":"DISABILITY_PENSION"}
						""");
		Path out = this.dir.resolve("out.jsonl");
		BatchRun.Totals totals = Batch.run(versions, BatchFixture.options(input, out),
				new java.io.PrintStream(OutputStream.nullOutputStream()));
		assertThat(totals.in).isEqualTo(3);
		assertThat(totals.out).isEqualTo(2);
		assertThat(BatchFixture.lines(out))
			.extracting((line) -> this.mapper.readTree(line).path("citizenRef").asString())
			.containsExactly("a1", "a3");
		JsonNode reject = this.mapper.readTree(BatchFixture.lines(this.dir.resolve("out.rejects.jsonl")).get(0));
		assertThat(reject.path("line").asLong()).isEqualTo(2);
		assertThat(reject.path("kind").asString()).isEqualTo("cannot be evaluated");
		assertThat(reject.path("reason").asString()).contains("fired more than");
	}

	@Test
	@Timeout(120) // before the fix, the writer waited for ever for the dead reader
	void stopsWithTheReadersErrorWhenReadingFailsMidway() throws Exception {
		byte[] population = Files.readAllBytes(BatchFixture.POPULATION);
		java.io.InputStream failing = new java.io.InputStream() {
			private int at;

			@Override
			public int read() {
				if (this.at == population.length / 2) {
					throw new IllegalStateException("the disk went away");
				}
				return population[this.at++] & 0xff;
			}
		};
		InputFile input = InputFile.read(BatchFixture.POPULATION, null, population.length, failing);
		BatchSettings settings = new BatchSettings(BatchFixture.versions(), null, null, BatchFixture.TODAY);
		Classifier classifier = new Classifier(new ResponseTemplates(this.mapper), false, Batch.MEMORY);
		Outputs outputs = new Outputs(this.dir.resolve("out.jsonl"));
		assertThatThrownBy(() -> new BatchRun(settings, classifier, 2, 100).run(input, outputs,
				new Progress(new java.io.PrintStream(OutputStream.nullOutputStream()), Progress.Mode.NONE,
						population.length, () -> 0, 10_000)))
			.hasMessageContaining("the disk went away");
	}

	private Path endlessOnMeasuresSentence() {
		Path rules = RuleCopies.copy(this.dir);
		try {
			Files.writeString(rules.resolve("2021.03/flags.drl"),
					Files.readString(rules.resolve("2021.03/flags.drl")) + """

							rule "F-99 A measures-sentence flag raises itself again"
								@id("F-99")
								@source("000_376bb355f2c46007.txt")
								@section("15-17 årige")
								@da("Uendelig.")
								@en("Endless.")
							when
								FlagRaised( flag == Flag.MEASURES_SENTENCE )
							then
								insert(new FlagRaised(Flag.MEASURES_SENTENCE));
							end
							""");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return rules;
	}

	@Test
	void refusesAnUnknownVersionToCompareWithBeforeWritingAnything() {
		assertThatThrownBy(() -> BatchFixture.run(new Batch.Options(BatchFixture.POPULATION, null,
				this.dir.resolve("x.jsonl"), null, "1999.01", BatchFixture.TODAY, 1, 10, true, Progress.Mode.NONE)))
			.isInstanceOf(dk.model3.rules.versions.UnknownVersion.class);
		assertThat(this.dir).isEmptyDirectory();
	}

	private Map<Long, String> rejects(Path file) throws Exception {
		Map<Long, String> rejects = new LinkedHashMap<>();
		for (String line : BatchFixture.lines(file)) {
			JsonNode reject = this.mapper.readTree(line);
			assertThat(reject.path("reason").asString()).isNotBlank();
			rejects.put(reject.path("line").asLong(), reject.path("kind").asString());
		}
		return rejects;
	}

	private List<String> refs(Path out) throws Exception {
		List<String> refs = new ArrayList<>();
		for (String line : BatchFixture.lines(out)) {
			refs.add(this.mapper.readTree(line).path("citizenRef").asString());
		}
		return refs;
	}

}
