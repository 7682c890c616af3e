package dk.model3.rules.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dk.model3.facts.Flag;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.FiringLimitExceeded;
import dk.model3.rules.NoSingleOutcome;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.Warning;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import tools.jackson.databind.node.ObjectNode;

/** Runs a version's scenarios against its compiled rules. */
public final class ScenarioRunner {

	private ScenarioRunner() {
	}

	/** The scenarios of a compiled version, parsed from its own folder. */
	public static List<Scenario> scenariosOf(CompiledRules rules) {
		return ScenarioFile.parse(rules.version(), rules.files().folder() + "/" + RuleVersionFiles.SCENARIOS,
				rules.files().files().get(RuleVersionFiles.SCENARIOS));
	}

	public static List<ScenarioResult> run(CompiledRules rules, List<Scenario> scenarios) {
		List<ScenarioResult> results = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			results.add(run(rules, scenario));
		}
		return results;
	}

	/**
	 * Runs a version's own scenarios and refuses the version when any fails, each failure
	 * at its line of {@code scenarios.yaml}: the same refusal wherever a version is
	 * loaded (the service, its commands, the Spark job).
	 */
	public static void refuseOnFailure(CompiledRules rules, RuleVersionFiles files) {
		List<ScenarioResult> failed = run(rules, scenariosOf(rules)).stream()
			.filter((result) -> !result.passed())
			.toList();
		if (!failed.isEmpty()) {
			String file = files.folder() + "/" + RuleVersionFiles.SCENARIOS;
			throw new RuleVersionRefused(rules.version(),
					failed.stream()
						.map((result) -> new RuleProblem(file, result.scenario().line(), 0,
								"scenariet \"" + result.scenario().name() + "\" fejler: "
										+ String.join("; ", result.differences())))
						.toList());
		}
	}

	public static ScenarioResult run(CompiledRules rules, Scenario scenario) {
		TriageRequest request;
		try {
			request = request(scenario);
		}
		catch (InvalidRequest ex) {
			return new ScenarioResult(scenario, List.of(new ScenarioResult.Difference(null, null, null,
					"\"given:\" is not a valid request: " + ex.getMessage())), null);
		}
		Decision decision;
		try {
			decision = rules.evaluate(request.profile());
		}
		catch (NoSingleOutcome | FiringLimitExceeded ex) {
			return new ScenarioResult(scenario,
					List.of(new ScenarioResult.Difference(null, null, null, ex.getMessage())), null);
		}
		return new ScenarioResult(scenario, compare(scenario.expect(), decision), decision);
	}

	/**
	 * The scenario's {@code given:} as a request; scenarios need no case reference of
	 * their own.
	 */
	public static TriageRequest request(Scenario scenario) {
		ObjectNode given = (ObjectNode) scenario.given().deepCopy();
		if (!given.has("citizenRef")) {
			given.put("citizenRef", "scenario");
		}
		return RequestReader.read(given);
	}

	private static List<ScenarioResult.Difference> compare(Scenario.Expectation expect, Decision actual) {
		List<ScenarioResult.Difference> differences = new ArrayList<>();
		check(differences, "status", expect.status(), actual.status(), expect.status() != null);
		check(differences, "tier", expect.tier(), actual.tier(), true);
		check(differences, "responsibleArea", expect.responsibleArea(), actual.responsibleArea(),
				expect.responsibleArea() != null);
		Set<Flag> flags = (expect.flags() == null || expect.flags().isEmpty()) ? Set.of()
				: EnumSet.copyOf(expect.flags());
		check(differences, "flags", flags, actual.flags(), true);
		if (expect.missingFacts() != null) {
			check(differences, "missingFacts", expect.missingFacts(), actual.missingFacts(), true);
		}
		if (expect.warnings() != null) {
			check(differences, "warnings", fieldSets(expect.warnings()),
					fieldSets(actual.warnings().stream().map(Warning::fields).toList()), true);
		}
		if (expect.rules() != null) {
			List<String> fired = actual.ruleIds();
			List<String> absent = expect.rules().stream().filter((id) -> !fired.contains(id)).toList();
			if (!absent.isEmpty()) {
				differences.add(new ScenarioResult.Difference("rules", absent, fired,
						"rules: expected " + absent + " among the rules that decided, got " + fired));
			}
		}
		return differences;
	}

	// the warnings as the fields each names, in one order whatever order they came in
	private static List<List<String>> fieldSets(List<List<String>> warnings) {
		return warnings.stream()
			.map((fields) -> fields.stream().sorted().distinct().toList())
			.sorted(Comparator.comparing(Object::toString))
			.toList();
	}

	private static void check(List<ScenarioResult.Difference> differences, String field, Object expected, Object actual,
			boolean checked) {
		if (checked && !Objects.equals(expected, actual)) {
			differences.add(new ScenarioResult.Difference(field, expected, actual,
					field + ": expected " + expected + ", got " + actual));
		}
	}

}
