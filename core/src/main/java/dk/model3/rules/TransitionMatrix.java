package dk.model3.rules;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Outcome;

/**
 * Who moves between two rule versions: how many citizens went from each outcome to each
 * outcome, both named by {@link Outcome#label}, rows and columns in label order so the
 * same population always gives the same matrix.
 */
public final class TransitionMatrix {

	private final Map<String, Map<String, Long>> counts = new TreeMap<>();

	/** Counts {@code count} citizens that went from {@code before} to {@code after}. */
	public void add(String before, String after, long count) {
		this.counts.computeIfAbsent(before, (key) -> new TreeMap<>()).merge(after, count, Long::sum);
	}

	/** Adds the counts of another part of the same population. */
	public void merge(TransitionMatrix other) {
		other.counts.forEach((before, row) -> row.forEach((after, count) -> add(before, after, count)));
	}

	/** The counts by outcome before, then outcome after; a read-only view. */
	public Map<String, Map<String, Long>> counts() {
		return Collections.unmodifiableMap(this.counts);
	}

}
