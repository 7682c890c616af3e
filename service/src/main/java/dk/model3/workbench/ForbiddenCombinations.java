package dk.model3.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dk.model3.facts.Flag;
import dk.model3.facts.Profile;
import dk.model3.facts.Tier;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.authoring.ProfileJson;

/**
 * Answers the product's readings rule out, which a draft may create without any check
 * failing (its own scenarios can expect them): two coordinations at once, and a flag
 * beside an outcome it contradicts. The impact preview lists the citizens of its
 * population who get one under the draft and did not under the version it replaces.
 */
final class ForbiddenCombinations {

	private static final int EXAMPLES = 5;

	/** A combination the readings rule out, with why, in Danish. */
	enum Combination {

		/**
		 * "One coordination at a time": where the youth coordination committee is raised,
		 * the KUI network meeting is not (the committee is the coordination).
		 */
		COMMITTEE_AND_KUI_MEETING((decision) -> decision.flags().contains(Flag.YOUTH_COORDINATION_COMMITTEE)
				&& decision.flags().contains(Flag.KUI_NETWORK_MEETING)),

		/**
		 * The KUI meeting is for those under 25, the law's joint plan for those over 25:
		 * nobody is offered both coordinations.
		 */
		JOINT_PLAN_AND_KUI_MEETING((decision) -> decision.flags().contains(Flag.JOINT_PLAN_OFFER)
				&& decision.flags().contains(Flag.KUI_NETWORK_MEETING)),

		/**
		 * A citizen under the late-brain-injury coordinator scheme is outside the
		 * cross-sector group.
		 */
		BRAIN_INJURY_IN_CROSS_SECTOR((decision) -> decision.flags().contains(Flag.BRAIN_INJURY_EXCLUSION)
				&& decision.tier() == Tier.CROSS_SECTOR);

		private final Predicate<Decision> holds;

		Combination(Predicate<Decision> holds) {
			this.holds = holds;
		}

		boolean in(Decision decision) {
			return this.holds.test(decision);
		}

	}

	private ForbiddenCombinations() {
	}

	/**
	 * Each combination that citizens of the population get under {@code newer} and did
	 * not under {@code older}, with their number and a few of them; none when the draft
	 * creates none.
	 */
	static List<CheckResults.Forbidden> createdBy(CompiledRules older, CompiledRules newer,
			ReferencePopulation people) {
		Map<Combination, Long> counts = new LinkedHashMap<>();
		Map<Combination, List<CheckResults.Example>> examples = new LinkedHashMap<>();
		for (Profile profile : people.profiles()) {
			Decision after = newer.evaluate(profile);
			Decision before = null;
			for (Combination combination : Combination.values()) {
				if (!combination.in(after)) {
					continue;
				}
				before = (before != null) ? before : older.evaluate(profile);
				if (combination.in(before)) {
					continue;
				}
				counts.merge(combination, 1L, Long::sum);
				List<CheckResults.Example> kept = examples.computeIfAbsent(combination, (key) -> new ArrayList<>());
				if (kept.size() < EXAMPLES) {
					kept.add(new CheckResults.Example(people.reference(profile), ProfileJson.of(profile),
							after.ruleIds()));
				}
			}
		}
		List<CheckResults.Forbidden> found = new ArrayList<>();
		counts.forEach((combination, count) -> found
			.add(new CheckResults.Forbidden(combination.name(), count, examples.get(combination))));
		return found;
	}

}
