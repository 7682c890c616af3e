package dk.model3.rules.scenarios;

import java.util.List;

import dk.model3.rules.Decision;

/**
 * The result of running one scenario: the differences from what was expected (empty when
 * it passed) and the rules that fired, or the error that stopped it.
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Decision decision) {

	public boolean passed() {
		return this.differences.isEmpty();
	}

}
