package dk.model3.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's answers, held line by line to copies taken from the corrected rules before
 * the engine was made fast (commit "Golden copies …"): every scenario, the README's table
 * of one request per kind of outcome, and 2,000 profiles drawn from the whole input
 * space, each as the full contract response plus every rule that fired. Any change to an
 * answer, a word of an explanation or the order of the rules fails here.
 *
 * <p>
 * A deliberate change to the rules rewrites the copies with
 * {@code mvn -o -B verify -pl core -Dtest=GoldenAnswersTests -Dgolden.write=true}; the
 * diff of {@code core/src/test/resources/golden/} then shows every answer that moved.
 */
class GoldenAnswersTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	static final long SEED = 20261123L;

	@TestFactory
	Stream<DynamicTest> answersAsTheGoldenCopies() {
		return RepoRules.versions()
			.stream()
			.map(RuleVersionFiles::folder)
			.flatMap((version) -> Stream.of(golden(version, "scenarios", GoldenAnswers::scenarios),
					golden(version, "readme", GoldenAnswers::readme), golden(version, "sample",
							(rules) -> GoldenAnswers.sampled(rules, GoldenAnswers.sample(SEED, 2_000)))));
	}

	private static DynamicTest golden(String version, String kind, Function<CompiledRules, List<String>> answers) {
		Path file = GOLDEN.resolve(kind + "-" + version + ".jsonl.gz");
		return DynamicTest.dynamicTest(kind + " of " + version + " as " + file.getFileName(), () -> {
			List<String> actual = answers.apply(RepoRules.compiled(version));
			if (Boolean.getBoolean("golden.write")) {
				write(file, actual);
			}
			List<String> expected = read(file);
			assertThat(actual).hasSameSizeAs(expected);
			for (int i = 0; i < expected.size(); i++) {
				assertThat(actual.get(i)).as("%s line %d", file, i + 1).isEqualTo(expected.get(i));
			}
		});
	}

	static List<String> read(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return Arrays.asList(text.split("\n"));
		}
	}

	static void write(Path file, List<String> lines) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
		}
	}

}
