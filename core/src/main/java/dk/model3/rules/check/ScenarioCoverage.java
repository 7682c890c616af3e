package dk.model3.rules.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.request.RequestReader;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.scenarios.Scenario;
import tools.jackson.databind.node.ObjectNode;

/**
 * How often a version's scenarios make each rule fire: the {@code coverage} command and
 * the workbench's coverage check count the same way.
 *
 * @param counts firings per rule id, in the rules' order
 * @param unreadable scenarios whose {@code given:} is not a valid request (the
 * {@code test} command reports them)
 */
public record ScenarioCoverage(Map<String, Integer> counts, int unreadable) {

	public static ScenarioCoverage of(CompiledRules rules, List<Scenario> scenarios) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		rules.rules().forEach((rule) -> counts.put(rule.id(), 0));
		int unreadable = 0;
		for (Scenario scenario : scenarios) {
			ObjectNode given = (ObjectNode) scenario.given().deepCopy();
			given.put("citizenRef", "scenario");
			try {
				for (RuleMetadata fired : rules.firedRules(RequestReader.read(given).profile())) {
					counts.merge(fired.id(), 1, Integer::sum);
				}
			}
			catch (RuntimeException ex) {
				unreadable++;
			}
		}
		return new ScenarioCoverage(counts, unreadable);
	}

	/** The rules no scenario fires. */
	public List<String> neverFired() {
		return this.counts.entrySet().stream().filter((e) -> e.getValue() == 0).map(Map.Entry::getKey).toList();
	}

}
