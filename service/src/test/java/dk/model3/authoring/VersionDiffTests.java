package dk.model3.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.DiffReport;
import dk.model3.rules.check.ProfileSpace;
import dk.model3.rules.check.VersionDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class VersionDiffTests {

	static final ProfileSpace SMALL = new ProfileSpace(List.of(16, 24, 27, 40),
			List.of(Benefit.CASH_BENEFIT, Benefit.DISABILITY_PENSION), List.of(EmploymentPotential.values()), 1,
			List.of(0, 2));

	@TempDir
	Path temp;

	@Test
	void findsNoChangeBetweenAVersionAndItself() {
		CompiledRules rules = RuleCopies.compile(RuleCopies.RULES, "2021.03");

		DiffReport report = VersionDiff.compare(rules, rules, SMALL.stream().parallel());

		assertThat(report.profiles()).isEqualTo(SMALL.size());
		assertThat(report.changed()).isZero();
		assertThat(report.transitions()).isEmpty();
		assertThat(report.matrix()
			.values()
			.stream()
			.flatMap((row) -> row.values().stream())
			.mapToLong(Long::longValue)
			.sum()).isEqualTo(SMALL.size());
	}

	@Test
	void showsTheNationalLawAsFlagChangesWithTheRulesThatMadeThem() {
		CompiledRules older = RuleCopies.compile(RuleCopies.RULES, "2021.03");
		CompiledRules newer = RuleCopies.compile(RuleCopies.RULES, "2023.01");

		DiffReport report = VersionDiff.compare(older, newer, SMALL.stream());

		// 2023.01 also reads one problem with two or more departments, or an adult's
		// Social Services Act measures on a labour-market benefit, as complex: the only
		// outcomes that move
		assertThat(report.transitions().values()).isNotEmpty()
			.allSatisfy((examples) -> assertThat(examples.examples()).allSatisfy((change) -> {
				assertThat(change.profile().problems()).hasSize(1);
				assertThat(change.profile().serviceActMeasures() || change.profile().departmentsInvolved() != null
						&& change.profile().departmentsInvolved() >= 2)
					.isTrue();
			}));
		assertThat(report.flagChanges()).containsKeys("+JOINT_PLAN_OFFER", "+KUI_NETWORK_MEETING");
		DiffReport.Change example = report.flagChanges().get("+JOINT_PLAN_OFFER").examples().get(0);
		assertThat(example.profile().age()).isGreaterThan(25);
		// F-04, or F-08 where the committee and the joint plan meet (25-29,
		// cross-sector)
		assertThat(example.differingRules()).containsAnyOf("+F-04", "+F-08");
		assertThat(report.flagChanges().get("+KUI_NETWORK_MEETING").examples())
			.allSatisfy((change) -> assertThat(change.profile().departmentsInvolved()).isGreaterThanOrEqualTo(2));
	}

	@Test
	void showsATierTransitionWithExamples() {
		Path rules = RuleCopies.copy(this.temp);
		// T2-01's consequence (T2-02 ends alike, on the other benefits)
		RuleCopies.edit(rules.resolve("2021.03/tiers.drl"),
				"benefit != Benefit.JOB_CLARIFICATION_BENEFIT )\nthen\n\tinsert(Outcome.placed(Tier.CROSS_SECTOR, Area.EMPLOYMENT));",
				"benefit != Benefit.JOB_CLARIFICATION_BENEFIT )\nthen\n\tinsert(Outcome.manualReview(Area.EMPLOYMENT, \"employmentPotential\"));");
		CompiledRules older = RuleCopies.compile(RuleCopies.RULES, "2021.03");
		CompiledRules newer = RuleCopies.compile(rules, "2021.03");

		DiffReport report = VersionDiff.compare(older, newer, SMALL.stream().parallel());

		assertThat(report.transitions()).containsOnlyKeys("PLACED CROSS_SECTOR -> MANUAL_REVIEW");
		assertThat(report.matrix().get("PLACED CROSS_SECTOR")).containsOnlyKeys("MANUAL_REVIEW");
		// the committee flag went with the tier: flags change too
		assertThat(report.flagChanges()).containsKey("-YOUTH_COORDINATION_COMMITTEE");
		assertThat(report.transitions().get("PLACED CROSS_SECTOR -> MANUAL_REVIEW").examples()).hasSize(3);
	}

	@Test
	void comparesAPopulationFileAndReportsItsBadLines() throws Exception {
		Path population = this.temp.resolve("population.jsonl");
		Files.writeString(population,
				"""
						{"citizenRef": "a-1", "age": 30, "benefit": "CASH_BENEFIT", "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}
						{"citizenRef": "a-2", "age": 16, "benefit": "NONE", "departmentsInvolved": 3}
						{"citizenRef": "a-3", "age": 200, "benefit": "NONE"}
						{"citizenRef": "a-4", "age": 50, "benefit": "DISABILITY_PENSION"}
						""");

		CommandRun run = CommandRun.of(new DiffCommand(), "--rules-dir", "../rules", "--population",
				population.toString(), "2021.03", "2023.01");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("over 3 profiles")
			.contains("(1 lines rejected)")
			.contains("3 profiles; 2 change (0 status, 0 tier, 2 flags)")
			.contains("+JOINT_PLAN_OFFER: 1 profiles")
			.contains("+KUI_NETWORK_MEETING: 1 profiles");
		assertThat(run.err()).contains("population.jsonl:3: ");
	}

}
