package dk.model3.rules.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dk.model3.rules.RuleVersionFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Edits a {@code scenarios.yaml} one scenario at a time, as text: a scenario is the block
 * that starts at its {@code - name:} line and runs to the last line indented under it;
 * {@link #replace} writes a fresh block in the file's style in its place and
 * {@link #append} adds one at the end. Every other byte of the file, its comments and the
 * order of its scenarios, stays as it was. Comments inside the edited block itself are
 * not kept.
 */
public final class ScenarioBlocks {

	// one scalar, quoted only when YAML needs it; a sentence with ": ", " #", quotes or a
	// line break comes out quoted and escaped
	private static final ObjectMapper SCALARS = YAMLMapper.builder()
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.disable(YAMLWriteFeature.SPLIT_LINES)
		.build();

	// a contract code or a number: written as it is
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|-?[0-9]+|true|false");

	private static final Pattern ITEM = Pattern.compile("^( *)- ");

	private ScenarioBlocks() {
	}

	/** The scenarios of the file, or a refusal naming the line that cannot be read. */
	public static List<Scenario> parse(String version, String yaml) {
		return ScenarioFile.parse(version, RuleVersionFiles.SCENARIOS, yaml);
	}

	/**
	 * The file with the scenario named {@code name} (exactly) written anew as
	 * {@code edited}, in the same place.
	 * @throws NoSuchScenario when no scenario has that name
	 */
	public static String replace(String yaml, String name, Scenario edited) {
		List<String> lines = lines(yaml);
		String indent = itemIndent(lines);
		for (Block block : blocks(lines, indent)) {
			if (name.equals(block.name(lines, indent))) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < block.first(); i++) {
					text.append(lines.get(i)).append('\n');
				}
				text.append(block(edited, indent));
				for (int i = block.last() + 1; i < lines.size(); i++) {
					text.append(lines.get(i));
					if (i < lines.size() - 1) {
						text.append('\n');
					}
				}
				if (block.last() + 1 >= lines.size()) {
					// the block was the file's end: keep its last line break as it was
					return yaml.endsWith("\n") ? text.toString() : text.substring(0, text.length() - 1);
				}
				return text.toString();
			}
		}
		throw new NoSuchScenario(name);
	}

	/** The file with {@code added} as its last scenario, after a blank line. */
	public static String append(String yaml, Scenario added) {
		List<String> lines = lines(yaml);
		String indent = itemIndent(lines);
		String text = yaml.stripTrailing();
		return text + "\n\n" + block(added, indent);
	}

	/**
	 * A scenario as a block of the file, its {@code - } at {@code indent}, ending in a
	 * line break: name, given (the request fields in their order), expect (status, tier,
	 * responsibleArea, flags as the exact set, and missingFacts, rules and warnings when
	 * given).
	 */
	public static String block(Scenario scenario, String indent) {
		StringBuilder out = new StringBuilder();
		String in = indent + "    ";
		out.append(indent).append("- name: ").append(scalar(scenario.name())).append('\n');
		out.append(indent).append("  given:\n");
		for (Map.Entry<String, JsonNode> field : scenario.given().properties()) {
			out.append(in).append(key(field.getKey())).append(": ").append(value(field.getValue())).append('\n');
		}
		Scenario.Expectation expect = scenario.expect();
		out.append(indent).append("  expect:\n");
		line(out, in, "status", expect.status());
		line(out, in, "tier", expect.tier());
		line(out, in, "responsibleArea", expect.responsibleArea());
		out.append(in)
			.append("flags: ")
			.append(list((expect.flags() != null) ? expect.flags() : List.of()))
			.append('\n');
		if (expect.missingFacts() != null) {
			out.append(in).append("missingFacts: ").append(list(expect.missingFacts())).append('\n');
		}
		if (expect.rules() != null) {
			out.append(in).append("rules: ").append(list(expect.rules())).append('\n');
		}
		if (expect.warnings() != null) {
			List<String> warnings = expect.warnings().stream().map(ScenarioBlocks::list).toList();
			out.append(in).append("warnings: [").append(String.join(", ", warnings)).append("]\n");
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String in, String key, Object value) {
		if (value != null) {
			out.append(in).append(key).append(": ").append(scalar(value.toString())).append('\n');
		}
	}

	private static String key(String key) {
		return PLAIN.matcher(key).matches() ? key : scalar(key);
	}

	private static String value(JsonNode node) {
		if (node.isArray()) {
			List<String> items = new ArrayList<>();
			node.forEach((item) -> items.add(value(item)));
			return "[" + String.join(", ", items) + "]";
		}
		if (node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		if (node.isString()) {
			return scalar(node.asString());
		}
		// anything else (an object, null) as JSON, which YAML reads the same
		return node.toString();
	}

	private static String list(List<?> items) {
		return "[" + String.join(", ", items.stream().map((item) -> scalar(String.valueOf(item))).toList()) + "]";
	}

	/** A string as one YAML scalar: plain when it is a code, else as YAML quotes it. */
	static String scalar(String text) {
		if (PLAIN.matcher(text).matches() && !text.equals("true") && !text.equals("false")
				&& !text.matches("-?[0-9]+")) {
			return text;
		}
		String written = SCALARS.writeValueAsString(text);
		if (written.endsWith("\n")) {
			written = written.substring(0, written.length() - 1);
		}
		if (written.contains("\n")) {
			// a block scalar would need lines of its own: the quoted form instead
			written = tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
		}
		return written;
	}

	// the text's lines, without their line breaks (a last empty line when it ends in one)
	private static List<String> lines(String yaml) {
		return List.of(yaml.split("\n", -1));
	}

	// the indentation of the list's items: that of the first "- " line
	private static String itemIndent(List<String> lines) {
		for (String line : lines) {
			var matcher = ITEM.matcher(line);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return "  ";
	}

	/** One scenario's lines, first to last (inclusive). */
	private record Block(int first, int last) {

		String name(List<String> lines, String indent) {
			StringBuilder text = new StringBuilder();
			for (int i = this.first; i <= this.last; i++) {
				text.append(lines.get(i)).append('\n');
			}
			try {
				JsonNode node = SCALARS.readTree(text.toString());
				JsonNode item = node.isArray() ? node.path(0) : node;
				// as the file is read: a name YAML takes for a number is its text
				return item.path("name").isValueNode() ? item.path("name").asString() : null;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

	private static List<Block> blocks(List<String> lines, String indent) {
		List<Block> blocks = new ArrayList<>();
		int first = -1;
		int last = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith(indent + "- ") && !line.startsWith(indent + " ")) {
				if (first >= 0) {
					blocks.add(new Block(first, last));
				}
				first = i;
				last = i;
			}
			else if (first >= 0 && belongs(line, indent)) {
				last = i;
			}
			else if (first >= 0 && !line.isBlank() && !line.strip().startsWith("#")) {
				// something at the list's level or above: the list has ended
				blocks.add(new Block(first, last));
				first = -1;
			}
		}
		if (first >= 0) {
			blocks.add(new Block(first, last));
		}
		return blocks;
	}

	// a line indented under the item (a comment as well; a comment at the item's own
	// level belongs to what follows)
	private static boolean belongs(String line, String indent) {
		if (line.isBlank()) {
			return false;
		}
		int spaces = 0;
		while (spaces < line.length() && line.charAt(spaces) == ' ') {
			spaces++;
		}
		return spaces > indent.length();
	}

	/** No scenario of the file has this name. */
	public static final class NoSuchScenario extends RuntimeException {

		private final String name;

		NoSuchScenario(String name) {
			super("no scenario is named \"" + name + "\"");
			this.name = Objects.requireNonNull(name);
		}

		public String name() {
			return this.name;
		}

	}

}
