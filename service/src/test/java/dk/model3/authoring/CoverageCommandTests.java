package dk.model3.authoring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageCommandTests {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void firesEveryRuleOfTheShippedVersions(String version) {
		CommandRun run = CommandRun.of(new CoverageCommand(), "--rules-dir", "../rules", "--min", "100", version);

		assertThat(run.exitCode()).as(run.out()).isZero();
		assertThat(run.out()).containsPattern("(\\d+) of \\1 rules fired \\(100\\.0%\\)").doesNotContain("Never fired");
	}

	@Test
	void listsARuleNoScenarioFiresAndFailsBelowTheMinimum() throws Exception {
		Path rules = RuleCopies.copy(this.temp);
		Path flags = rules.resolve("2021.03/flags.drl");
		RuleCopies.addNeverFiringRule(flags);
		int line = RuleCopies.lineOf(flags, "rule \"F-99");

		CommandRun run = CommandRun.of(new CoverageCommand(), "--rules-dir", rules.toString(), "--min", "100",
				"2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("Never fired:")
			.contains(flags + ":" + line + ":1: F-99 is fired by no scenario")
			.contains("below the minimum of 100.0%");
	}

}
