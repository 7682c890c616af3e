package dk.model3.population;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationGeneratorTests {

	static final Path COMMITTED = Path.of("../fixtures/population-2500.jsonl");

	@TempDir
	Path dir;

	@Test
	void regeneratesTheCommittedPopulationByteForByte() throws Exception {
		Path regenerated = this.dir.resolve("population.jsonl");
		PopulationFile.write(regenerated, 2021, 2500, LocalDate.parse("2022-06-01"), "NDJ");
		assertThat(Files.mismatch(regenerated, COMMITTED)).isEqualTo(-1);
	}

	@Test
	void sameSeedGivesTheSameFileAndAnotherSeedAnother() throws Exception {
		Path a = this.dir.resolve("a.csv");
		Path b = this.dir.resolve("b.csv");
		Path c = this.dir.resolve("c.csv");
		PopulationFile.write(a, 5, 300, LocalDate.parse("2023-06-01"), "X");
		PopulationFile.write(b, 5, 300, LocalDate.parse("2023-06-01"), "X");
		PopulationFile.write(c, 6, 300, LocalDate.parse("2023-06-01"), "X");
		assertThat(Files.mismatch(a, b)).isEqualTo(-1);
		assertThat(Files.mismatch(a, c)).isNotEqualTo(-1);
		assertThat(Files.readAllLines(a)).hasSize(301).first().isEqualTo(Citizen.CSV_HEADER);
	}

	@Test
	void segmentWeightsAddUpToTheWholePopulation() {
		assertThat(PopulationGenerator.segments().stream().mapToInt((segment) -> segment.perMille).sum())
			.isEqualTo(1000);
	}

	@Test
	void leavesNoFileWhenNothingIsComplete() throws Exception {
		Path target = this.dir.resolve("missing-dir-is-created/pop.jsonl.gz");
		PopulationFile.write(target, 1, 10, LocalDate.parse("2022-06-01"), "T");
		assertThat(target).exists();
		assertThat(target.resolveSibling("pop.jsonl.gz.partial")).doesNotExist();
	}

}
