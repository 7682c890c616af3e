package dk.model3.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Profile;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.Trace;

/**
 * What the completeness check found over a profile space: how many profiles got each
 * outcome, every profile with no outcome (a gap) or several (a conflict), every profile
 * whose why-not reasons do not match its tier, and the rules that never fired.
 */
public final class CheckReport {

	/** A profile the rules got wrong, with what they did. */
	public record Counterexample(Profile profile, Trace trace) {
	}

	static final int EXAMPLES = 5;

	private long profiles;

	private final Map<String, Long> outcomes = new TreeMap<>();

	private final Examples<Counterexample> gaps = new Examples<>(20);

	private final Map<String, Examples<Counterexample>> conflicts = new TreeMap<>();

	private final Map<String, Examples<Counterexample>> whyNotViolations = new TreeMap<>();

	private final Map<String, Long> firings = new HashMap<>();

	private List<String> deadRules = List.of();

	private long classes;

	// each finding counts the profiles its example stands for: 1 when every profile of
	// the space is run, its class's size when one profile per class is

	void countProfiles(long count) {
		this.profiles += count;
	}

	void countOutcome(String outcome, long count) {
		this.outcomes.merge(outcome, count, Long::sum);
	}

	void gap(Counterexample example, long count) {
		this.gaps.add(example, count);
	}

	void conflict(String rules, Counterexample example, long count) {
		this.conflicts.computeIfAbsent(rules, (key) -> new Examples<>(EXAMPLES)).add(example, count);
	}

	void whyNotViolation(String violation, Counterexample example, long count) {
		this.whyNotViolations.computeIfAbsent(violation, (key) -> new Examples<>(EXAMPLES)).add(example, count);
	}

	void fired(String ruleId, long count) {
		this.firings.merge(ruleId, count, Long::sum);
	}

	void classes(long count) {
		this.classes = count;
	}

	/**
	 * The classes of profiles sharing a decision that were run, one profile each; 0 when
	 * every profile was run.
	 */
	public long classes() {
		return this.classes;
	}

	void deadRules(List<String> ids) {
		this.deadRules = List.copyOf(ids);
	}

	/** Adds the findings of a later slice of the space. */
	CheckReport merge(CheckReport other) {
		this.profiles += other.profiles;
		other.outcomes.forEach((key, count) -> this.outcomes.merge(key, count, Long::sum));
		this.gaps.merge(other.gaps);
		other.conflicts.forEach((key, examples) -> this.conflicts.computeIfAbsent(key, (k) -> new Examples<>(EXAMPLES))
			.merge(examples));
		other.whyNotViolations
			.forEach((key, examples) -> this.whyNotViolations.computeIfAbsent(key, (k) -> new Examples<>(EXAMPLES))
				.merge(examples));
		other.firings.forEach((key, count) -> this.firings.merge(key, count, Long::sum));
		return this;
	}

	public long profiles() {
		return this.profiles;
	}

	/** Profiles per outcome, e.g. "PLACED CROSS_SECTOR (EMPLOYMENT)". */
	public Map<String, Long> outcomes() {
		return Map.copyOf(this.outcomes);
	}

	public Examples<Counterexample> gaps() {
		return this.gaps;
	}

	/** Conflicting profiles by the rules that each recorded an outcome. */
	public Map<String, Examples<Counterexample>> conflicts() {
		return Map.copyOf(this.conflicts);
	}

	public long conflictCount() {
		return this.conflicts.values().stream().mapToLong(Examples::count).sum();
	}

	/** Profiles whose why-not reasons break the invariant, by what is wrong. */
	public Map<String, Examples<Counterexample>> whyNotViolations() {
		return Map.copyOf(this.whyNotViolations);
	}

	public long whyNotViolationCount() {
		return this.whyNotViolations.values().stream().mapToLong(Examples::count).sum();
	}

	/** How often each rule fired over the space. */
	public Map<String, Long> firings() {
		return Map.copyOf(this.firings);
	}

	/** The ids of rules that fired for no profile of the space. */
	public List<String> deadRules() {
		return new ArrayList<>(this.deadRules);
	}

	/**
	 * Every profile of the space gets exactly one outcome and the why-not reasons agree
	 * with it: what a version needs to serve. Dead rules are for the editor to weigh.
	 */
	public boolean decidesEveryProfile() {
		return this.gaps.count() == 0 && this.conflicts.isEmpty() && this.whyNotViolations.isEmpty();
	}

	/** No gap, no conflict, no why-not violation, no dead rule. */
	public boolean passed() {
		return this.gaps.count() == 0 && this.conflicts.isEmpty() && this.whyNotViolations.isEmpty()
				&& this.deadRules.isEmpty();
	}

	/**
	 * What keeps the checked version from serving, as the problems of a refusal: the
	 * gaps, each conflict at the place of its first rule, the why-not violations; empty
	 * when every profile got exactly one outcome and the why-not reasons agree.
	 */
	public List<RuleProblem> problems(CompiledRules rules) {
		if (decidesEveryProfile()) {
			return List.of();
		}
		List<RuleProblem> problems = new ArrayList<>();
		String folder = rules.files().folder();
		if (gaps().count() > 0) {
			problems.add(new RuleProblem(folder, 0, 0,
					"completeness: " + gaps().count() + " profiles get no outcome, for example " + example(gaps())));
		}
		conflicts().forEach(
				(ids, examples) -> problems.add(at(rules, ids.split(" \\+ ")[0], "completeness: " + examples.count()
						+ " profiles get an outcome from each of " + ids + ", for example " + example(examples))));
		whyNotViolations().forEach((violation,
				examples) -> problems.add(new RuleProblem(folder, 0, 0,
						"completeness: " + examples.count() + " profiles with a why-not reason against their outcome ("
								+ violation + "), for example " + example(examples))));
		return problems;
	}

	private static String example(Examples<Counterexample> examples) {
		return examples.examples().isEmpty() ? "(none kept)" : examples.examples().get(0).profile().toString();
	}

	// the problem at the rule's place, "folder/file:line:column"
	private static RuleProblem at(CompiledRules rules, String ruleId, String message) {
		String where = rules.locationOf(ruleId);
		if (where == null) {
			return new RuleProblem(rules.files().folder(), 0, 0, message);
		}
		String[] parts = where.split(":");
		return new RuleProblem(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), message);
	}

}
