package dk.model3.rules.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.rules.FactUse;
import dk.model3.rules.RuleLocation;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;

/**
 * Derived facts must all exist before any decision is taken, or a
 * {@code not VeryComplex()} could fire before {@code VeryComplex} is derived. So the
 * rules in {@code derived.drl} run first, with salience 10, and no other rule sets a
 * salience. A derived rule may require a fact to be absent only when that fact is read
 * off the profile alone, by a rule with salience 20: those rules have all fired before
 * any rule at 10 does, so a derived fact, once there, stays there.
 */
final class SalienceConvention {

	static final String DERIVED_FILE = "derived.drl";

	static final int DERIVED_SALIENCE = 10;

	static final int PROFILE_FACT_SALIENCE = 20;

	private SalienceConvention() {
	}

	static int salienceOf(Rule rule) {
		return (rule instanceof RuleImpl impl) ? impl.getSalience().getValue() : 0;
	}

	static List<RuleProblem> check(Rule rule, RuleLocation location, List<FactUse> uses) {
		int salience = salienceOf(rule);
		boolean derived = location.file().equals(DERIVED_FILE);
		if (derived && salience == PROFILE_FACT_SALIENCE) {
			if (uses.stream().allMatch(FactUse::profileField)) {
				return List.of();
			}
			return List.of(location.problem("reglen \"" + rule.getName() + "\" har \"salience " + PROFILE_FACT_SALIENCE
					+ "\", som kun en regel, der alene læser borgerens oplysninger, må have"));
		}
		if (derived && salience != DERIVED_SALIENCE) {
			return List.of(location
				.problem("reglen \"" + rule.getName() + "\" udleder et faktum og skal derfor have \"salience "
						+ DERIVED_SALIENCE + "\" for at køre før enhver afgørelse"));
		}
		if (!derived && salience != 0) {
			return List.of(location.problem("reglen \"" + rule.getName()
					+ "\" sætter salience; det må kun reglerne i derived.drl, så en afgørelse aldrig afhænger af rækkefølgen"));
		}
		return List.of();
	}

	/**
	 * Every derived rule that requires a fact to be absent runs after every rule that
	 * derives it; otherwise which rule the engine took first would decide the answer.
	 */
	static List<RuleProblem> checkOrder(RuleVersionFiles files, Collection<Rule> rules,
			Map<String, RuleMetadata> metadata, Map<String, Set<String>> creates) {
		Map<String, Integer> saliences = new HashMap<>();
		rules.forEach((rule) -> saliences.put(rule.getName(), salienceOf(rule)));
		List<RuleProblem> problems = new ArrayList<>();
		for (Rule rule : rules) {
			RuleMetadata meta = metadata.get(rule.getName());
			if (meta == null || !meta.file().equals(DERIVED_FILE)) {
				continue;
			}
			for (FactUse absent : meta.uses().stream().filter(FactUse::negated).toList()) {
				creates.forEach((producer, types) -> {
					if (types.contains(absent.name()) && saliences.getOrDefault(producer, 0) <= salienceOf(rule)) {
						problems.add(RuleLocation.find(files, rule.getName())
							.problem("reglen \"" + rule.getName() + "\" kræver, at " + absent.name()
									+ " ikke findes, men \"" + producer
									+ "\" udleder det uden at komme før; udled det alene af borgerens "
									+ "oplysninger med \"salience " + PROFILE_FACT_SALIENCE + "\""));
					}
				});
			}
		}
		return problems;
	}

}
