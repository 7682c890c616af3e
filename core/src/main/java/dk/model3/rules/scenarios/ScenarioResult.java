package dk.model3.rules.scenarios;

import java.util.List;

import dk.model3.rules.Decision;

/**
 * The result of running one scenario: the differences from what was expected (empty when
 * it passed) and the rules that fired, or the error that stopped it.
 */
public record ScenarioResult(Scenario scenario, List<Difference> found, Decision decision) {

	/**
	 * One way the answer differed from the scenario's {@code expect:}: the field, the
	 * values as the contract's codes, and a line saying so; or, with no field, what
	 * stopped the scenario.
	 *
	 * @param field the {@code expect:} key ({@code flags}, {@code tier} …), or null
	 * @param expected what the scenario expects (for {@code rules}: those that did not
	 * decide)
	 * @param actual what came out (for {@code rules}: the rules that decided)
	 */
	public record Difference(String field, Object expected, Object actual, String text) {

		@Override
		public String toString() {
			return this.text;
		}

	}

	public boolean passed() {
		return this.found.isEmpty();
	}

	/** Each difference as a line, with the contract's codes. */
	public List<String> differences() {
		return this.found.stream().map(Difference::text).toList();
	}

}
