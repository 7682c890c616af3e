package dk.model3.workbench;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.rules.check.ExpectedTierSizes;
import dk.model3.decisions.Labels;
import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import dk.model3.rules.check.CheckReport;
import dk.model3.rules.check.CompletenessCheck;
import dk.model3.rules.check.DiffReport;
import dk.model3.rules.check.Examples;
import dk.model3.authoring.ProfileJson;
import dk.model3.rules.check.ProfileSpace;
import dk.model3.rules.check.ScenarioCoverage;
import dk.model3.rules.check.VersionDiff;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.compile.RuleCompiler;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.scenarios.Scenario;
import dk.model3.rules.scenarios.ScenarioResult;
import dk.model3.rules.scenarios.ScenarioRunner;
import dk.model3.rules.SourceDocument;

/**
 * Every check of a draft, each the same code the command line runs: validation (the
 * compiler with the rule-language subset), the scenarios, coverage, the completeness
 * check over the configured space, and the impact preview against the version it would
 * replace. Plain functions of their inputs: they run on the {@link DraftWorker}'s threads
 * and are given the draft's files and the other values of an {@link Input}, never the
 * repository, the users or a service object.
 */
final class DraftChecks {

	/** The name the preview gives a population sent with a run (never its file name). */
	static final String UPLOADED = "the population sent";

	private DraftChecks() {
	}

	/**
	 * Everything one run of the checks reads.
	 *
	 * @param files the draft's files
	 * @param sources the documents of {@code sources.yaml} rules may cite
	 * @param against the version the draft would replace (in force on the draft's date),
	 * or null when none is
	 * @param population the preview's population
	 * @param uploaded whether the population was sent with this run: then the results to
	 * keep hold its counts only, no citizen of it
	 * @param space the completeness check's space, and whether it is the full one
	 * @param clashes problems with the published versions found beforehand (an in-force
	 * date taken), counted as validation problems
	 */
	record Input(RuleVersionFiles files, List<SourceDocument> sources, CompiledRules against,
			ReferencePopulation population, boolean uploaded, ProfileSpace space, boolean fullSpace,
			List<CheckResults.Problem> clashes) {

		Input {
			sources = List.copyOf(sources);
			clashes = List.copyOf(clashes);
		}

	}

	/**
	 * What a run found: {@code shown} to whoever looks at this run, {@code kept} in the
	 * repository. They differ only for a population sent with the run, whose citizens
	 * (case references and profiles) are left out of {@code kept}. {@code compiled} is
	 * the version the checks compiled and verified when they passed (null otherwise): its
	 * publication takes it rather than compiling the same files again.
	 */
	record Outcome(CheckResults shown, CheckResults kept, CompiledRules compiled) {
	}

	/**
	 * The problems of a refused draft, each at a line: where the rule engine names no
	 * line (some errors in a constraint come with line -1) but quotes the expression at
	 * fault, the line of the file that holds it.
	 */
	static List<CheckResults.Problem> located(RuleVersionFiles files, RuleVersionRefused refused) {
		List<CheckResults.Problem> problems = new ArrayList<>();
		for (CheckResults.Problem problem : refused.problems().stream().map(CheckResults.Problem::of).toList()) {
			String text = files.files().get(problem.file());
			int quote = problem.message().lastIndexOf(": ");
			if (problem.line() > 0 || text == null || quote < 0) {
				problems.add(problem);
				continue;
			}
			String expression = problem.message().substring(quote + 2).strip();
			String[] lines = text.split("\n", -1);
			CheckResults.Problem found = problem;
			for (int i = 0; i < lines.length && !expression.isEmpty(); i++) {
				int column = lines[i].indexOf(expression);
				if (column >= 0) {
					found = new CheckResults.Problem(problem.file(), i + 1, column + 1, problem.message());
					break;
				}
			}
			problems.add(found);
		}
		return problems;
	}

