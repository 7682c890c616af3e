package dk.model3.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scenarios of two versions compared by name: added, removed, and changed (what a
 * citizen is given, or what is expected, in Danish: "forventede markeringer: … → …").
 */
final class ScenarioDiff {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final Map<String, String> EXPECTED = Map.of("status", "forventet status", "tier", "forventet lag",
			"responsibleArea", "forventet ansvarligt område", "flags", "forventede markeringer", "rules",
			"forventede regler", "missingFacts", "forventede manglende oplysninger", "warnings",
			"forventede advarsler");

	private ScenarioDiff() {
	}

	static Changes.ScenarioChanges between(String before, String after) {
		Map<String, JsonNode> old = scenarios(before);
		Map<String, JsonNode> now = scenarios(after);
		List<Changes.Line> added = new ArrayList<>();
		List<Changes.Line> removed = new ArrayList<>();
		List<Changes.Line> changed = new ArrayList<>();
		now.forEach((name, scenario) -> {
			JsonNode was = old.get(name);
			if (was == null) {
				added.add(new Changes.Line("scenarie tilføjet: " + name, null, scenario.toString()));
			}
			else if (!was.equals(scenario)) {
				changed.add(new Changes.Line(name + ": " + String.join("; ", differences(was, scenario)),
						was.toString(), scenario.toString()));
			}
		});
		old.forEach((name, scenario) -> {
			if (!now.containsKey(name)) {
				removed.add(new Changes.Line("scenarie fjernet: " + name, scenario.toString(), null));
			}
		});
		return new Changes.ScenarioChanges(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
	}

	private static List<String> differences(JsonNode before, JsonNode after) {
		List<String> differences = new ArrayList<>();
		for (String part : List.of("given", "expect")) {
			JsonNode a = before.path(part);
			JsonNode b = after.path(part);
			TreeSet<String> fields = new TreeSet<>();
			a.propertyNames().forEach(fields::add);
			b.propertyNames().forEach(fields::add);
			for (String field : fields) {
				if (!Objects.equals(a.get(field), b.get(field))) {
					String label = part.equals("expect") ? EXPECTED.getOrDefault(field, "forventet " + field)
							: ConditionWords.small(ConditionWords.word("field." + field + ".label", field));
					differences.add(label + ": " + value(field, a.get(field)) + " → " + value(field, b.get(field)));
				}
			}
		}
		return differences;
	}

	private static String value(String field, JsonNode value) {
		if (value == null || value.isNull()) {
			return "ikke angivet";
		}
		if (value.isArray()) {
			if (value.isEmpty()) {
				return "ingen";
			}
			List<String> values = new ArrayList<>();
			value.forEach((each) -> values.add(value(field, each)));
			return String.join(", ", values);
		}
		String prefix = switch (field) {
			case "flags" -> "flag.";
			case "problems" -> "problem.";
			case "responsibleArea" -> "area.";
			case "benefit", "status", "tier", "employmentPotential" -> field + ".";
			default -> null;
		};
		if (value.isBoolean()) {
			return value.asBoolean() ? "ja" : "nej";
		}
		String text = value.asString();
		return (prefix != null) ? ConditionWords.small(ConditionWords.word(prefix + text, text)) : text;
	}

	// each scenario by its name, in the file's order; none when the file cannot be read
	private static Map<String, JsonNode> scenarios(String yaml) {
		Map<String, JsonNode> scenarios = new LinkedHashMap<>();
		if (yaml == null || yaml.isBlank()) {
			return scenarios;
		}
		try {
			for (JsonNode scenario : YAML.readTree(yaml).path("scenarios")) {
				String name = scenario.path("name").asString("");
				scenarios.putIfAbsent(name, scenario);
			}
		}
		catch (JacksonException ex) {
			// a scenario file that is no YAML is a failing check, and a changed file
		}
		return scenarios;
	}

}
