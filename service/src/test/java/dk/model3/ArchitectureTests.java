package dk.model3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Boundaries between packages that the compiler cannot enforce. */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src", "main", "java", "dk", "model3");

	@Test
	void onlyTheRulesPackageTouchesTheRuleEngine() throws IOException {
		assertThat(sourcesContaining("import org.kie.", "import org.drools."))
			.allSatisfy((file) -> assertThat(SOURCES.relativize(file).toString()).startsWith("rules"));
	}

	@Test
	void noJavaDecidesATierOrAFlag() throws IOException {
		// outcomes and flags are recorded by rules only: Java may read them, never create
		// them
		assertThat(sourcesContaining("Outcome.placed(", "Outcome.outOfScope(", "Outcome.manualReview(",
				"new FlagRaised(", "new TierRuledOut("))
			.isEmpty();
	}

	private static List<Path> sourcesContaining(String... needles) throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.startsWith(SOURCES.resolve("facts")))
				.filter((file) -> contains(file, needles))
				.toList();
		}
	}

	private static boolean contains(Path file, String... needles) {
		try {
			String source = Files.readString(file);
			return Stream.of(needles).anyMatch(source::contains);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
