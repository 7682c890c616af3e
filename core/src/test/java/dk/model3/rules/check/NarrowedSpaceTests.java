package dk.model3.rules.check;

import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RepoRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A narrowed space (the workbench's configured ages and benefits, {@code check --ages})
 * is checked class by class, as the whole space is: it finds what running every profile
 * of it finds, gaps and overlaps included, counted per citizen.
 */
class NarrowedSpaceTests {

	static final ProfileSpace NARROWED = ProfileSpace.aroundThresholds();

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void findsByClassWhatEveryProfileFindsInTheShippedVersions(String version) {
		assertSameFindings(RepoRules.compiled(version));
	}

	@Test
	void findsByClassTheGapAndTheOverlapsEveryProfileFinds() {
		Path rules = RuleCopies.copy(this.temp);
		// a gap: TB-04 (brain-injury scheme, not complex) leaves cash benefit out
		RuleCopies.edit(rules.resolve("2021.03/tiers.drl"), "\tBrainInjuryScheme()\n\tnot Complex()\nthen",
				"\tBrainInjuryScheme()\n\tnot Complex()\n\tProfile( benefit != Benefit.CASH_BENEFIT )\nthen");
		// T1-01 no longer gives way to the very complex: overlaps with T2-01
		RuleCopies.edit(rules.resolve("2021.03/tiers.drl"), "\tComplex()\n\tnot VeryComplex()\n\tLabourMarketBenefit()",
				"\tComplex()\n\tLabourMarketBenefit()");
		CheckReport report = assertSameFindings(RuleCopies.compile(rules, "2021.03"));
		assertThat(report.gaps().count()).isPositive();
		assertThat(report.conflictCount()).isPositive();
	}

	private static CheckReport assertSameFindings(CompiledRules rules) {
		CheckReport byClass = CompletenessCheck.run(rules, NARROWED, (progress) -> {
		});
		CheckReport everyProfile = CompletenessCheck.everyProfile(rules, NARROWED, (progress) -> {
		});
		assertThat(byClass.classes()).as("classes, each run once").isPositive().isLessThan(NARROWED.size() / 3);
		assertThat(byClass.profiles()).isEqualTo(everyProfile.profiles()).isEqualTo(NARROWED.size());
		assertThat(byClass.outcomes()).isEqualTo(everyProfile.outcomes());
		assertThat(byClass.firings()).isEqualTo(everyProfile.firings());
		assertThat(byClass.deadRules()).isEqualTo(everyProfile.deadRules());
		assertThat(byClass.gaps().count()).isEqualTo(everyProfile.gaps().count());
		assertThat(byClass.conflicts().keySet()).isEqualTo(everyProfile.conflicts().keySet());
		assertThat(byClass.conflictCount()).isEqualTo(everyProfile.conflictCount());
		assertThat(byClass.whyNotViolationCount()).isEqualTo(everyProfile.whyNotViolationCount());
		return byClass;
	}

}
