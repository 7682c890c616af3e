package dk.model3.authoring;

import java.nio.file.Files;
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
		Files.writeString(flags, Files.readString(flags) + """

				rule "F-09 A citizen of 126 or over carries no flag at all"
					@id("F-09")
					@source("000_376bb355f2c46007.txt")
					@section("15-17 årige")
					@da("Ingen.")
					@en("None.")
				when
					Profile( age > 125 )
				then
					insert(new FlagRaised(Flag.MEASURES_SENTENCE));
				end
				""");
		int line = RuleCopies.lineOf(flags, "rule \"F-09");

		CommandRun run = CommandRun.of(new CoverageCommand(), "--rules-dir", rules.toString(), "--min", "100",
				"2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("Never fired:")
			.contains(flags + ":" + line + ":1: F-09 is fired by no scenario")
			.contains("below the minimum of 100.0%");
	}

}
