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
			return List.of(location.problem("rule \"" + rule.getName() + "\" derives a fact, so it needs \"salience "
					+ DERIVED_SALIENCE + "\" to run before any decision"));
		}
		if (!derived && salience != 0) {
			return List.of(location.problem("rule \"" + rule.getName()
					+ "\" sets a salience; only the rules in derived.drl may, so that decisions never depend on firing order"));
		}
		return List.of();
	}

}
