package dk.model3.rules.scenarios;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a version's {@code scenarios.yaml}. */
final class ScenarioFile {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// each case is read on its own from the one stream, so the file's line numbers
		// stay known
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private ScenarioFile() {
	}

	/**
	 * The scenarios, or a {@link RuleVersionRefused} naming the line that cannot be read.
	 */
	public static List<Scenario> parse(String version, String file, String yaml) {
		if (yaml == null) {
			throw new RuleVersionRefused(version,
					List.of(new RuleProblem(file, 0, 0, "versionen har ingen scenarios.yaml")));
		}
		List<Scenario> scenarios = new ArrayList<>();
		Set<String> names = new HashSet<>();
		try (JsonParser parser = YAML.createParser(yaml)) {
			expect(parser, JsonToken.START_OBJECT, "filen skal begynde med \"scenarios:\"");
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String key = parser.currentName();
				parser.nextToken();
				if (!"scenarios".equals(key)) {
					throw problem(version, file, parser,
							"ukendt nøgle \"" + key + "\"; filen indeholder kun \"scenarios:\"");
				}
				if (parser.currentToken() != JsonToken.START_ARRAY) {
					throw problem(version, file, parser, "\"scenarios:\" skal være en liste af scenarier");
				}
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					int line = parser.currentLocation().getLineNr();
					JsonNode node = YAML.readTree(parser);
					scenarios.add(toScenario(version, file, line, node, names));
				}
			}
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			throw new RuleVersionRefused(version, List.of(new RuleProblem(file, line, 0, ex.getOriginalMessage())));
		}
		return scenarios;
	}

	private static Scenario toScenario(String version, String file, int line, JsonNode node, Set<String> names) {
		String name = node.path("name").asString("");
		if (name.isBlank()) {
			throw new RuleVersionRefused(version,
					List.of(new RuleProblem(file, line, 0, "et scenarie skal have et navn: en hel sætning")));
		}
		if (!names.add(name)) {
			throw new RuleVersionRefused(version,
					List.of(new RuleProblem(file, line, 0, "scenarienavnet \"" + name + "\" er brugt to gange")));
		}
		JsonNode given = node.get("given");
		JsonNode expect = node.get("expect");
		if (given == null || !given.isObject() || expect == null || !expect.isObject()) {
			throw new RuleVersionRefused(version, List.of(new RuleProblem(file, line, 0,
					"scenariet \"" + name + "\" skal have både \"given:\" og \"expect:\"")));
		}
		try {
			return new Scenario(name, line, given, YAML.treeToValue(expect, Scenario.Expectation.class));
		}
		catch (JacksonException ex) {
			throw new RuleVersionRefused(version, List.of(new RuleProblem(file, line, 0,
					"scenariet \"" + name + "\": \"expect:\" kan ikke læses: " + ex.getOriginalMessage())));
		}
	}

	private static void expect(JsonParser parser, JsonToken token, String message) {
		if (parser.nextToken() != token) {
			throw new RuleVersionRefused("?", List.of(new RuleProblem("scenarios.yaml", 1, 0, message)));
		}
	}

	private static RuleVersionRefused problem(String version, String file, JsonParser parser, String message) {
		return new RuleVersionRefused(version,
				List.of(new RuleProblem(file, parser.currentLocation().getLineNr(), 0, message)));
	}

}
