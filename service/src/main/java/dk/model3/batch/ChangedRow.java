package dk.model3.batch;

import java.util.List;
import java.util.Set;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * A citizen whose result differs between the two versions: before and after, and the
 * rules that made the difference (decisive rules of one version and not the other) with
 * the flags gained and lost.
 */
record ChangedRow(long line, String citizenRef, Result before, Result after, List<String> rulesOnlyBefore,
		List<String> rulesOnlyAfter, List<Flag> flagsGained, List<Flag> flagsLost) {

	/** One version's result, short. */
	record Result(String rulesVersion, Status status, Tier tier, Area responsibleArea, Set<Flag> flags,
			List<String> ruleIds) {

	}

}
