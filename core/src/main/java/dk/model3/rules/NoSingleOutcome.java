package dk.model3.rules;

import java.util.List;

/**
 * The rules gave a profile no outcome, or more than one: a gap or an overlap in the rule
 * files. The `check` command finds these before a version goes live; if one slips
 * through, the request fails loudly rather than guessing.
 */
public class NoSingleOutcome extends RuntimeException {

	private final List<String> outcomeRules;

	public NoSingleOutcome(String version, List<String> outcomeRules) {
		super("rule version " + version + " gave " + outcomeRules.size() + " outcomes"
				+ (outcomeRules.isEmpty() ? "" : " (rules " + String.join(", ", outcomeRules) + ")")
				+ "; every profile must get exactly one");
		this.outcomeRules = List.copyOf(outcomeRules);
	}

	/** The ids of the rules that recorded an outcome; empty for a gap. */
	public List<String> outcomeRules() {
		return this.outcomeRules;
	}

}