	/**
	 * Runs every check, taking the rule base of {@code earlier} when it was compiled from
	 * the same rule files
	 * ({@link RuleCompiler#compile(RuleVersionFiles, CompiledRules)}).
	 * @param progress told the name of each check as it starts
	 * @param earlier the version the draft worker compiled last, or null
	 */
	static Outcome run(Input input, Consumer<String> progress, CompiledRules earlier) {
		RuleVersionFiles files = input.files();
		List<CheckResults.Problem> clashes = input.clashes();
		Map<String, Long> millis = new LinkedHashMap<>();
		long started = System.nanoTime();
		progress.accept("validation");
		CompiledRules rules;
		try {
			rules = new RuleCompiler(input.sources()).compile(files, earlier);
		}
		catch (RuleVersionRefused ex) {
			millis.put("validation", elapsed(started));
			List<CheckResults.Problem> problems = new ArrayList<>(clashes);
			problems.addAll(located(files, ex));
			CheckResults failed = new CheckResults(files.checksum(), null, Instant.now().toString(), false, problems,
					null, null, null, null, millis);
			return new Outcome(failed, failed, null);
		}
		millis.put("validation", elapsed(started));

		progress.accept("scenarios");
		started = System.nanoTime();
		CheckResults.Scenarios scenarios;
		List<CheckResults.Problem> validation = new ArrayList<>(clashes);
		List<Scenario> cases = List.of();
		try {
			cases = ScenarioRunner.scenariosOf(rules);
			List<CheckResults.FailedScenario> failed = new ArrayList<>();
			int passed = 0;
			for (ScenarioResult result : ScenarioRunner.run(rules, cases)) {
				if (result.passed()) {
					passed++;
				}
				else {
					failed.add(new CheckResults.FailedScenario(result.scenario().name(), result.scenario().line(),
							result.differences(), (result.decision() != null) ? result.decision().ruleIds() : List.of(),
							ScenarioDifferenceText.danish(result.found())));
				}
			}
			scenarios = new CheckResults.Scenarios(passed, failed);
		}
		catch (RuleVersionRefused ex) {
			ex.problems().stream().map(CheckResults.Problem::of).forEach(validation::add);
			scenarios = new CheckResults.Scenarios(0, List.of());
		}
		millis.put("scenarios", elapsed(started));

		progress.accept("coverage");
		started = System.nanoTime();
		CheckResults.Coverage coverage = coverage(rules, cases);
		millis.put("coverage", elapsed(started));

		progress.accept("completeness");
		started = System.nanoTime();
		CheckResults.Completeness completeness = completeness(rules, input.space(), input.fullSpace());
		millis.put("completeness", elapsed(started));

		progress.accept("preview");
		started = System.nanoTime();
		CheckResults.Preview preview = (input.against() != null)
				? preview(input.against(), rules, input.population(), input.uploaded() ? UPLOADED : null) : null;
		millis.put("preview", elapsed(started));

		boolean passed = validation.isEmpty() && scenarios.failed().isEmpty() && completeness.passed();
		CheckResults shown = new CheckResults(files.checksum(), null, Instant.now().toString(), passed, validation,
				scenarios, coverage, completeness, preview, millis);
		return new Outcome(shown, input.uploaded() ? shown.withoutCitizens() : shown, passed ? rules : null);
	}

	private static CheckResults.Coverage coverage(CompiledRules rules, List<Scenario> cases) {
		return new CheckResults.Coverage(ScenarioCoverage.of(rules, cases).neverFired());
	}

	private static CheckResults.Completeness completeness(CompiledRules rules, ProfileSpace space, boolean full) {
		CheckReport report = CompletenessCheck.run(rules, space, (message) -> {
		});
		List<CheckResults.Problem> problems = new ArrayList<>();
		for (CheckReport.Counterexample gap : report.gaps().examples()) {
			problems
				.add(new CheckResults.Problem("", 0, 0, "Ingen anbefaling til en borger med " + inWords(gap.profile())
						+ " (regler, der blev brugt: " + String.join(", ", gap.trace().fired()) + ")"));
		}
		report.conflicts().forEach((ids, examples) -> {
			String first = ids.split(" \\+ ")[0];
			problems.add(at(rules, first, count(examples.count()) + " får en anbefaling fra hver af "
					+ ids.replace(" + ", " og ") + ", fx en borger med " + example(examples)));
		});
		report.whyNotViolations()
			.forEach((violation, examples) -> problems.add(new CheckResults.Problem("", 0, 0, count(examples.count())
					+ ": " + whyNotInWords(violation) + ", fx en borger med " + example(examples))));
		for (String dead : report.deadRules()) {
			problems.add(at(rules, dead, dead + " bruges aldrig: ingen borger opfylder reglens betingelser"));
		}
		return new CheckResults.Completeness(report.profiles(), full, report.gaps().count(), report.conflictCount(),
				report.whyNotViolationCount(), report.deadRules(), problems);
	}

	private static String example(Examples<CheckReport.Counterexample> examples) {
		return examples.examples().isEmpty() ? "(intet eksempel gemt)" : inWords(examples.examples().get(0).profile());
	}

