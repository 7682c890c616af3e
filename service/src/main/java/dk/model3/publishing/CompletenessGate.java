package dk.model3.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.model3.authoring.CheckReport;
import dk.model3.authoring.CompletenessCheck;
import dk.model3.authoring.Examples;
import dk.model3.authoring.ProfileSpace;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completeness check a version must pass before it serves: every profile of the space
 * gets exactly one outcome, and the why-not reasons agree with it. A failed check comes
 * back as problems, like any other refusal.
 */
final class CompletenessGate {

	private static final Logger log = LoggerFactory.getLogger(CompletenessGate.class);

	private final RulesProperties.Completeness mode;

	CompletenessGate(RulesProperties.Completeness mode) {
		this.mode = mode;
	}

	boolean notNeeded() {
		return this.mode == RulesProperties.Completeness.OFF;
	}

	boolean quick() {
		return this.mode == RulesProperties.Completeness.QUICK;
	}

	long profiles() {
		return space().size();
	}

	/** What keeps the version from serving; empty when it passed. */
	List<RuleProblem> check(CompiledRules rules) {
		ProfileSpace space = space();
		log.info("Checking rule version {} over {} profiles", rules.version(), space.size());
		CheckReport report = CompletenessCheck.run(rules, space,
				(progress) -> log.debug("Checking rule version {}: {}", rules.version(), progress));
		if (report.decidesEveryProfile()) {
			log.info("Rule version {} (checksum {}) passed its completeness check", rules.version(), rules.checksum());
			return List.of();
		}
		List<RuleProblem> problems = new ArrayList<>();
		String folder = rules.files().folder();
		if (report.gaps().count() > 0) {
			problems.add(new RuleProblem(folder, 0, 0, "completeness: " + report.gaps().count()
					+ " profiles get no outcome, for example " + example(report.gaps())));
		}
		report.conflicts()
			.forEach(
					(ids, examples) -> problems.add(at(rules, ids.split(" \\+ ")[0], "completeness: " + examples.count()
							+ " profiles get an outcome from each of " + ids + ", for example " + example(examples))));
		for (Map.Entry<String, Examples<CheckReport.Counterexample>> entry : report.whyNotViolations().entrySet()) {
			problems.add(new RuleProblem(folder, 0, 0,
					"completeness: " + entry.getValue().count()
							+ " profiles with a why-not reason against their outcome (" + entry.getKey()
							+ "), for example " + example(entry.getValue())));
		}
		return problems;
	}

	private ProfileSpace space() {
		return quick() ? ProfileSpace.aroundThresholds() : ProfileSpace.bounded();
	}

	private static String example(Examples<CheckReport.Counterexample> examples) {
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
