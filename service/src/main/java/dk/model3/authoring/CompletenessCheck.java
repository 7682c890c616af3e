package dk.model3.authoring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dk.model3.facts.Outcome;
import dk.model3.facts.Profile;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.Trace;

/**
 * Proves, by running every profile of a bounded space through the rules, that no citizen
 * falls between two chairs: each gets exactly one outcome, the why-not reasons match the
 * tier, and every rule fires for somebody. Slices of the space run in parallel on the
 * common fork-join pool (all cores).
 */
public final class CompletenessCheck {

	private CompletenessCheck() {
	}

	/**
	 * @param progress told after each age is done, e.g. "age 17 done: 8 of 38 ages"
	 */
	public static CheckReport run(CompiledRules rules, ProfileSpace space, Consumer<String> progress) {
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
		report.deadRules(rules.rules()
			.stream()
			.map(RuleMetadata::id)
			.filter((id) -> !report.firings().containsKey(id))
			.toList());
		return report;
	}

	static void check(CompiledRules rules, Profile profile, CheckReport report) {
		Trace trace = rules.trace(profile);
		report.countProfile();
		for (String id : trace.fired()) {
			report.fired(id);
		}
		if (trace.outcomes().isEmpty()) {
			report.gap(new CheckReport.Counterexample(profile, trace));
			return;
		}
		if (!trace.single()) {
			report.conflict(String.join(" + ", trace.outcomeRules()), new CheckReport.Counterexample(profile, trace));
			return;
		}
		Outcome outcome = trace.outcome();
		report.countOutcome(label(outcome));
		Tier given = (outcome.status() == Status.PLACED) ? outcome.tier() : null;
		if (given != null && trace.ruledOut().contains(given)) {
			report.whyNotViolation("a why-not rule fired for the tier given, " + given,
					new CheckReport.Counterexample(profile, trace));
		}
		Set<Tier> missing = EnumSet.allOf(Tier.class);
		missing.removeAll(trace.ruledOut());
		if (given != null) {
			missing.remove(given);
		}
		for (Tier tier : missing) {
			report.whyNotViolation("no why-not rule fired for " + tier + ", a tier not given",
					new CheckReport.Counterexample(profile, trace));
		}
	}

	static String label(Outcome outcome) {
		return outcome.status() + ((outcome.tier() != null) ? " " + outcome.tier() : "") + " (" + outcome.area() + ")";
	}

}
