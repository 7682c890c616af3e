package dk.model3.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV lines are parsed by Spark's CSV reader with each file's header as the schema; a
 * plainly valid line takes no reading in Java, and every line, read fast or the exact
 * way, gives what the batch's reading ({@link ExactRows}) gives.
 */
class CsvColumnsTests {

	@TempDir
	Path work;

	@Test
	void readsPlainlyValidLinesWithSparksParserInEitherColumnOrderAndTheRestTheExactWay() throws IOException {
		Path input = this.work.resolve("input");
		Files.createDirectories(input);
		Files.writeString(input.resolve("a.csv"),
				"""
						period,personKey,citizenRef,age,benefit,employmentPotential,problems,flexJob,departmentsInvolved,measuresSentence
						2023-01-02,A-1,A-1,34,CASH_BENEFIT,PRESENT,HOMELESSNESS|SOCIAL_PROBLEMS,,,
						"2023-01-02","A-2","A-2","007","NONE",,"",TRUE,"3",false
						2023-01-02,A-3,A-3,40,NONE,,,true,,
						2023-01-02,A-4,A-4, 40,CASH_BENEFIT,,,,,
						2023-01-02,A-5,A-5,forty,CASH_BENEFIT,,,,,
						2023-01-02,A-6,A-6,40,CASH_BENEFIT
						2023-01-02,A-7,A"7,40,CASH_BENEFIT,,,,,
						2023-01-02,"A-8,40,CASH_BENEFIT,,,,,
						2023-01-02,A-9,"A-""9",40,CASH_BENEFIT,,,,,
						2023-01-02,A-10,0101901234,40,CASH_BENEFIT,,,,,
						2023-01-02,A-11,A-11,40,CASH_BENEFIT,,,yes,,
						2023-01-02,A-12,12,40,CASH_BENEFIT,,HOMELESSNESS,,,
						2023-01-02,A-13,A-13,40,CASH_BENEFIT,,HOMELESSNESS|,,,
						""");
		Files.writeString(input.resolve("b.csv"), """
				citizenRef,benefit,age,personKey,period,flexJob
				B-1,NONE,55,B-1,2024-01-01,false
				"B-2",CASH_BENEFIT,19,B-2,2024-01-01,
				""");
		InputRows rows = InputRows.read(LocalSpark.session(), input.toString(), null);

		Map<String, Boolean> fast = new TreeMap<>();
		for (Row row : FastRows.checked(rows.rows(), rows.csvHeaders())
			.select(col("personKey"), col(Columns.SOURCE), col(Columns.ORDINAL), col("fast"))
			.collectAsList()) {
			fast.put(key(row.getString(1), row.getLong(2)), row.getBoolean(3));
		}
		// the header is line 1 (ordinal 0); a quoted empty cell is absent; a reference of
		// digits is text in CSV
		for (long ordinal : new long[] { 1, 2, 3, 12 }) {
			assertThat(fast).as("line %d", ordinal + 1).containsEntry(key("a.csv", ordinal), true);
		}
		assertThat(fast).containsEntry(key("b.csv", 1), true).containsEntry(key("b.csv", 2), true);
		// spaces, a bad number, a missing cell, stray quotes, a CPR number, a bad flex
		// job,
		// a trailing |
		for (long ordinal : new long[] { 4, 5, 6, 7, 8, 9, 10, 11, 13 }) {
			assertThat(fast).as("line %d", ordinal + 1).containsEntry(key("a.csv", ordinal), false);
		}

		ExactRows exact = new ExactRows(rows.csvHeaders());
		Map<String, String> expected = new TreeMap<>();
		for (Row row : rows.rows().collectAsList()) {
			expected.put(key(row.getString(0), row.getLong(2)),
					answer(exact.call(row.getString(0), row.getLong(1), row.getLong(2), row.getString(3)), 0));
		}
		Map<String, String> read = new TreeMap<>();
		for (Row row : FastRows.read(rows.rows(), exact, rows.csvHeaders()).collectAsList()) {
			read.put(key(row.getString(0), row.getLong(2)), answer(row, 3));
		}
		assertThat(read).isEqualTo(expected).hasSize(15);
		assertThat(read.get(key("a.csv", 2))).startsWith("2023-01-02 A-2 A-2 2023-01-02 ").endsWith(" true null");
		assertThat(read.get(key("a.csv", 4))).startsWith("2023-01-02 A-4 A-4 2023-01-02 ").endsWith(" false null");
		assertThat(read.get(key("a.csv", 5))).endsWith("bad CSV");
		assertThat(read.get(key("a.csv", 10))).endsWith("CPR number as reference");
		assertThat(read.get(key("a.csv", 11))).endsWith("invalid field");
		assertThat(read.get(key("b.csv", 1))).startsWith("2024-01-01 B-1 B-1 2024-01-01 ").endsWith(" false null");
	}

	private static String key(String source, long ordinal) {
		return source.substring(source.lastIndexOf('/') + 1) + "#" + ordinal;
	}

	// period, personKey, citizenRef, assessmentDate, code, flexJob, rejectKind
	private static String answer(Row row, int from) {
		List<String> values = new ArrayList<>();
		for (int i = from; i < from + 7; i++) {
			values.add(String.valueOf(row.get(i)));
		}
		return String.join(" ", values);
	}

}
