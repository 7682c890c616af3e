package dk.model3.rules.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import dk.model3.facts.Outcome;
import dk.model3.facts.Profile;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.ProfileClasses;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.Trace;

/**
 * Proves, by running the rules, that no citizen falls between two chairs: each gets
 * exactly one outcome, the why-not reasons match the tier, and every rule fires for
 * somebody. Asked for the bounded space, it checks more: the whole input space (every age
 * 0-125, every set of problems, 0-20 departments or none), one profile per class of
 * profiles that share a decision ({@link ProfileClasses}), each counted for its class; in
 * seconds. A narrowed space is listed and its profiles grouped by class, so the rules run
 * once per class there too. A version whose decisions the analysis cannot prove shareable
 * is checked by running every profile of the space. Work runs in parallel on the common
 * fork-join pool (all cores).
 */
public final class CompletenessCheck {

	private CompletenessCheck() {
	}

	/**
	 * @param progress told after each age is done, e.g. "age 17 done: 8 of 38 ages"
	 */
	public static CheckReport run(CompiledRules rules, ProfileSpace space, Consumer<String> progress) {
		// the whole space's classes are found without listing it; a part is listed and
		// its profiles grouped, and either way the rules run once per class
		Optional<ProfileClasses> classes = space.equals(ProfileSpace.bounded()) ? ProfileClasses.of(rules)
				: ProfileClasses.of(rules, space.stream());
		if (classes.isPresent()) {
			return run(rules, classes.get(), progress);
		}
		progress.accept("checking every profile of the space: " + rules.sharing());
		return everyProfile(rules, space, progress);
	}

	/** The space profile by profile, each run through the rules. */
	static CheckReport everyProfile(CompiledRules rules, ProfileSpace space, Consumer<String> progress) {
		List<ProfileSpace.Slice> slices = space.slices();
		int perAge = space.benefits().size();
		AtomicInteger done = new AtomicInteger();
		CheckReport report = slices.parallelStream().map((slice) -> {
			CheckReport part = new CheckReport();
			space.forEach(slice, (profile) -> check(rules, profile, part));
			int finished = done.incrementAndGet();
			if (finished % perAge == 0) {
				progress.accept(finished / perAge + " of " + space.ages().size() + " ages done");
			}
			return part;
		}).reduce(CheckReport::merge).orElseGet(CheckReport::new);
		return withDeadRules(rules, report);
	}

	/** The space by class, one profile per class, each counted for its class. */
	static CheckReport run(CompiledRules rules, ProfileClasses classes, Consumer<String> progress) {
		List<ProfileClasses.ProfileClass> all = classes.classes();
		progress.accept(String.format("checking %,d profiles in %,d classes: %s", classes.profiles(), all.size(),
				rules.sharing()));
		int parts = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
		CheckReport report = IntStream.range(0, parts).parallel().mapToObj((part) -> {
			CheckReport partial = new CheckReport();
			for (int i = part; i < all.size(); i += parts) {
				check(rules, all.get(i).representative(), all.get(i).profiles(), partial);
			}
			return partial;
		}).reduce(CheckReport::merge).orElseGet(CheckReport::new);
		report.classes(all.size());
		return withDeadRules(rules, report);
	}

	// a dead rule is one that never fired anywhere in the space checked
	private static CheckReport withDeadRules(CompiledRules rules, CheckReport report) {
		report.deadRules(rules.rules()
			.stream()
			.map(RuleMetadata::id)
			.filter((id) -> !report.firings().containsKey(id))
			.toList());
		return report;
	}

	static void check(CompiledRules rules, Profile profile, CheckReport report) {
		check(rules, profile, 1, report);
	}

	/**
	 * Checks one profile that stands for {@code profiles} profiles (its class; 1 when
	 * listing the space).
	 */
	static void check(CompiledRules rules, Profile profile, long profiles, CheckReport report) {
		Trace trace = rules.trace(profile);
		report.countProfiles(profiles);
		for (String id : trace.fired()) {
			report.fired(id, profiles);
		}
		if (trace.outcomes().isEmpty()) {
			report.gap(new CheckReport.Counterexample(profile, trace), profiles);
			return;
		}
		if (!trace.single()) {
			report.conflict(String.join(" + ", trace.outcomeRules()), new CheckReport.Counterexample(profile, trace),
					profiles);
			return;
		}
		Outcome outcome = trace.outcome();
		report.countOutcome(label(outcome), profiles);
		Tier given = (outcome.status() == Status.PLACED) ? outcome.tier() : null;
		if (given != null && trace.ruledOut().contains(given)) {
			report.whyNotViolation("a why-not rule fired for the tier given, " + given,
					new CheckReport.Counterexample(profile, trace), profiles);
		}
		Set<Tier> missing = EnumSet.allOf(Tier.class);
		missing.removeAll(trace.ruledOut());
		if (given != null) {
			missing.remove(given);
		}
		for (Tier tier : missing) {
			report.whyNotViolation("no why-not rule fired for " + tier + ", a tier not given",
					new CheckReport.Counterexample(profile, trace), profiles);
		}
	}

	public static String label(Outcome outcome) {
		return outcome.label() + " (" + outcome.area() + ")";
	}

}
