package dk.model3.authoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dk.model3.facts.Benefit;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.ProfileClasses;
import dk.model3.rules.check.CheckReport;
import dk.model3.rules.check.CompletenessCheck;
import dk.model3.rules.check.ProfileSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completeness check on a small sub-space (a few ages on either side of each
 * threshold, one problem at most): cheap enough for every build. The full proof is the
 * {@code check} command, run by hand (see rules/README.md).
 */
class CompletenessCheckTests {

	// ages around each threshold: 15, 18, 25/26, 29/30
	static final ProfileSpace SMALL = ProfileSpace.aroundThresholds();

	@TempDir
	Path temp;

	@Test
	void enumeratesEveryCombinationOfTheBoundedSpace() {
		ProfileSpace space = ProfileSpace.bounded();

		// 38 ages, 11 benefits, 4 potentials, 1 + 14 + 91 + 364 problem sets, 16, 4
		assertThat(space.size()).isEqualTo(38L * 11 * 4 * 470 * 16 * 4);
		assertThat(space.problemSets()).hasSize(470).doesNotHaveDuplicates();
		List<dk.model3.facts.Profile> slice = new ArrayList<>();
		space.forEach(space.slices().get(0), slice::add);
		assertThat(slice).hasSize(4 * 470 * 16 * 4).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void findsNoGapConflictOrWhyNotMismatchInTheShippedVersions(String version) {
		CompiledRules rules = RuleCopies.compile(RuleCopies.RULES, version);

		CheckReport report = CompletenessCheck.run(rules, SMALL, (progress) -> {
		});

		assertThat(report.profiles()).isEqualTo(SMALL.size());
		assertThat(report.gaps().count()).isZero();
		assertThat(report.conflictCount()).isZero();
		assertThat(report.whyNotViolationCount()).isZero();
		assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SMALL.size());
	}

	/** The full proof of every shipped version, on every build: seconds, not hours. */
	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void provesTheShippedVersionsOverTheWholeInputSpace(String version) {
		CompiledRules rules = RuleCopies.compile(RuleCopies.RULES, version);

		CheckReport report = CompletenessCheck.run(rules, ProfileSpace.bounded(), (progress) -> {
		});

		assertThat(report.classes()).isPositive();
		assertThat(report.profiles()).isEqualTo(ProfileClasses.spaceSize());
		assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(ProfileClasses.spaceSize());
		assertThat(report.passed())
			.as("gaps %s, conflicts %s, why-not %s, dead %s", report.gaps().count(), report.conflicts().keySet(),
					report.whyNotViolations().keySet(), report.deadRules())
			.isTrue();
	}

	@Test
	void findsAGapWhereTheBoundedSpaceHasNoProfile() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		// TB-04 no longer covers ages 101-110, none of which the bounded space lists
		RuleCopies.edit(tiers, "\tBrainInjuryScheme()\n\tnot Complex()\nthen",
				"\tBrainInjuryScheme()\n\tnot Complex()\n\tProfile( age <= 100 || age > 110 )\nthen");

		CheckReport report = CompletenessCheck.run(RuleCopies.compile(rules, "2021.03"), ProfileSpace.bounded(),
				(progress) -> {
				});

		assertThat(report.classes()).isPositive();
		assertThat(report.gaps().count()).isPositive();
		assertThat(report.gaps().examples()).isNotEmpty().allSatisfy((example) -> {
			assertThat(example.profile().age()).isBetween(101, 110);
			assertThat(example.profile().brainInjuryCoordination()).isTrue();
			assertThat(example.trace().outcomes()).isEmpty();
		});
		assertThat(report.passed()).isFalse();
	}

	@Test
	void reportsAnOverlapWithTheRulesAndTheirLocation() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		RuleCopies.edit(tiers, "\tComplex()\n\tnot VeryComplex()\n\tLabourMarketBenefit()",
				"\tComplex()\n\tLabourMarketBenefit()");
		int t1 = RuleCopies.lineOf(tiers, "rule \"T1-01");
		int t2 = RuleCopies.lineOf(tiers, "rule \"T2-01");

		CommandRun run = CommandRun.of(new CheckCommand(), "--rules-dir", rules.toString(), "--ages", "20",
				"--max-problems", "1", "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("get an outcome from each of T2-01 and T1-01")
			.contains(tiers + ":" + t1 + ":1: T1-01")
			.contains(tiers + ":" + t2 + ":1: T2-01")
			.contains("-> PLACED CROSS_SECTOR (EMPLOYMENT) and PLACED EMPLOYMENT_ONLY (EMPLOYMENT)")
			.containsPattern("FAILED: 0 gaps, [1-9][\\d,]* conflicts");
	}

	@Test
	void reportsAGapWithTheProfilesThatFallThrough() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		// TB-04 (the brain-injury scheme, not complex) no longer covers cash benefit
		RuleCopies.edit(tiers, "\tBrainInjuryScheme()\n\tnot Complex()\nthen",
				"\tBrainInjuryScheme()\n\tnot Complex()\n\tProfile( benefit != Benefit.CASH_BENEFIT )\nthen");

		CheckReport report = CompletenessCheck.run(RuleCopies.compile(rules, "2021.03"), SMALL, (progress) -> {
		});

		assertThat(report.gaps().count()).isPositive();
		assertThat(report.gaps().examples()).allSatisfy((example) -> {
			assertThat(example.profile().benefit()).isEqualTo(Benefit.CASH_BENEFIT);
			assertThat(example.profile().brainInjuryCoordination()).isTrue();
			assertThat(example.trace().outcomes()).isEmpty();
		});
		assertThat(report.passed()).isFalse();
	}

	@Test
	void reportsADeadRuleAndAWhyNotMismatch() throws Exception {
		Path rules = RuleCopies.copy(this.temp);
		Path flags = rules.resolve("2021.03/flags.drl");
		RuleCopies.addNeverFiringRule(flags);
		Path whyNot = rules.resolve("2021.03/whynot.drl");
		RuleCopies.edit(whyNot, "\tChild()\nthen\n\tinsert(new TierRuledOut(Tier.CROSS_SECTOR));",
				"\tChild()\n\tProfile( age > 13 )\nthen\n\tinsert(new TierRuledOut(Tier.CROSS_SECTOR));");
		int line = RuleCopies.lineOf(flags, "rule \"F-99");

		CommandRun run = CommandRun.of(new CheckCommand(), "--rules-dir", rules.toString(), "--ages", "10,20",
				"--max-problems", "1", "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(flags + ":" + line + ":1: F-99 never fires")
			.contains("no why-not rule fired for CROSS_SECTOR, a tier not given")
			.contains("\"age\": 10");
	}

	@Test
	void refusesToCheckOrDiffAVersionThatDoesNotCompile() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		RuleCopies.edit(tiers, "\tVeryComplex()\n\tProfile( employmentPotential == EmploymentPotential.PRESENT )\nthen",
				"\tVeryComplex()\n\tProfile( employmentPotential == EmploymentPotential.PRESENT \nthen");

		CommandRun check = CommandRun.of(new CheckCommand(), "--rules-dir", rules.toString(), "--ages", "20",
				"2021.03");
		CommandRun diff = CommandRun.of(new DiffCommand(), "--rules-dir", rules.toString(), "--ages", "20", "2021.03",
				"2023.01");

		for (CommandRun run : List.of(check, diff)) {
			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(tiers.toString()) + ":\\d+:\\d+: ")
				.contains("cannot be published")
				.doesNotContain("Checked");
		}
	}

}
