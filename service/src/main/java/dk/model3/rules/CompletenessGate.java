package dk.model3.rules;

import java.util.List;

/**
 * The completeness check a version must pass before it serves: every profile of a space
 * gets exactly one outcome, and the why-not reasons agree with it. Implemented where the
 * check lives (the authoring tools), used where versions are put in service.
 */
public interface CompletenessGate {

	/**
	 * Checks a version over the space the mode asks for ({@code FULL} or {@code QUICK}).
	 * @return what keeps the version from serving; empty when it passed
	 */
	List<RuleProblem> check(CompiledRules rules, RulesProperties.Completeness mode);

	/** How many profiles a check in this mode covers. */
	long profiles(RulesProperties.Completeness mode);

}
