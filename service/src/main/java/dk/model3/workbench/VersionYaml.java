package dk.model3.workbench;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
		return comments(source) + YAML.writeValueAsString(tree);
	}

	/** The descriptor's change notes in English ({@code changes}), empty when none. */
	static List<String> changes(String yaml) {
		return texts(object(yaml), "changes");
	}

	/**
	 * The descriptor's change notes in Danish (its {@code da:} block's), empty when none.
	 */
	static List<String> changesDa(String yaml) {
		ObjectNode tree = object(yaml);
		return texts((tree != null && tree.get("da") instanceof ObjectNode da) ? da : null, "changes");
	}

	/**
	 * The descriptor with this change note as its only change notes: the English under
	 * {@code changes}, the Danish under {@code da: changes} (written quoted); the comment
	 * lines at its top are kept.
	 */
	static String withNote(String source, String da, String en) {
		ObjectNode tree = object(source);
		if (tree == null) {
			tree = YAML.createObjectNode();
		}
		tree.putArray("changes").add(en);
		ObjectNode danish = (tree.get("da") instanceof ObjectNode given) ? given : tree.putObject("da");
		danish.putArray("changes").add(da);
		return comments(source) + YAML.writeValueAsString(tree);
	}

	private static String comments(String source) {
		StringBuilder text = new StringBuilder();
		for (String line : ((source != null) ? source : "").split("\n", -1)) {
			if (!line.startsWith("#")) {
				break;
			}
			text.append(line).append('\n');
		}
		return text.toString();
	}

	private static List<String> texts(ObjectNode tree, String name) {
		JsonNode value = (tree != null) ? tree.get(name) : null;
		if (value == null || !value.isArray()) {
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		value.forEach((item) -> {
			if (item.isValueNode() && !item.isNull()) {
				texts.add(item.asString());
			}
		});
		return List.copyOf(texts);
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
