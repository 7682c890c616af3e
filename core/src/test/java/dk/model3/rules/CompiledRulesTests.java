package dk.model3.rules;

import java.util.List;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Flag;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explanation around a decision; which outcome each profile gets is in the scenario
 * files.
 */
class CompiledRulesTests {

	private final CompiledRules rules = RepoRules.compiled("2021.03");

	private static Profile adult(int age, EmploymentPotential potential, Problem... problems) {
		return new Profile(age, Benefit.CASH_BENEFIT, potential, Set.of(problems), false, false, false, false, null);
	}

	@Test
	void explainsWithTheDecidingRuleAndTheDerivedFactsItMatchedInFiringOrder() {
		Decision decision = this.rules.evaluate(adult(40, EmploymentPotential.PRESENT, Problem.HOMELESSNESS));
		assertThat(decision.ruleIds()).containsExactly("D-03", "D-04", "T2-01");
		FiredRule tierRule = decision.explanation().get(2);
		assertThat(tierRule.rule().source().document()).isEqualTo("000_376bb355f2c46007.txt");
		assertThat(tierRule.rule().source().section())
			.isEqualTo("Tværgående samarbejde om borgere med meget komplekse og sammensatte problemer");
		// the derived facts it matched, shown as the citizen's own facts that made them
		// so
		assertThat(tierRule.facts()).containsEntry("employmentPotential", EmploymentPotential.PRESENT)
			.containsEntry("problems", List.of(Problem.HOMELESSNESS))
			.containsEntry("brainInjuryCoordination", false)
			.containsEntry("benefit", Benefit.CASH_BENEFIT)
			.containsEntry("age", 40)
			.doesNotContainKeys("VeryComplex", "BrainInjuryScheme", "LacksEmploymentPotential");
		assertThat(decision.explanation().get(0).facts()).containsEntry("age", 40);
	}

	@Test
	void givesAReasonForEachTierNotGivenAndNoneForTheTierGiven() {
		Decision placed = this.rules.evaluate(adult(40, EmploymentPotential.PRESENT, Problem.HOMELESSNESS));
		assertThat(placed.whyNot()).extracting(TierReason::tier)
			.containsExactly(Tier.EMPLOYMENT_ONLY, Tier.PENSION_SOCIAL);
		Decision review = this.rules.evaluate(adult(40, EmploymentPotential.UNKNOWN, Problem.HOMELESSNESS));
		assertThat(review.whyNot()).extracting(TierReason::tier).containsExactly(Tier.values());
	}

	@Test
	void reportsTheFirstConditionThatFailedForATier() {
		// a pensioner with unknown potential fails several employment conditions; the
		// lowest-numbered wins
		Profile pensioner = new Profile(40, Benefit.DISABILITY_PENSION, EmploymentPotential.UNKNOWN, Set.of(), false,
				false, false, false, null);
		Decision decision = this.rules.evaluate(pensioner);
		assertThat(decision.whyNot()).filteredOn((reason) -> reason.tier() == Tier.EMPLOYMENT_ONLY)
			.singleElement()
			.satisfies((reason) -> assertThat(reason.rule().id()).isEqualTo("W1-05"));
	}

	@Test
	void listsTheMissingFactAndTheNextStepForAManualReview() {
		Decision decision = this.rules
			.evaluate(adult(40, EmploymentPotential.UNKNOWN, Problem.ANXIETY, Problem.SUBSTANCE_ABUSE));
		assertThat(decision.status()).isEqualTo(Status.MANUAL_REVIEW);
		assertThat(decision.missingFacts()).containsExactly("employmentPotential");
		assertThat(decision.nextStep().da()).contains("beskæftigelsespotentialet");
		assertThat(decision.nextStep().en()).contains("employment potential");
	}

	@Test
	void addsTheCommitteeToTheNextStepOfAYoungCrossSectorCase() {
		Decision decision = this.rules.evaluate(adult(22, EmploymentPotential.PRESENT, Problem.SEVERE_MENTAL_ILLNESS));
		assertThat(decision.flags()).containsExactly(Flag.YOUTH_COORDINATION_COMMITTEE);
		assertThat(decision.nextStep().da()).contains("Jobcentret har sagen", "koordinations- og visitationsudvalget");
		assertThat(decision.ruleIds()).endsWith("T2-01", "F-03");
	}

	@Test
	void stampsEveryDecisionWithItsVersionAndChecksum() {
		Decision decision = this.rules.evaluate(adult(40, EmploymentPotential.PRESENT));
		assertThat(decision.rulesVersion()).isEqualTo("2021.03");
		assertThat(decision.rulesChecksum()).isEqualTo(this.rules.checksum());
	}

}