	// the completeness check's finding about why-not reasons, the tier in words
	static String whyNotInWords(String violation) {
		Matcher given = Pattern.compile("a why-not rule fired for the tier given, ([A-Z_]+)").matcher(violation);
		if (given.matches()) {
			return "en grund til ikke at give " + Labels.value("tier", given.group(1), "da")
					+ " blev givet, men borgeren fik netop det lag";
		}
		Matcher missing = Pattern.compile("no why-not rule fired for ([A-Z_]+), a tier not given").matcher(violation);
		if (missing.matches()) {
			return "ingen grund blev givet til, at borgeren ikke fik " + Labels.value("tier", missing.group(1), "da");
		}
		return violation;
	}

	// "1 borger", "2.500 borgere"
	private static String count(long citizens) {
		return String.format(Locale.forLanguageTag("da"), "%,d", citizens) + ((citizens == 1) ? " borger" : " borgere");
	}

	// the citizen's facts as the result page names them: "Alder: 25 år; Ydelse:
	// kontanthjælp; …"
	static String inWords(Profile profile) {
		List<String> facts = new ArrayList<>();
		for (RecordComponent field : Profile.class.getRecordComponents()) {
			facts.add(Labels.fact(field.getName(), ProfileFields.value(profile, field.getName()), "da"));
		}
		return String.join("; ", facts);
	}

	private static CheckResults.Problem at(CompiledRules rules, String ruleId, String message) {
		String where = rules.locationOf(ruleId);
		if (where == null) {
			return new CheckResults.Problem("", 0, 0, message);
		}
		String[] parts = where.split(":");
		String file = parts[0].substring(parts[0].indexOf('/') + 1);
		return new CheckResults.Problem(file, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), message);
	}

	// the population's name is its own (the reference population's file), or the given
	// one for a population sent with the run
	private static CheckResults.Preview preview(CompiledRules older, CompiledRules newer, ReferencePopulation people,
			String name) {
		DiffReport report = VersionDiff.compare(older, newer, people.profiles().parallelStream());
		Map<String, Map<String, Long>> matrix = report.matrix();
		List<CheckResults.TierCount> tiers = new ArrayList<>();
		for (ExpectedTierSizes.Expected expected : ExpectedTierSizes.NORDDJURS) {
			String label = "PLACED " + expected.tier().name();
			long before = matrix.getOrDefault(label, Map.of()).values().stream().mapToLong(Long::longValue).sum();
			long after = matrix.values().stream().mapToLong((row) -> row.getOrDefault(label, 0L)).sum();
			tiers.add(new CheckResults.TierCount(expected.tier().name(), expected.text(), before, after,
					expected.met(after)));
		}
		List<CheckResults.Transition> transitions = new ArrayList<>();
		matrix.forEach((from, row) -> row.forEach((to, count) -> {
			Examples<DiffReport.Change> examples = report.transitions().get(from + " -> " + to);
			transitions.add(new CheckResults.Transition(from, to, count,
					(examples != null) ? examples(people, examples.examples()) : List.of()));
		}));
		Map<String, List<DiffReport.Change>> gained = new TreeMap<>();
		Map<String, List<DiffReport.Change>> lost = new TreeMap<>();
		Map<String, Long> gainedCount = new TreeMap<>();
		Map<String, Long> lostCount = new TreeMap<>();
		report.flagChanges().forEach((change, examples) -> {
			for (String part : change.split(" ")) {
				Map<String, List<DiffReport.Change>> side = part.startsWith("+") ? gained : lost;
				Map<String, Long> counts = part.startsWith("+") ? gainedCount : lostCount;
				String flag = part.substring(1);
				counts.merge(flag, examples.count(), Long::sum);
				List<DiffReport.Change> kept = side.computeIfAbsent(flag, (key) -> new ArrayList<>());
				examples.examples().stream().limit(Math.max(0, 5 - kept.size())).forEach(kept::add);
			}
		});
		return new CheckResults.Preview(older.version(), (name != null) ? name : people.name(), report.profiles(),
				report.changed(), tiers, transitions, flags(people, gainedCount, gained),
				flags(people, lostCount, lost), ForbiddenCombinations.createdBy(older, newer, people));
	}

	private static List<CheckResults.FlagChange> flags(ReferencePopulation people, Map<String, Long> counts,
			Map<String, List<DiffReport.Change>> examples) {
		return counts.entrySet()
			.stream()
			.map((entry) -> new CheckResults.FlagChange(entry.getKey(), entry.getValue(),
					examples(people, examples.get(entry.getKey()))))
			.toList();
	}

	private static List<CheckResults.Example> examples(ReferencePopulation people, List<DiffReport.Change> changes) {
		return changes.stream()
			.map((change) -> new CheckResults.Example(people.reference(change.profile()),
					ProfileJson.of(change.profile()), change.differingRules()))
			.toList();
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
