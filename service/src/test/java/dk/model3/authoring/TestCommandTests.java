package dk.model3.authoring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTests {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void passesTheScenariosOfTheShippedVersions(String version) {
		CommandRun run = CommandRun.of(new TestCommand(), "--rules-dir", "../rules", version);

		assertThat(run.exitCode()).as(run.out()).isZero();
		assertThat(run.out()).containsPattern(version + ": (\\d+) of \\1 scenarios passed\\.");
	}

	@Test
	void printsAFailingCaseWithExpectedActualAndTheRulesThatDecided() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		// the overlap: complex problems no longer exclude very complex ones
		RuleCopies.edit(tiers, "\tComplex()\n\tnot VeryComplex()\n\tLabourMarketBenefit()",
				"\tComplex()\n\tLabourMarketBenefit()");

		CommandRun run = CommandRun.of(new TestCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(rules.resolve("2021.03/scenarios.yaml") + ":")
			.contains("FAILED: ")
			.contains("gave 2 outcomes (rules T2-01, T1-01)")
			.containsPattern("\\d+ of \\d+ scenarios passed, \\d+ failed\\.");
	}

	@Test
	void printsExpectedAgainstActual() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		// T2-01's consequence (T2-02 ends alike, on the other benefits)
		RuleCopies.edit(tiers,
				"benefit != Benefit.JOB_CLARIFICATION_BENEFIT )\nthen\n\tinsert(Outcome.placed(Tier.CROSS_SECTOR, Area.EMPLOYMENT));",
				"benefit != Benefit.JOB_CLARIFICATION_BENEFIT )\nthen\n\tinsert(Outcome.placed(Tier.CROSS_SECTOR, Area.SOCIAL));");

		CommandRun run = CommandRun.of(new TestCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("responsibleArea: expected EMPLOYMENT, got SOCIAL")
			.contains("rules that decided: ")
			.contains("T2-01");
	}

}
