package dk.model3.request;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns CSV rows into the JSON object a request line would be, so that one reader
 * ({@link RequestReader}) validates both formats, in the batch and in the Spark job
 * alike. An empty cell is an absent field; {@code problems} are separated by {@code |};
 * numbers and booleans ({@code true}/{@code false}) are parsed here, and a cell that does
 * not parse rejects the row. Quoted cells follow RFC 4180, within one line. Which columns
 * a header may name is the caller's to check: the Spark job also reads {@code period} and
 * {@code personKey}.
 */
public final class CsvRows implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The kind of a rejected row, as the batch's and the job's rejects name it. */
	public static final String KIND = "bad CSV";

	private static final Set<String> INTEGERS = Set.of("age", "departmentsInvolved");

	private final List<String> columns;

	private CsvRows(List<String> columns) {
		this.columns = List.copyOf(columns);
	}

	/** A row that cannot be read, with what is wrong with it. */
	public static final class BadRow extends Exception {

		private static final long serialVersionUID = 1L;

		BadRow(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Reads the header row (a byte order mark before it is dropped); throws
	 * {@link IllegalArgumentException} saying what is wrong with it, which stops a run
	 * before it starts.
	 */
	public static CsvRows header(String headerLine) {
		String line = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
		try {
			return new CsvRows(cells(line).stream().map(String::trim).toList());
		}
		catch (BadRow ex) {
			throw new IllegalArgumentException("the CSV header row is malformed: " + ex.getMessage());
		}
	}

	public List<String> columns() {
		return this.columns;
	}

	public ObjectNode toObject(String row) throws BadRow {
		List<String> cells = cells(row);
		if (cells.size() != this.columns.size()) {
			throw new BadRow("has " + cells.size() + " cells; the header has " + this.columns.size());
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
					throw new BadRow("column " + name + " must be a whole number");
				}
			}
			else if (RequestReader.YES_NO_FIELDS.contains(name)) {
				if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
					throw new BadRow("column " + name + " must be true, false or empty");
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
						throw new BadRow("has an unclosed quote");
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
					throw new BadRow("has text after a closing quote at column " + (i + 1));
				}
			}
			else {
				while (i < n && row.charAt(i) != ',') {
					char c = row.charAt(i++);
					if (c == '"') {
						throw new BadRow("has a quote inside an unquoted cell at column " + i);
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
