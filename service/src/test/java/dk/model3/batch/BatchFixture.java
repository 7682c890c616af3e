package dk.model3.batch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dk.model3.response.ResponseJson;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import tools.jackson.databind.JsonNode;

/** The rule versions of the repository, loaded once, and a way to run a batch on them. */
final class BatchFixture {

	static final Path POPULATION = Path.of("../fixtures/population-2500.jsonl");

	static final LocalDate TODAY = LocalDate.parse("2024-03-01");

	private static RuleVersions versions;

	private BatchFixture() {
	}

	static synchronized RuleVersions versions() {
		if (versions == null) {
			versions = new RuleVersions();
			new RuleLoader(RuleFolders.inDirectory(Path.of("../rules"))).loadAll(versions);
		}
		return versions;
	}

	static Batch.Options options(Path input, Path output) {
		return new Batch.Options(input, null, output, null, null, TODAY, 2, 100, true, Progress.Mode.NONE);
	}

	static BatchRun.Totals run(Batch.Options options) throws Exception {
		PrintStream messages = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		return Batch.run(versions(), options, messages);
	}

	static List<String> lines(Path file) throws Exception {
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}

	static JsonNode json(Path file) throws Exception {
		return ResponseJson.mapper().readTree(file.toFile());
	}

}
