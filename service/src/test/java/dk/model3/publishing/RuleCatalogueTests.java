package dk.model3.publishing;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogueTests {

	@Test
	void listsEveryRuleWithItsTextsAndSourceInMarkdown() {
		CompiledRules rules = RuleCopies.compile(RuleCopies.RULES, "2023.01");

		String markdown = new RuleCatalogue(rules).markdown();

		assertThat(markdown).startsWith("# Regelkatalog · Rule catalogue 2023.01").contains(rules.checksum());
		for (RuleMetadata rule : rules.rules()) {
			assertThat(markdown).contains("### " + rule.id() + " " + RuleCatalogue.sentence(rule))
				.contains(rule.text().da())
				.contains(rule.text().en())
				.contains(rule.source().section());
		}
	}

	@Test
	void showsEachRulesConditionAsItsFileHasIt() {
		CompiledRules rules = RuleCopies.compile(RuleCopies.RULES, "2023.01");

		var conditions = new RuleCatalogue(rules).conditions();

		assertThat(conditions).containsOnlyKeys(rules.rules().stream().map(RuleMetadata::id).toList());
		assertThat(conditions.get("F-05")).isEqualTo("not Child()\n"
				+ "Profile( departmentsInvolved != null, departmentsInvolved >= 2 )\n" + "not JointPlanAge()\n"
				+ "Outcome( tier != Tier.CROSS_SECTOR )\n" + "not YouthPlanDespiteVeryLimitedPotential()");
		assertThat(conditions.get("T0-01")).isEqualTo("Child()");
		assertThat(new RuleCatalogue(rules).markdown()).contains("**Betingelse · Condition:**");
	}

}
