package dk.model3.rules.check;

import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RepoRules;
import dk.model3.rules.language.RuleFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CompletenessRecordsTests {

	@Test
	void knowsAPassedCheckByItsExactChecksumOnly(@TempDir Path dir) throws Exception {
		Path rules = RuleCopies.copy(dir);
		Files.deleteIfExists(rules.resolve(CompletenessRecords.FILE));
		RuleFolders folders = RuleFolders.inDirectory(rules);
		CompiledRules compiled = RuleCopies.compile(rules, "2023.01");
		assertThat(CompletenessRecords.passed(folders)).doesNotContain(compiled.checksum());

		assertThat(CompletenessRecords.record(folders, compiled, 50_293_760)).isTrue();

		assertThat(CompletenessRecords.passed(folders)).containsExactly(compiled.checksum());
		assertThat(Files.readString(rules.resolve(CompletenessRecords.FILE)))
			.startsWith(compiled.checksum() + " 2023.01 passed 50293760 profiles ");
		RuleCopies.edit(rules.resolve("2023.01/tiers.drl"), "// Which outcome", "// Edited: which outcome");
		assertThat(CompletenessRecords.passed(folders)).doesNotContain(RuleCopies.compile(rules, "2023.01").checksum());
	}

	@Test
	void keepsOneLinePerVersionSoACheckRunTwiceAddsNoDuplicate(@TempDir Path dir) throws Exception {
		Path rules = RuleCopies.copy(dir);
		RuleFolders folders = RuleFolders.inDirectory(rules);
		CompiledRules compiled = RuleCopies.compile(rules, "2023.01");
		String before = Files.readString(rules.resolve(CompletenessRecords.FILE));

		CompletenessRecords.record(folders, compiled, 7);
		CompletenessRecords.record(folders, compiled, 7);

		String after = Files.readString(rules.resolve(CompletenessRecords.FILE));
		assertThat(after.lines().filter((line) -> line.contains(" 2023.01 passed "))).hasSize(1)
			.allSatisfy((line) -> assertThat(line).startsWith(compiled.checksum() + " 2023.01 passed 7 profiles "));
		assertThat(after.lines().filter((line) -> line.contains(" 2021.03 passed ")))
			.containsExactlyElementsOf(before.lines().filter((line) -> line.contains(" 2021.03 passed ")).toList());
		assertThat(CompletenessRecords.withLine("a 2021.03 passed 1 profiles t\nb 2023.01 passed 1 profiles t\n",
				"c 2023.01 passed 2 profiles u\n"))
			.isEqualTo("a 2021.03 passed 1 profiles t\nc 2023.01 passed 2 profiles u\n");
	}

	@Test
	void neverWritesThePackagedRules() {
		assertThat(CompletenessRecords.record(RuleFolders.packaged(), RepoRules.compiled("2021.03"), 1)).isFalse();
	}

}
