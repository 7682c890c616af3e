package dk.model3.spark;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job runs only the rule versions the evaluator named, by checksum: a folder whose
 * files differ by one byte is refused before any data is read or any output written.
 */
class ChecksumTests {

	@TempDir
	Path work;

	@Test
	void refusesToStartWhenAShippedVersionHasAnotherChecksum() throws Exception {
		Path out = this.work.resolve("out");
		String wrong = "sha256:" + "0".repeat(64);
		assertThatThrownBy(() -> EvaluationJob.run(LocalSpark.session(),
				new JobSettings(LocalSpark.REPO.resolve("fixtures/panel/panel-6x4.jsonl").toString(), null,
						out.toString(), LocalSpark.RULES, new JobSettings.VersionPin("2021.03", wrong), null, false)))
			.isInstanceOf(ChecksumMismatch.class)
			.hasMessageContaining("rule version 2021.03")
			.hasMessageContaining("has checksum " + LocalSpark.pin("2021.03").checksum())
			.hasMessageContaining("not the " + wrong);
		assertThat(out).doesNotExist();
	}

	@Test
	void refusesAComparedVersionWhoseFilesWereEditedAfterTheChecksumWasTaken() throws Exception {
		Path rules = this.work.resolve("rules");
		Files.createDirectories(rules.resolve("2023.01"));
		Files.copy(LocalSpark.RULES.resolve("sources.yaml"), rules.resolve("sources.yaml"));
		try (var files = Files.list(LocalSpark.RULES.resolve("2023.01"))) {
			for (Path file : files.toList()) {
				Files.copy(file, rules.resolve("2023.01").resolve(file.getFileName()));
			}
		}
		Files.writeString(rules.resolve("2023.01/flags.drl"), "\n// edited\n", java.nio.file.StandardOpenOption.APPEND);
		Path out = this.work.resolve("out");
		assertThatThrownBy(() -> EvaluationJob.run(LocalSpark.session(),
				new JobSettings(LocalSpark.REPO.resolve("fixtures/panel/panel-6x4.jsonl").toString(), null,
						out.toString(), rules, LocalSpark.pin("2023.01"), null, false)))
			.isInstanceOf(ChecksumMismatch.class)
			.hasMessageContaining("rule version 2023.01");
		assertThat(out).doesNotExist();
	}

}
