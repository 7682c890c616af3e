package dk.model3.rules.scenarios;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleMetadata;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every scenario of every rule version in {@code rules/}, each as a test named by
 * its sentence, and checks that together they make every rule of the version fire.
 */
class ScenarioTests {

	@TestFactory
	Stream<DynamicNode> everyScenarioOfEveryVersionHolds() {
		return RepoRules.versions().stream().map((files) -> {
			CompiledRules rules = RepoRules.compiled(files.folder());
			List<Scenario> scenarios = ScenarioRunner.scenariosOf(rules);
			Stream<DynamicNode> cases = scenarios.stream()
				.map((scenario) -> DynamicTest.dynamicTest(scenario.name(), () -> {
					ScenarioResult result = ScenarioRunner.run(rules, scenario);
					assertThat(result.differences()).as("scenarios.yaml line %d", scenario.line()).isEmpty();
				}));
			DynamicNode coverage = DynamicTest.dynamicTest("the scenarios of " + files.folder() + " fire every rule",
					() -> assertThat(firedByScenarios(rules, scenarios))
						.containsAll(rules.rules().stream().map(RuleMetadata::id).toList()));
			return DynamicContainer.dynamicContainer(files.folder(), Stream.concat(cases, Stream.of(coverage)));
		});
	}

	private static Set<String> firedByScenarios(CompiledRules rules, List<Scenario> scenarios) {
		Set<String> fired = new HashSet<>();
		for (Scenario scenario : scenarios) {
			ScenarioResult result = ScenarioRunner.run(rules, scenario);
			assertThat(result.decision()).as(scenario.name()).isNotNull();
			fired.addAll(rules.firedRules(ScenarioRunner.request(scenario).profile())
				.stream()
				.map(RuleMetadata::id)
				.toList());
		}
		return fired;
	}

}
