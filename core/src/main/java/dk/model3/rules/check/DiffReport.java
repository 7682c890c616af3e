package dk.model3.rules.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dk.model3.facts.Flag;
import dk.model3.facts.Profile;
import dk.model3.rules.DecisionChange;
import dk.model3.rules.Trace;

/**
 * How two rule versions treat the same profiles: how many change status, tier or flags,
 * the outcome-to-outcome transition matrix, and a few example profiles per change with
 * the rules that made the difference. Filled by {@link VersionDiff}.
 */
public final class DiffReport {

	/** One profile the versions treat differently. */
	public record Change(Profile profile, Trace older, Trace newer) {

		/**
		 * The rules that decided in one version and not in the other (outcome and flag
		 * rules), "-" for the old version's, "+" for the new one's.
		 */
		public List<String> differingRules() {
			Set<String> before = decisive(this.older);
			Set<String> after = decisive(this.newer);
			List<String> differing = new ArrayList<>();
			before.stream().filter((id) -> !after.contains(id)).forEach((id) -> differing.add("-" + id));
			after.stream().filter((id) -> !before.contains(id)).forEach((id) -> differing.add("+" + id));
			return differing;
		}

		private static Set<String> decisive(Trace trace) {
			Set<String> ids = new LinkedHashSet<>(trace.outcomeRules());
			ids.addAll(trace.flagRules());
			return ids;
		}

	}

	static final int EXAMPLES = 3;

	private long profiles;

	private long statusChanged;

	private long tierChanged;

	private long flagsChanged;

	private long changed;

	private final Map<String, Map<String, Long>> matrix = new TreeMap<>();

	private final Map<String, Examples<Change>> transitions = new TreeMap<>();

	private final Map<String, Examples<Change>> flagChanges = new TreeMap<>();

	void add(Profile profile, Trace older, Trace newer) {
		this.profiles++;
		String from = label(older);
		String to = label(newer);
		this.matrix.computeIfAbsent(from, (key) -> new TreeMap<>()).merge(to, 1L, Long::sum);
		DecisionChange difference = DecisionChange.between(older, newer);
		boolean flags = difference.flags();
		if (difference.status()) {
			this.statusChanged++;
		}
		if (difference.tier()) {
			this.tierChanged++;
		}
		if (flags) {
			this.flagsChanged++;
		}
		if (difference.any() || !from.equals(to)) {
			this.changed++;
		}
		Change change = new Change(profile, older, newer);
		if (!from.equals(to)) {
			this.transitions.computeIfAbsent(from + " -> " + to, (key) -> new Examples<>(EXAMPLES)).add(change);
		}
		if (flags) {
			this.flagChanges
				.computeIfAbsent(flagChange(older.flags(), newer.flags()), (key) -> new Examples<>(EXAMPLES))
				.add(change);
		}
	}

	/** Adds the profiles of a later part of the stream. */
	void merge(DiffReport other) {
		this.profiles += other.profiles;
		this.statusChanged += other.statusChanged;
		this.tierChanged += other.tierChanged;
		this.flagsChanged += other.flagsChanged;
		this.changed += other.changed;
		other.matrix.forEach((from, row) -> row.forEach((to,
				count) -> this.matrix.computeIfAbsent(from, (key) -> new TreeMap<>()).merge(to, count, Long::sum)));
		other.transitions.forEach((key,
				examples) -> this.transitions.computeIfAbsent(key, (k) -> new Examples<>(EXAMPLES)).merge(examples));
		other.flagChanges.forEach((key,
				examples) -> this.flagChanges.computeIfAbsent(key, (k) -> new Examples<>(EXAMPLES)).merge(examples));
	}

	/**
	 * An outcome as the transition matrix names it: status and tier, or NO OUTCOME /
	 * CONFLICT when the rules have a gap or an overlap there.
	 */
	public static String label(Trace trace) {
		if (trace.outcomes().isEmpty()) {
			return "NO OUTCOME";
		}
		if (!trace.single()) {
			return "CONFLICT";
		}
		return trace.outcome().label();
	}

	static String flagChange(Set<Flag> before, Set<Flag> after) {
		List<String> parts = new ArrayList<>();
		EnumSet<Flag> all = EnumSet.noneOf(Flag.class);
		all.addAll(before);
		all.addAll(after);
		for (Flag flag : all) {
			if (!before.contains(flag)) {
				parts.add("+" + flag);
			}
			else if (!after.contains(flag)) {
				parts.add("-" + flag);
			}
		}
		return String.join(" ", parts);
	}

	public long profiles() {
		return this.profiles;
	}

	public long statusChanged() {
		return this.statusChanged;
	}

	public long tierChanged() {
		return this.tierChanged;
	}

	public long flagsChanged() {
		return this.flagsChanged;
	}

	/** Profiles whose outcome or flags change. */
	public long changed() {
		return this.changed;
	}

	/** Profiles by old outcome, then new outcome (the diagonal counts the unchanged). */
	public Map<String, Map<String, Long>> matrix() {
		Map<String, Map<String, Long>> copy = new TreeMap<>();
		this.matrix.forEach((from, row) -> copy.put(from, new TreeMap<>(row)));
		return copy;
	}

	/** Examples per outcome transition, e.g. "PLACED CROSS_SECTOR -> MANUAL_REVIEW". */
	public Map<String, Examples<Change>> transitions() {
		return new TreeMap<>(this.transitions);
	}

	/** Examples per flag change, e.g. "+JOINT_PLAN_OFFER". */
	public Map<String, Examples<Change>> flagChanges() {
		return new TreeMap<>(this.flagChanges);
	}

}
