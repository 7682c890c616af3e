package dk.model3.batch;

import java.util.HashSet;
import java.util.Set;

import dk.model3.request.CsvRows;
import dk.model3.request.RequestReader;

/**
 * A batch file's CSV header: its columns are request fields, each named once; anything
 * else stops the run before it starts, with the column named.
 */
final class CsvHeader {

	private CsvHeader() {
	}

	static CsvRows read(String headerLine) {
		CsvRows rows = CsvRows.header(headerLine);
		Set<String> seen = new HashSet<>();
		for (String name : rows.columns()) {
			if (!RequestReader.FIELDS.contains(name)) {
				throw new IllegalArgumentException("the CSV header names an unknown column \"" + name
						+ "\"; columns are the request fields " + String.join(", ", RequestReader.FIELDS));
			}
			if (!seen.add(name)) {
				throw new IllegalArgumentException("the CSV header repeats the column \"" + name + "\"");
			}
		}
		return rows;
	}

}
