package dk.model3.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.CompletenessGate;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RulesProperties;
import dk.model3.rules.check.CheckReport;
import dk.model3.rules.check.CompletenessCheck;
import dk.model3.rules.check.Examples;
import dk.model3.rules.check.ProfileSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The {@link CompletenessGate} of the service: the {@code check} command's check, over
 * the bounded space ({@code FULL}) or the space around the age thresholds
 * ({@code QUICK}). A failed check comes back as problems, like any other refusal.
 */
@Component
class CompletenessGateCheck implements CompletenessGate {

	private static final Logger log = LoggerFactory.getLogger(CompletenessGateCheck.class);

	@Override
	public long profiles(RulesProperties.Completeness mode) {
		return space(mode).size();
	}

	@Override
	public List<RuleProblem> check(CompiledRules rules, RulesProperties.Completeness mode) {
		ProfileSpace space = space(mode);
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

	private static ProfileSpace space(RulesProperties.Completeness mode) {
		return (mode == RulesProperties.Completeness.QUICK) ? ProfileSpace.aroundThresholds() : ProfileSpace.bounded();
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
