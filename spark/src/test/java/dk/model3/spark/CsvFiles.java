package dk.model3.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines rewritten as CSV the way a register export writes it: a header, then one
 * line per row; every other line has its cells in double quotes.
 */
final class CsvFiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CsvFiles() {
	}

	static void write(Path jsonLines, Path csv, List<String> columns) {
		try {
			List<String> lines = new ArrayList<>();
			lines.add(String.join(",", columns));
			int row = 0;
			for (String line : Files.readAllLines(jsonLines)) {
				JsonNode node = JSON.readTree(line);
				boolean quoted = row++ % 2 == 1;
				List<String> cells = new ArrayList<>();
				for (String column : columns) {
					String cell = cell(node.get(column));
					cells.add(quoted ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
				}
				lines.add(String.join(",", cells));
			}
			Files.write(csv, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String cell(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.stringValue()));
			return String.join("|", items);
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

}
