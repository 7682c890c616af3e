package dk.model3.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CSV row as the JSON object a request line would be, with the batch's conventions
 * (docs/batch.md): an empty cell is an absent field, {@code problems} are separated by
 * {@code |}, numbers and booleans are parsed here, quoted cells follow RFC 4180 within
 * one line.
 */
record CsvLine(List<String> columns) implements Serializable {

	static final String KIND = "bad CSV";

	private static final Set<String> INTEGERS = Set.of("age", "departmentsInvolved");

	private static final Set<String> BOOLEANS = Set.of("brainInjuryCoordination", "measuresSentence", "placedOutOfHome",
			"serviceActMeasures");

	/** The header row's columns; the caller checks their names. */
	static CsvLine header(String line) {
		try {
			return new CsvLine(
					cells(line.startsWith("\uFEFF") ? line.substring(1) : line).stream().map(String::trim).toList());
		}
		catch (BadRow ex) {
			throw new IllegalArgumentException("the CSV header row is malformed: " + ex.getMessage());
		}
	}

	ObjectNode toObject(String row) throws BadRow {
		List<String> cells = cells(row);
		if (cells.size() != this.columns.size()) {
			throw new BadRow(KIND, "has " + cells.size() + " cells; the header has " + this.columns.size());
		}
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < cells.size(); i++) {
			String name = this.columns.get(i);
			String cell = cells.get(i).trim();
			if (cell.isEmpty()) {
				continue;
			}
			if (INTEGERS.contains(name)) {
				try {
					node.put(name, Integer.parseInt(cell));
				}
				catch (NumberFormatException ex) {
					throw new BadRow(KIND, "column " + name + " must be a whole number");
				}
			}
			else if (BOOLEANS.contains(name)) {
				if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
					throw new BadRow(KIND, "column " + name + " must be true, false or empty");
				}
				node.put(name, cell.equalsIgnoreCase("true"));
			}
			else if (name.equals("problems")) {
				ArrayNode problems = node.putArray(name);
				for (String problem : cell.split("\\|", -1)) {
					problems.add(problem.trim());
				}
			}
			else {
				node.put(name, cell);
			}
		}
		return node;
	}

	static List<String> cells(String row) throws BadRow {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int i = 0;
		int n = row.length();
		while (true) {
			if (i < n && row.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= n) {
						throw new BadRow(KIND, "has an unclosed quote");
					}
					char c = row.charAt(i++);
					if (c != '"') {
						cell.append(c);
					}
					else if (i < n && row.charAt(i) == '"') {
						cell.append('"');
						i++;
					}
					else {
						break;
					}
				}
				if (i < n && row.charAt(i) != ',') {
					throw new BadRow(KIND, "has text after a closing quote at column " + (i + 1));
				}
			}
			else {
				while (i < n && row.charAt(i) != ',') {
					char c = row.charAt(i++);
					if (c == '"') {
						throw new BadRow(KIND, "has a quote inside an unquoted cell at column " + i);
					}
					cell.append(c);
				}
			}
			cells.add(cell.toString());
			cell.setLength(0);
			if (i >= n) {
				return cells;
			}
			i++; // the comma
		}
	}

}
