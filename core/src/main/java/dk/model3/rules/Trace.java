package dk.model3.rules;

import java.util.List;
import java.util.Set;

import dk.model3.facts.Flag;
import dk.model3.facts.Outcome;
import dk.model3.facts.Tier;

/**
 * The raw result of one evaluation, before it is turned into a {@link Decision}: every
 * outcome recorded (none or several when the rules have a gap or an overlap), the tiers
 * ruled out, the flags raised and every rule that fired. Cheap to produce, for tools that
 * run the rules over millions of profiles.
 *
 * @param fired the ids of every rule that fired, in firing order
 * @param outcomeRules the ids of the rules that recorded an outcome, in firing order
 * @param outcomes the outcomes recorded, in the same order
 * @param ruledOut the tiers some why-not rule ruled out
 * @param flags the flags raised
 * @param flagRules the ids of the rules that raised a flag
 */
public record Trace(List<String> fired, List<String> outcomeRules, List<Outcome> outcomes, Set<Tier> ruledOut,
		Set<Flag> flags, List<String> flagRules) {

	/** Exactly one outcome: neither a gap nor an overlap. */
	public boolean single() {
		return this.outcomes.size() == 1;
	}

	/** The single outcome, or null when there is none or more than one. */
	public Outcome outcome() {
		return single() ? this.outcomes.get(0) : null;
	}

}
