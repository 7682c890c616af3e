package dk.model3.rules.scenarios;

import java.util.List;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionRefused;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A scenario may state the plausibility warnings a caseworker sees, as the fields each
 * names: listed, they must be exactly the answer's (in any order); left out, warnings are
 * not checked, so the scenarios of a version written before warnings keep passing.
 */
class ScenarioWarningsTests {

	private static final String SEVENTY_ON_CASH = """
			    given:
			      age: 70
			      benefit: CASH_BENEFIT
			      employmentPotential: PRESENT
			      placedOutOfHome: true
			    expect:
			      status: OUT_OF_SCOPE
			      responsibleArea: EMPLOYMENT
			""";

	private static ScenarioResult run(String expectWarnings) {
		String yaml = "scenarios:\n  - name: A case\n" + SEVENTY_ON_CASH + expectWarnings;
		List<Scenario> scenarios = ScenarioFile.parse("2023.01", "2023.01/scenarios.yaml", yaml);
		return ScenarioRunner.run(RepoRules.compiled("2023.01"), scenarios.get(0));
	}

	@Test
	void passesWhenTheListedWarningsAreTheAnswersInAnyOrder() {
		assertThat(run("      warnings: [[benefit, age], [age, placedOutOfHome]]\n").differences()).isEmpty();
	}

	@Test
	void failsNamingBothWhenAWarningIsMissingOrExtra() {
		assertThat(run("      warnings: [[age, benefit]]\n").differences()).singleElement()
			.asString()
			.startsWith("warnings: expected [[age, benefit]], got [[age, benefit], [age, placedOutOfHome]]");
		assertThat(run("      warnings: []\n").differences()).singleElement().asString().startsWith("warnings:");
	}

	@Test
	void ignoresWarningsWhenTheScenarioListsNone() {
		assertThat(run("").differences()).isEmpty();
	}

	@Test
	void refusesAWarningThatIsNotAListOfFieldsAtItsLine() {
		assertThatExceptionOfType(RuleVersionRefused.class).isThrownBy(() -> run("      warnings: age\n"))
			.satisfies((refused) -> assertThat(refused.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.line()).isEqualTo(2);
				assertThat(problem.message()).contains("expect");
			}));
	}

}
