package dk.model3.rules.compile;

import java.util.List;

import dk.model3.rules.RuleLocation;
import dk.model3.rules.RuleProblem;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;

/**
 * Derived facts must all exist before any decision is taken, or a
 * {@code not VeryComplex()} could fire before {@code VeryComplex} is derived. So the
 * rules in {@code derived.drl} run first, with salience 10, and no other rule sets a
 * salience.
 */
final class SalienceConvention {

	static final String DERIVED_FILE = "derived.drl";

	static final int DERIVED_SALIENCE = 10;

	private SalienceConvention() {
	}

	static List<RuleProblem> check(Rule rule, RuleLocation location) {
		if (!(rule instanceof RuleImpl impl)) {
			return List.of();
		}
		int salience = impl.getSalience().getValue();
		boolean derived = location.file().equals(DERIVED_FILE);
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

}
