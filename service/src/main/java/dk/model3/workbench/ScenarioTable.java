package dk.model3.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.decisions.Labels;
import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Profile;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.rules.Decision;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.scenarios.Scenario;
import dk.model3.rules.scenarios.ScenarioBlocks;
import dk.model3.rules.scenarios.ScenarioRunner;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.versions.ConditionalOnVersionStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A draft's scenarios as a table in Danish, one row a scenario, and the saving of one
 * row: the row is checked against the contract (the request's fields and values, the
 * outcome's codes, the version's rule ids), written into {@code scenarios.yaml} in place
 * of its old block ({@link ScenarioBlocks}) or at its end, and saved as any edit of the
 * file is ({@link Drafts#save}): validated, in the draft's history, the checks to run
 * again.
 */
@Service
@ConditionalOnVersionStore
class ScenarioTable {

	static final int MAX_NAME = 400;

	private static final Pattern RULE_ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");

	private static final Locale DANISH = Locale.forLanguageTag("da");

	private final Drafts drafts;

	private final DraftWorker worker;

	private final RuleLoader loader;

	private final MessageSource messages;

	ScenarioTable(Drafts drafts, DraftWorker worker, RuleLoader loader, MessageSource messages) {
		this.drafts = drafts;
		this.worker = worker;
		this.loader = loader;
		this.messages = messages;
	}

	/**
	 * One scenario as the table shows it.
	 *
	 * @param index its place in the file (0 the first)
	 * @param result {@code passed}, {@code failed}, or {@code unknown} while the checks
	 * have not run on the draft as it is
	 * @param more the expected missing facts and warnings, in words
	 * @param differences for a failed one, how the draft's answer differs, in the page's
	 * language
	 */
	record Row(int index, int line, String name, List<String> facts, String status, String tier, String area,
			List<String> more, List<String> flags, String result, List<String> differences) {

		boolean failed() {
			return "failed".equals(this.result);
		}

	}

	/**
	 * The rows, failing ones first, and whether the checks' results are for the files as
	 * they are; {@code unreadable} the reason when the file cannot be read.
	 */
	record Table(List<Row> rows, boolean checked, boolean upToDate, long failed, String unreadable) {
	}

	/** The table in Danish. */
	Table table(String id) {
		return table(id, DANISH);
	}

	/** The table in the page's language (Danish, or English for "en"). */
	Table table(String id, Locale locale) {
		String lang = "en".equals(locale.getLanguage()) ? "en" : "da";
		List<Scenario> scenarios;
		try {
			scenarios = scenarios(id);
		}
		catch (RuleVersionRefused ex) {
			return new Table(List.of(), false, false, 0,
					ex.problems()
						.stream()
						.map((p) -> p.file() + " " + p.line() + ": " + p.message())
						.findFirst()
						.orElse(ex.getMessage()));
		}
		Drafts.ChecksView checks = this.drafts.checksView(id);
		CheckResults.Scenarios results = (checks.results() != null) ? checks.results().scenarios() : null;
		boolean known = results != null && checks.upToDate();
		Map<String, CheckResults.FailedScenario> failed = new LinkedHashMap<>();
		if (results != null) {
			results.failed().forEach((f) -> failed.put(f.name(), f));
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < scenarios.size(); i++) {
			Scenario scenario = scenarios.get(i);
			CheckResults.FailedScenario failure = failed.get(scenario.name());
			String result = (results == null) ? "unknown"
					: (failure != null) ? "failed" : (known ? "passed" : "unknown");
			rows.add(row(i, scenario, result,
					(failure == null) ? List.of() : "en".equals(lang) ? failure.differences() : failure.differencesDa(),
					lang));
		}
		List<Row> sorted = rows.stream().sorted(Comparator.comparing((Row row) -> !row.failed())).toList();
		return new Table(sorted, results != null, checks.upToDate(), rows.stream().filter(Row::failed).count(), null);
	}

	/** The scenario at this place of the draft's file, for its form. */
	Scenario scenario(String id, int index) {
		List<Scenario> scenarios = scenarios(id);
		if (index < 0 || index >= scenarios.size()) {
			throw new DraftNotFound(id, "no scenario " + index);
		}
		return scenarios.get(index);
	}

	/**
	 * A new scenario for a citizen: the facts given and what the draft answers now, its
	 * name left for the policy editor to write.
	 */
	ScenarioForm fromCitizen(String id, JsonNode facts) {
		ObjectNode given = given(facts);
		Profile profile = profile(given);
		RuleVersionFiles files = this.drafts.files(id);
		Decision answer;
		try {
			answer = this.worker.answer(files, this.loader.sources(), profile);
		}
		catch (RuleVersionRefused ex) {
			throw new InvalidDraftRequest("/draft", message("scenarios.error.draftInvalid"));
		}
		Scenario scenario = new Scenario("", 0, given,
				new Scenario.Expectation(answer.status(), answer.tier(), answer.responsibleArea(),
						answer.flags().stream().sorted().toList(),
						(answer.status() == Status.MANUAL_REVIEW) ? answer.missingFacts() : null,
						(answer.decidingRuleId() != null) ? List.of(answer.decidingRuleId()) : null, null));
		return ScenarioForm.of(scenario, false);
	}

	/**
	 * Writes the scenario into the draft's file (in place of the one it replaces, or at
	 * the end) and saves it: the problems the validation found, each at its line.
	 * @throws InvalidDraftRequest naming the field that is wrong
	 */
	List<CheckResults.Problem> save(String id, ScenarioForm form, String user) {
		String yaml = this.drafts.file(id, RuleVersionFiles.SCENARIOS);
		List<Scenario> scenarios;
		try {
			scenarios = ScenarioBlocks.parse(id, yaml);
		}
		catch (RuleVersionRefused ex) {
			throw new DraftRefused("scenarios-unreadable", message("scenarios.unreadable",
					ex.problems().isEmpty() ? ex.getMessage() : ex.problems().get(0).message()));
		}
		Scenario scenario = scenario(id, form, scenarios);
		String replaces = (form.replaces() != null) ? form.replaces() : "";
		String text;
		if (replaces.isEmpty()) {
			text = ScenarioBlocks.append(yaml, scenario);
		}
		else {
			try {
				text = ScenarioBlocks.replace(yaml, replaces, scenario);
			}
			catch (ScenarioBlocks.NoSuchScenario ex) {
				throw new InvalidDraftRequest("/replaces", message("scenarios.error.gone"));
			}
		}
		return this.drafts.save(id, RuleVersionFiles.SCENARIOS, text, user);
	}

	// the form as a scenario, every value checked against the contract
	private Scenario scenario(String id, ScenarioForm form, List<Scenario> scenarios) {
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty()) {
			throw new InvalidDraftRequest("/name", message("scenarios.error.name"));
		}
		if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidDraftRequest("/name", message("scenarios.error.nameLong", MAX_NAME));
		}
		String replaces = (form.replaces() != null) ? form.replaces() : "";
		if (!name.equals(replaces) && scenarios.stream().anyMatch((s) -> s.name().equals(name))) {
			throw new InvalidDraftRequest("/name", message("scenarios.error.nameTaken"));
		}
		ObjectNode given = form.given();
		profile(given);
		Status status = code(Status.class, form.status(), "/expect/status", true);
		Tier tier = code(Tier.class, form.tier(), "/expect/tier", false);
		if ((status == Status.PLACED) != (tier != null)) {
			throw new InvalidDraftRequest("/expect/tier", message("scenarios.error.tier"));
		}
		Area area = code(Area.class, form.responsibleArea(), "/expect/responsibleArea", false);
		List<Flag> flags = new ArrayList<>();
		for (String flag : form.flags()) {
			Flag value = code(Flag.class, flag, "/expect/flags", true);
			if (!flags.contains(value)) {
				flags.add(value);
			}
		}
		List<String> rules = ScenarioForm.items(form.rules());
		Set<String> known = ruleIds(id);
		for (String rule : rules) {
			if (!known.contains(rule)) {
				throw new InvalidDraftRequest("/expect/rules", message("scenarios.error.rule", rule));
			}
		}
		List<String> missing = form.missingFacts().stream().map(String::strip).filter((f) -> !f.isEmpty()).toList();
		for (String fact : missing) {
			requireField(fact, "/expect/missingFacts");
		}
		if (!missing.isEmpty() && status != Status.MANUAL_REVIEW) {
			throw new InvalidDraftRequest("/expect/missingFacts", message("scenarios.error.missingNotReview"));
		}
		String expected = form.warningsExpected();
		if (!List.of(ScenarioForm.UNCHECKED, ScenarioForm.NONE, ScenarioForm.LISTED).contains(expected)) {
			throw new InvalidDraftRequest("/expect/warnings", message("scenarios.error.choose"));
		}
		if (!ScenarioForm.LISTED.equals(expected) && !form.warningFields().isEmpty()) {
			throw new InvalidDraftRequest("/expect/warnings", message("scenarios.error.warningsNotListed"));
		}
		for (String item : form.unknownWarningFields()) {
			String field = item.substring(item.indexOf(':') + 1);
			if (ScenarioForm.FACTS.contains(field)) {
				throw new InvalidDraftRequest("/expect/warnings", message("scenarios.error.choose"));
			}
			requireField(field, "/expect/warnings");
		}
		List<List<String>> warnings = form.warnings();
		if (ScenarioForm.LISTED.equals(expected) && warnings.isEmpty()) {
			throw new InvalidDraftRequest("/expect/warnings", message("scenarios.error.warningsEmpty"));
		}
		return new Scenario(name, 0, given, new Scenario.Expectation(status, tier, area, flags,
				missing.isEmpty() ? null : missing, rules.isEmpty() ? null : rules, warnings));
	}

	private void requireField(String field, String pointer) {
		if (!ScenarioForm.FACTS.contains(field)) {
			throw new InvalidDraftRequest(pointer, message("scenarios.error.field", field));
		}
	}

	// the scenario's facts: request fields only, never a case reference, date or version
	private ObjectNode given(JsonNode facts) {
		if (facts == null || !facts.isObject()) {
			throw new InvalidDraftRequest("/given", message("scenarios.error.given"));
		}
		ObjectNode given = ((ObjectNode) facts).deepCopy();
		given.remove(List.of("citizenRef", "assessmentDate", "rulesVersion"));
		return given;
	}

	/** The facts as the request reader takes them, or a refusal naming the field. */
	private Profile profile(ObjectNode given) {
		for (String field : List.of("citizenRef", "assessmentDate", "rulesVersion")) {
			if (given.has(field)) {
				throw new InvalidDraftRequest("/given/" + field, message("scenarios.error.field", field));
			}
		}
		try {
			return ScenarioRunner.request(new Scenario("", 0, given, null)).profile();
		}
		catch (InvalidRequest ex) {
			FieldError first = ex.errors().get(0);
			String field = first.field().replaceFirst("^/", "").replaceFirst("/.*", "");
			String text = this.messages.getMessage("error." + field, null, first.message(), DANISH);
			throw new InvalidDraftRequest("/given/" + field, text);
		}
	}

	private <E extends Enum<E>> E code(Class<E> type, String value, String field, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new InvalidDraftRequest(field, message("scenarios.error.choose"));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDraftRequest(field, message("scenarios.error.choose"));
		}
	}

	// the rule ids of the draft's rule files
	private Set<String> ruleIds(String id) {
		Set<String> ids = new TreeSet<>();
		this.drafts.files(id).files().forEach((name, text) -> {
			if (name.endsWith(".drl")) {
				Matcher matcher = RULE_ID.matcher(text);
				while (matcher.find()) {
					ids.add(matcher.group(1));
				}
			}
		});
		return ids;
	}

	private List<Scenario> scenarios(String id) {
		return ScenarioBlocks.parse(id, this.drafts.file(id, RuleVersionFiles.SCENARIOS));
	}

	private Row row(int index, Scenario scenario, String result, List<String> differences, String lang) {
		List<String> facts = new ArrayList<>();
		Profile profile = null;
		try {
			profile = ScenarioRunner.request(scenario).profile();
		}
		catch (InvalidRequest ex) {
			// shown as written; the checks say what is wrong with it
		}
		for (Map.Entry<String, JsonNode> field : scenario.given().properties()) {
			Object value = (profile != null) ? dk.model3.facts.ProfileFields.value(profile, field.getKey()) : null;
			facts.add(Labels.fact(field.getKey(), (value != null) ? value : field.getValue().toString(), lang));
		}
		Scenario.Expectation expect = scenario.expect();
		Locale locale = Locale.forLanguageTag(lang);
		List<String> more = new ArrayList<>();
		if (expect.missingFacts() != null && !expect.missingFacts().isEmpty()) {
			more.add(this.messages.getMessage("scenarios.row.missing",
					new Object[] {
							String.join(", ", expect.missingFacts().stream().map((f) -> label(f, lang)).toList()) },
					locale));
		}
		if (expect.warnings() != null && expect.warnings().isEmpty()) {
			more.add(this.messages.getMessage("scenarios.row.noWarnings", null, locale));
		}
		else if (expect.warnings() != null) {
			for (List<String> warning : expect.warnings()) {
				more.add(this.messages.getMessage("scenarios.row.warning",
						new Object[] { String.join(", ", warning.stream().map((f) -> label(f, lang)).toList()) },
						locale));
			}
		}
		return new Row(index, scenario.line(), scenario.name(), facts,
				(expect.status() != null) ? words("status", expect.status(), lang) : "",
				(expect.tier() != null) ? words("tier", expect.tier(), lang) : "",
				(expect.responsibleArea() != null) ? words("area", expect.responsibleArea(), lang) : "", more,
				(expect.flags() != null) ? expect.flags().stream().map((f) -> words("flag", f, lang)).toList()
						: List.of(),
				result, differences);
	}

	// a fact's name as the intake page labels it, small (in a sentence)
	private String label(String field, String lang) {
		String label = this.messages.getMessage("field." + field + ".label", null, field, Locale.forLanguageTag(lang));
		return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
	}

	// a code in words, as a cell of the table starts it
	private static String words(String field, Enum<?> code, String lang) {
		return Labels.capitalised(Labels.value(field, code.name(), lang));
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, DANISH);
	}

}
