package dk.model3.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Flag;
import dk.model3.rules.Decision;
import dk.model3.rules.DecisionChange;
import dk.model3.rules.TransitionMatrix;

/**
 * Who moves between two versions: the {@link TransitionMatrix} of outcomes, flags gained
 * and lost, and the count of changed rows; "changed" as {@link DecisionChange} means it.
 */
final class Comparison {

	final TransitionMatrix transitions = new TransitionMatrix();

	final long[] gained = new long[Flag.values().length];

	final long[] lost = new long[Flag.values().length];

	long changed;

	/** The changed row of one citizen, or null when nothing changed. */
	static ChangedRow changed(long line, String citizenRef, Evaluated before, Evaluated after) {
		DecisionChange change = DecisionChange.between(before.decision(), after.decision());
		if (!change.any()) {
			return null;
		}
		return new ChangedRow(line, citizenRef, result(before), result(after),
				before.ruleIds().stream().filter((id) -> !after.ruleIds().contains(id)).toList(),
				after.ruleIds().stream().filter((id) -> !before.ruleIds().contains(id)).toList(),
				List.copyOf(change.flagsGained()), List.copyOf(change.flagsLost()));
	}

	/** Counts one citizen. */
	void add(Evaluated before, Evaluated after) {
		this.transitions.add(before.outcome(), after.outcome(), 1);
		DecisionChange change = DecisionChange.between(before.decision(), after.decision());
		change.flagsGained().forEach((flag) -> this.gained[flag.ordinal()]++);
		change.flagsLost().forEach((flag) -> this.lost[flag.ordinal()]++);
		if (change.any()) {
			this.changed++;
		}
	}

	void merge(Comparison other) {
		this.transitions.merge(other.transitions);
		for (int i = 0; i < this.gained.length; i++) {
			this.gained[i] += other.gained[i];
			this.lost[i] += other.lost[i];
		}
		this.changed += other.changed;
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("transitions", this.transitions.counts());
		Map<String, Map<String, Long>> flags = new LinkedHashMap<>();
		for (Flag flag : Flag.values()) {
			if (this.gained[flag.ordinal()] + this.lost[flag.ordinal()] > 0) {
				Map<String, Long> counts = new LinkedHashMap<>();
				counts.put("gained", this.gained[flag.ordinal()]);
				counts.put("lost", this.lost[flag.ordinal()]);
				flags.put(flag.name(), counts);
			}
		}
		map.put("flagChanges", flags);
		map.put("changedRows", this.changed);
		return map;
	}

	private static ChangedRow.Result result(Evaluated evaluated) {
		Decision decision = evaluated.decision();
		return new ChangedRow.Result(decision.rulesVersion(), decision.status(), decision.tier(),
				decision.responsibleArea(), decision.flags(), evaluated.ruleIds());
	}

}
