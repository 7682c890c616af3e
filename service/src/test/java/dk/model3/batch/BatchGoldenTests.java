package dk.model3.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch output of the committed population under each shipped version, byte for byte
 * as the copies taken from the corrected rules before the engine was made fast. With
 * {@code BatchApiIntegrationTests} (the API's bytes equal the batch's), this also holds
 * the HTTP answers. {@code -Dgolden.write=true} rewrites the copies after a deliberate
 * change to the rules.
 */
class BatchGoldenTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void writesTheGoldenOutputForEveryLineOfThePopulation(String version) throws Exception {
		Path out = this.dir.resolve("out.jsonl");
		BatchRun.Totals totals = BatchFixture.run(new Batch.Options(BatchFixture.POPULATION, null, out, version, null,
				BatchFixture.TODAY, 2, 100, true, Progress.Mode.NONE));
		assertThat(totals.rejected).isZero();
		List<String> actual = BatchFixture.lines(out);
		Path golden = GOLDEN.resolve("population-2500." + version + ".jsonl.gz");
		if (Boolean.getBoolean("golden.write")) {
			write(golden, actual);
		}
		List<String> expected = read(golden);
		assertThat(actual).hasSize(2500).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(actual.get(i)).as("line %d under %s", i + 1, version).isEqualTo(expected.get(i));
		}
	}

	static List<String> read(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
		}
	}

	static void write(Path file, List<String> lines) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
		}
	}

}
