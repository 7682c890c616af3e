package dk.model3.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.model3.request.RequestReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns CSV rows into the JSON object a request line would be, so that one reader
 * ({@link RequestReader}) validates both formats. The header names contract fields; an
 * empty cell is an absent field; {@code problems} are separated by {@code |}; numbers and
 * booleans ({@code true}/{@code false}) are parsed here, and a cell that does not parse
 * rejects the row. Quoted cells follow RFC 4180, within one line.
 */
final class CsvRows {

	static final String KIND = "bad CSV";

	private static final Set<String> INTEGERS = Set.of("age", "departmentsInvolved");

	private static final Set<String> BOOLEANS = Set.of("brainInjuryCoordination", "measuresSentence", "placedOutOfHome",
			"serviceActMeasures");

	private final List<String> columns;

	private CsvRows(List<String> columns) {
		this.columns = columns;
	}

	/**
	 * Reads the header row; throws {@link IllegalArgumentException} naming what is wrong
	 * with it, which stops the run before it starts.
	 */
	static CsvRows header(String headerLine) {
		List<String> columns;
		try {
			columns = cells(headerLine);
		}
		catch (BadLine ex) {
			throw new IllegalArgumentException("the CSV header row is malformed: " + ex.getMessage());
		}
		Set<String> seen = new HashSet<>();
		for (String column : columns) {
			String name = column.trim();
			if (!RequestReader.FIELDS.contains(name)) {
				throw new IllegalArgumentException("the CSV header names an unknown column \"" + name
						+ "\"; columns are the request fields " + String.join(", ", RequestReader.FIELDS));
			}
			if (!seen.add(name)) {
				throw new IllegalArgumentException("the CSV header repeats the column \"" + name + "\"");
			}
		}
		return new CsvRows(columns.stream().map(String::trim).toList());
	}

	ObjectNode toObject(String row) throws BadLine {
		List<String> cells = cells(row);
		if (cells.size() != this.columns.size()) {
			throw new BadLine(KIND, "has " + cells.size() + " cells; the header has " + this.columns.size());
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
					throw new BadLine(KIND, "column " + name + " must be a whole number");
				}
			}
			else if (BOOLEANS.contains(name)) {
				if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
					throw new BadLine(KIND, "column " + name + " must be true, false or empty");
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

	static List<String> cells(String row) throws BadLine {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int i = 0;
		int n = row.length();
		while (true) {
			if (i < n && row.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= n) {
						throw new BadLine(KIND, "has an unclosed quote");
					}
					char c = row.charAt(i++);
					if (c == '"') {
						if (i < n && row.charAt(i) == '"') {
							cell.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						cell.append(c);
					}
				}
				if (i < n && row.charAt(i) != ',') {
					throw new BadLine(KIND, "has text after a closing quote at column " + (i + 1));
				}
			}
			else {
				while (i < n && row.charAt(i) != ',') {
					char c = row.charAt(i++);
					if (c == '"') {
						throw new BadLine(KIND, "has a quote inside an unquoted cell at column " + i);
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
