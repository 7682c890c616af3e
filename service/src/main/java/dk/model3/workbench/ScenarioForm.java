package dk.model3.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dk.model3.pages.FormFields;
import dk.model3.rules.scenarios.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One scenario as the table's form sends it, every control named by its field, as typed:
 * the name, the citizen's facts (the request fields) and the expected outcome. The
 * scenario it replaces is named in {@code replaces} (empty for a new one).
 * {@code missingFacts} are the facts a manual review must name as missing (request field
 * names); {@code warningsExpected} is {@value #UNCHECKED} (the warnings are not checked),
 * {@value #NONE} (none expected) or {@value #LISTED}: the warnings in
 * {@code warningFields}, each ticked box {@code "<warning's number>:<field>"}, e.g.
 * {@code "0:age"}, {@code "0:benefit"}.
 */
record ScenarioForm(String replaces, String name, String age, String benefit, String employmentPotential,
		List<String> problems, String brainInjuryCoordination, String measuresSentence, String placedOutOfHome,
		String serviceActMeasures, String departmentsInvolved, String status, String tier, String responsibleArea,
		List<String> flags, String rules, List<String> missingFacts, String warningsExpected,
		List<String> warningFields) {

	static final String UNCHECKED = "";

	static final String NONE = "none";

	static final String LISTED = "listed";

	/** The facts a scenario may name as missing or in a warning: the citizen's facts. */
	static final List<String> FACTS = List.of("age", "benefit", "employmentPotential", "problems",
			"brainInjuryCoordination", "measuresSentence", "placedOutOfHome", "serviceActMeasures",
			"departmentsInvolved");

	/** The most warnings a scenario's form offers (one more than it has, up to this). */
	static final int MAX_WARNINGS = 9;

	ScenarioForm {
		problems = (problems != null) ? List.copyOf(problems) : List.of();
		flags = (flags != null) ? List.copyOf(flags) : List.of();
		missingFacts = (missingFacts != null) ? List.copyOf(missingFacts) : List.of();
		warningsExpected = (warningsExpected != null) ? warningsExpected : UNCHECKED;
		warningFields = (warningFields != null) ? List.copyOf(warningFields) : List.of();
	}

	/** An empty form for a new scenario: nothing filled in, nothing ticked. */
	static ScenarioForm blank() {
		return new ScenarioForm("", "", "", "", "", List.of(), "", "", "", "", "", "", "", "", List.of(), "", List.of(),
				UNCHECKED, List.of());
	}

	/** The warnings the form offers: one more than it holds (an empty one to fill in). */
	public int warningSlots() {
		int held = this.warningFields.stream().mapToInt((item) -> warningNumber(item) + 1).max().orElse(0);
		return Math.min(held + 1, MAX_WARNINGS);
	}

	/** Whether this field is ticked in this warning. */
	public boolean inWarning(int warning, String field) {
		return this.warningFields.contains(warning + ":" + field);
	}

	private static int warningNumber(String item) {
		int colon = item.indexOf(':');
		return (colon > 0 && item.substring(0, colon).matches("\\d")) ? Integer.parseInt(item.substring(0, colon)) : 0;
	}

	/** A scenario of the file in the form's fields. */
	static ScenarioForm of(Scenario scenario, boolean replacing) {
		JsonNode given = scenario.given();
		Scenario.Expectation expect = scenario.expect();
		return new ScenarioForm(replacing ? scenario.name() : "", scenario.name(), text(given, "age"),
				text(given, "benefit"), text(given, "employmentPotential"), texts(given.path("problems")),
				text(given, "brainInjuryCoordination"), text(given, "measuresSentence"), text(given, "placedOutOfHome"),
				text(given, "serviceActMeasures"), text(given, "departmentsInvolved"), name(expect.status()),
				name(expect.tier()), name(expect.responsibleArea()),
				(expect.flags() != null) ? expect.flags().stream().map(Enum::name).toList() : List.of(),
				(expect.rules() != null) ? String.join(", ", expect.rules()) : "",
				(expect.missingFacts() != null) ? expect.missingFacts() : List.of(),
				(expect.warnings() == null) ? UNCHECKED : expect.warnings().isEmpty() ? NONE : LISTED,
				(expect.warnings() != null) ? warningFields(expect.warnings()) : List.of());
	}

	/** The warnings as the form's ticked boxes: {@code "0:age"}, {@code "0:benefit"} … */
	static List<String> warningFields(List<List<String>> warnings) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < warnings.size(); i++) {
			for (String field : warnings.get(i)) {
				items.add(i + ":" + field);
			}
		}
		return items;
	}

	/**
	 * The request fields the scenario gives, in the contract's order: empty controls are
	 * left out, as are unticked boxes; numbers that are whole numbers become numbers
	 * (anything else stays text, for the request reader to refuse).
	 */
	ObjectNode given() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		FormFields.facts(node, this.age, this.benefit, this.employmentPotential, this.problems,
				this.brainInjuryCoordination, this.measuresSentence, this.placedOutOfHome, this.serviceActMeasures,
				this.departmentsInvolved);
		return node;
	}

	/** The comma-separated items of a field, blanks left out. */
	static List<String> items(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	/**
	 * The warnings the form expects: null when they are not checked, else each warning's
	 * fields in the order of the facts; items that are not a warning's number and a fact
	 * are left for {@link #unknownWarningFields()} to name.
	 */
	List<List<String>> warnings() {
		if (!LISTED.equals(this.warningsExpected)) {
			return NONE.equals(this.warningsExpected) ? List.of() : null;
		}
		java.util.TreeMap<Integer, List<String>> warnings = new java.util.TreeMap<>();
		for (String item : this.warningFields) {
			String[] parts = item.split(":", 2);
			if (parts.length == 2 && parts[0].matches("\\d") && FACTS.contains(parts[1])) {
				warnings.computeIfAbsent(Integer.parseInt(parts[0]), (n) -> new ArrayList<>()).add(parts[1]);
			}
		}
		return warnings.values().stream().map((fields) -> FACTS.stream().filter(fields::contains).toList()).toList();
	}

	/** The ticked warning boxes that name no fact of the citizen. */
	List<String> unknownWarningFields() {
		return this.warningFields.stream().filter((item) -> {
			String[] parts = item.split(":", 2);
			return parts.length != 2 || !parts[0].matches("\\d") || !FACTS.contains(parts[1]);
		}).toList();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : "";
	}

	private static String text(JsonNode given, String field) {
		JsonNode value = given.get(field);
		return (value == null || value.isNull()) ? "" : value.asString();
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((item) -> values.add(item.asString()));
		return values;
	}

}
