package dk.model3.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dk.model3.response.ResponseJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch --explain full|ids|none} through the command, on the committed population:
 * {@code full} (the default) writes the whole response, {@code ids} the outcome with the
 * deciding rule ids, {@code none} the outcome alone; each short line says what the whole
 * response for the same line says.
 */
class BatchExplainCommandTests {

	private static final List<String> IDS = List.of("citizenRef", "status", "tier", "responsibleArea", "flags",
			"warnings", "rulesVersion", "rulesChecksum", "ruleIds");

	@TempDir
	Path dir;

	private final JsonMapper mapper = ResponseJson.mapper();

	private int batch(String output, String... explain) {
		return batch(BatchFixture.POPULATION, output, explain);
	}

	private int batch(Path input, String output, String... explain) {
		List<String> args = new ArrayList<>(List.of(input.toString(), "-o", this.dir.resolve(output).toString(),
				"--rules", "2023.01", "--compare", "2021.03", "--rules-dir", "../rules", "--date", "2024-03-01",
				"--progress", "NONE", "--threads", "2"));
		args.addAll(List.of(explain));
		return new CommandLine(new BatchCommand()).execute(args.toArray(new String[0]));
	}

	private List<JsonNode> lines(String output) throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : BatchFixture.lines(this.dir.resolve(output))) {
			lines.add(this.mapper.readTree(line));
		}
		return lines;
	}

	@Test
	void writesTheWholeResponseByDefaultAndWithFull() throws Exception {
		assertThat(batch("default.jsonl")).isZero();
		assertThat(batch("full.jsonl", "--explain", "full")).isZero();

		assertThat(BatchFixture.lines(this.dir.resolve("full.jsonl")))
			.isEqualTo(BatchFixture.lines(this.dir.resolve("default.jsonl")));
		assertThat(lines("full.jsonl")).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.has("explanation") && line.has("whyNot") && line.has("nextStep"))
				.isTrue());
		assertThat(BatchFixture.json(this.dir.resolve("full.summary.json")).path("explain").asString())
			.isEqualTo("full");
	}

	@Test
	void writesTheOutcomeAndTheDecidingRuleIdsWithIds() throws Exception {
		assertThat(batch("full.jsonl")).isZero();
		assertThat(batch("ids.jsonl", "--explain", "ids")).isZero();

		List<JsonNode> full = lines("full.jsonl");
		List<JsonNode> ids = lines("ids.jsonl");
		assertThat(ids).hasSameSizeAs(full);
		for (int i = 0; i < full.size(); i++) {
			JsonNode line = ids.get(i);
			assertThat(names(line)).as("line %d", i + 1).isEqualTo(IDS);
			for (String field : IDS.subList(0, IDS.size() - 1)) {
				assertThat(line.get(field)).as("%s of line %d", field, i + 1).isEqualTo(full.get(i).get(field));
			}
			List<String> deciding = new ArrayList<>();
			full.get(i).path("explanation").forEach((rule) -> deciding.add(rule.path("ruleId").asString()));
			assertThat(texts(line.path("ruleIds"))).as("ruleIds of line %d", i + 1).isEqualTo(deciding);
		}
		// the summary, the rejects and the changed rows do not depend on what a line
		// holds
		for (String part : List.of("lines", "results", "comparison", "rejectsByKind")) {
			assertThat(BatchFixture.json(this.dir.resolve("ids.summary.json")).path(part)).as(part)
				.isEqualTo(BatchFixture.json(this.dir.resolve("full.summary.json")).path(part));
		}
		assertThat(BatchFixture.lines(this.dir.resolve("ids.changed.jsonl")))
			.isEqualTo(BatchFixture.lines(this.dir.resolve("full.changed.jsonl")));
	}

	@Test
	void writesTheOutcomeWithoutRuleIdsWithNone() throws Exception {
		assertThat(batch("ids.jsonl", "--explain", "ids")).isZero();
		assertThat(batch("none.jsonl", "--explain", "none")).isZero();

		List<JsonNode> ids = lines("ids.jsonl");
		List<JsonNode> none = lines("none.jsonl");
		assertThat(none).hasSameSizeAs(ids);
		for (int i = 0; i < ids.size(); i++) {
			assertThat(names(none.get(i))).isEqualTo(IDS.subList(0, IDS.size() - 1));
			JsonNode expected = ids.get(i).deepCopy();
			((tools.jackson.databind.node.ObjectNode) expected).remove("ruleIds");
			assertThat(none.get(i)).isEqualTo(expected);
		}
	}

	@Test
	void keepsTheWarningsInAShortLine() throws Exception {
		Path input = this.dir.resolve("implausible.jsonl");
		Files.writeString(input,
				"""
						{"citizenRef":"w-1","age":70,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["ANXIETY"]}
						{"citizenRef":"w-2","age":40,"benefit":"CASH_BENEFIT","problems":["ANXIETY"]}
						""");
		assertThat(batch(input, "none.jsonl", "--explain", "none")).isZero();

		List<JsonNode> lines = lines("none.jsonl");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).path("citizenRef").asString()).isEqualTo("w-1");
		assertThat(texts(lines.get(0).path("warnings").path(0).path("fields"))).containsExactly("age", "benefit");
		assertThat(lines.get(0).path("warnings").path(0).path("text").path("da").asString()).contains("kontanthjælp");
		assertThat(lines.get(1).path("warnings").isArray() && lines.get(1).path("warnings").isEmpty()).isTrue();
	}

	@Test
	void refusesAnotherModeBeforeWritingAnything() {
		assertThat(batch("wrong.jsonl", "--explain", "some")).isEqualTo(2);
		assertThat(Files.exists(this.dir.resolve("wrong.jsonl"))).isFalse();
		assertThat(Files.exists(this.dir.resolve("wrong.summary.json"))).isFalse();
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asString()));
		return texts;
	}

}
