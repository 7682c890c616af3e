package dk.model3.rules.scenarios;

import java.util.List;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import tools.jackson.databind.JsonNode;

/**
 * A named case from a version's {@code scenarios.yaml}: the request fields given and the
 * outcome expected. Fields left out of {@code expect} are not checked, except
 * {@code tier} and {@code flags}, which mean "none" when left out.
 */
public record Scenario(String name, int line, JsonNode given, Expectation expect) {

	/**
	 * The expected outcome; {@code missingFacts} and {@code rules} are checked only when
	 * given.
	 */
	public record Expectation(Status status, Tier tier, Area responsibleArea, List<Flag> flags,
			List<String> missingFacts, List<String> rules) {

	}

}
