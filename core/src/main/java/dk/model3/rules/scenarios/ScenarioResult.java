package dk.model3.rules;

import java.util.List;

/**
 * The result of running one scenario: the differences from what was expected (empty when
 * it passed) and the rules that fired, or the error that stopped it.
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Decision decision) {

	public boolean passed() {
		return this.differences.isEmpty();
	}

}
