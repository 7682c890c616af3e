package dk.model3.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Outcome;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * How two results for the same profile differ: status, tier, responsible area and flags.
 * The one meaning of "changed" that the batch comparison, the version diff and the replay
 * of the decision log share.
 */
public record DecisionChange(boolean status, boolean tier, boolean responsibleArea, Set<Flag> flagsGained,
		Set<Flag> flagsLost) {

	/** One side of a comparison; a null status means the rules gave no single outcome. */
	public record Result(Status status, Tier tier, Area responsibleArea, Set<Flag> flags) {

		public Result {
			flags = ordered(flags);
		}

		public static Result of(Decision decision) {
			return new Result(decision.status(), decision.tier(), decision.responsibleArea(), decision.flags());
		}

		public static Result of(Trace trace) {
			Outcome outcome = trace.outcome();
			return (outcome != null) ? new Result(outcome.status(), outcome.tier(), outcome.area(), trace.flags())
					: new Result(null, null, null, trace.flags());
		}

	}

	public DecisionChange {
		flagsGained = ordered(flagsGained);
		flagsLost = ordered(flagsLost);
	}

	public static DecisionChange between(Result before, Result after) {
		boolean status = before.status() == null || after.status() == null || before.status() != after.status();
		return new DecisionChange(status, status || !Objects.equals(before.tier(), after.tier()),
				status || before.responsibleArea() != after.responsibleArea(),
				difference(after.flags(), before.flags()), difference(before.flags(), after.flags()));
	}

	public static DecisionChange between(Decision before, Decision after) {
		return between(Result.of(before), Result.of(after));
	}

	public static DecisionChange between(Trace before, Trace after) {
		return between(Result.of(before), Result.of(after));
	}

	/** Whether the outcome (status, tier or responsible area) differs. */
	public boolean outcome() {
		return this.status || this.tier || this.responsibleArea;
	}

	public boolean flags() {
		return !this.flagsGained.isEmpty() || !this.flagsLost.isEmpty();
	}

	/** Whether anything a caseworker acts on differs. */
	public boolean any() {
		return outcome() || flags();
	}

	// in contract order wherever they are listed
	private static Set<Flag> ordered(Set<Flag> flags) {
		return flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
	}

	private static Set<Flag> difference(Set<Flag> a, Set<Flag> b) {
		Set<Flag> difference = a.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(a);
		difference.removeAll(b);
		return difference;
	}

}
