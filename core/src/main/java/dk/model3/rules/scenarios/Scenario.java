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
 * {@code tier} and {@code flags}, which mean "none" when left out. {@code warnings} is
 * checked only when given ({@code warnings: []} expects none): a version in force is
 * never edited, so its scenarios written before warnings existed must keep passing.
 */
public record Scenario(String name, int line, JsonNode given, Expectation expect) {

	/**
	 * The expected outcome; {@code missingFacts}, {@code rules} and {@code warnings} are
	 * checked only when given. Each expected warning is the request fields it names, as
	 * the plausibility rule names them ({@code [age, benefit]}); the order of the
	 * warnings and of the fields in one does not matter.
	 */
	public record Expectation(Status status, Tier tier, Area responsibleArea, List<Flag> flags,
			List<String> missingFacts, List<String> rules, List<List<String>> warnings) {

	}

}
