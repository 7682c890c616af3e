package dk.model3.workbench;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A draft's {@code version.yaml}, read and written with a YAML library: the one place a
 * draft's in-force date and title live. A new draft's descriptor is its source's with the
 * draft's id, date and title set as values (every text written quoted), so no user text
 * is ever part of a pattern or a replacement.
 */
final class VersionYaml {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.disable(YAMLWriteFeature.SPLIT_LINES)
		.build();

	private VersionYaml() {
	}

	/** The in-force date the descriptor gives, or null when it gives none readable. */
	static LocalDate inForceFrom(String yaml) {
		String text = field(object(yaml), "inForceFrom");
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The descriptor's title, or null. */
	static String title(String yaml) {
		return field(object(yaml), "title");
	}

	/** The descriptor's Danish title (its {@code da:} block's), or null. */
	static String titleDa(String yaml) {
		ObjectNode tree = object(yaml);
		return field((tree != null && tree.get("da") instanceof ObjectNode da) ? da : null, "title");
	}

	/**
	 * The source version's descriptor with the draft's id, date and (when given) title
	 * and Danish title; the comment lines at its top are kept.
	 */
	static String forDraft(String source, String id, LocalDate inForceFrom, String title, String titleDa) {
		ObjectNode tree = object(source);
		if (tree == null) {
			tree = YAML.createObjectNode();
		}
		tree.put("id", id);
		if (title != null) {
			tree.put("title", title);
		}
		tree.put("inForceFrom", inForceFrom.toString());
		if (titleDa != null) {
			ObjectNode da = (tree.get("da") instanceof ObjectNode given) ? given : tree.putObject("da");
			da.put("title", titleDa);
		}
		StringBuilder text = new StringBuilder();
		for (String line : source.split("\n", -1)) {
			if (!line.startsWith("#")) {
				break;
			}
			text.append(line).append('\n');
		}
		return text.append(YAML.writeValueAsString(tree)).toString();
	}

	private static String field(ObjectNode tree, String name) {
		JsonNode value = (tree != null) ? tree.get(name) : null;
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	private static ObjectNode object(String yaml) {
		if (yaml == null || yaml.isBlank()) {
			return null;
		}
		try {
			return (YAML.readTree(yaml) instanceof ObjectNode tree) ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
