package dk.model3.rules;

import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Flag;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.facts.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the caseworker is told to do next where domain.md says which step belongs: one
 * coordination at a time, and the rehabilitation team.
 */
class NextStepTests {

	private final CompiledRules latest = RepoRules.compiled("2023.01");

	private static Profile citizen(int age, Benefit benefit, EmploymentPotential potential, Problem... problems) {
		return new Profile(age, benefit, potential, Set.of(problems), false, false, false, false, null);
	}

	@Test
	void givesTheCommitteeAndTheJointPlanOneStepAt25To29WithoutTakingTheYouthPlanForTheLawsPlan() {
		Decision decision = this.latest
			.evaluate(citizen(25, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT, Problem.SEVERE_MENTAL_ILLNESS));

		assertThat(decision.tier()).isEqualTo(Tier.CROSS_SECTOR);
		assertThat(decision.flags()).containsExactly(Flag.YOUTH_COORDINATION_COMMITTEE, Flag.JOINT_PLAN_OFFER);
		assertThat(decision.nextStep().da()).contains("din leder", "lovpligtige planer", "samtykke", "ventede lov")
			.containsOnlyOnce("samlet plan")
			.containsOnlyOnce("koordinations- og visitationsudvalget")
			.doesNotContain("ungeplanen som den samlede plan", "Kommunen skal");
	}

	@Test
	void sendsANonPensionerWithoutPotentialToTheRehabilitationTeamButNotADisabilityPensioner() {
		Decision noPotential = this.latest.evaluate(citizen(50, Benefit.SICKNESS_BENEFIT,
				EmploymentPotential.VERY_LIMITED, Problem.PHYSICAL_HEALTH_PROBLEMS));
		Decision pensioner = this.latest.evaluate(citizen(50, Benefit.DISABILITY_PENSION,
				EmploymentPotential.VERY_LIMITED, Problem.PHYSICAL_HEALTH_PROBLEMS));

		assertThat(noPotential.tier()).isEqualTo(Tier.PENSION_SOCIAL);
		assertThat(noPotential.nextStep().da()).contains("rehabiliteringsteamet");
		assertThat(pensioner.tier()).isEqualTo(Tier.PENSION_SOCIAL);
		assertThat(pensioner.nextStep().da()).doesNotContain("rehabiliteringsteamet");
	}

	@Test
	void namesTheRehabilitationTeamForPlacementsOnAResourceCourseOrJobClarification() {
		Decision crossSector = this.latest.evaluate(
				citizen(40, Benefit.JOB_CLARIFICATION_BENEFIT, EmploymentPotential.PRESENT, Problem.HOMELESSNESS));
		Decision employment = this.latest.evaluate(citizen(40, Benefit.RESOURCE_COURSE_BENEFIT,
				EmploymentPotential.PRESENT, Problem.SUBSTANCE_ABUSE, Problem.SOCIAL_PROBLEMS));
		Decision cashBenefit = this.latest.evaluate(citizen(40, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT,
				Problem.SUBSTANCE_ABUSE, Problem.SOCIAL_PROBLEMS));

		assertThat(crossSector.tier()).isEqualTo(Tier.CROSS_SECTOR);
		assertThat(crossSector.nextStep().da()).containsOnlyOnce("rehabiliteringsteamet");
		assertThat(employment.tier()).isEqualTo(Tier.EMPLOYMENT_ONLY);
		assertThat(employment.nextStep().da()).containsOnlyOnce("rehabiliteringsteamet");
		assertThat(cashBenefit.nextStep().da()).doesNotContain("rehabiliteringsteamet");
	}

}
