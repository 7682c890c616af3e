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
 * scenario it replaces is named in {@code replaces} (empty for a new one);
 * {@code missingFacts} and {@code warnings} travel unchanged in hidden fields.
 */
record ScenarioForm(String replaces, String name, String age, String benefit, String employmentPotential,
		List<String> problems, String brainInjuryCoordination, String measuresSentence, String placedOutOfHome,
		String serviceActMeasures, String departmentsInvolved, String status, String tier, String responsibleArea,
		List<String> flags, String rules, String missingFacts, String warnings) {

	ScenarioForm {
		problems = (problems != null) ? List.copyOf(problems) : List.of();
		flags = (flags != null) ? List.copyOf(flags) : List.of();
	}

	/** An empty form for a new scenario: nothing filled in, nothing ticked. */
	static ScenarioForm blank() {
		return new ScenarioForm("", "", "", "", "", List.of(), "", "", "", "", "", "", "", "", List.of(), "", "", "");
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
				(expect.missingFacts() != null) ? String.join(", ", expect.missingFacts()) : "",
				(expect.warnings() != null) ? warnings(expect.warnings()) : "");
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

	/** The hidden warnings field: each warning's fields comma-separated, ";" between. */
	static List<List<String>> warningList(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		List<List<String>> warnings = new ArrayList<>();
		for (String warning : text.split(";")) {
			if (!warning.isBlank()) {
				warnings.add(items(warning));
			}
		}
		return warnings;
	}

	private static String warnings(List<List<String>> warnings) {
		// "[]" expects none: kept as one empty warning list
		return warnings.isEmpty() ? ";"
				: String.join("; ", warnings.stream().map((w) -> String.join(", ", w)).toList());
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
