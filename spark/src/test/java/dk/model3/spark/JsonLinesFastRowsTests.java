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
 * JSON lines are parsed by Spark's JSON reader with the job's schema and checked with
 * column expressions. The checks may be stricter than the batch's reading, never looser:
 * a value the request reader would refuse, or that Spark's reader turned into something
 * else (a number or true read as a string, an escaped line break), is never taken as
 * plainly valid, and every line, read fast or the exact way, gives what the batch's
 * reading ({@link ExactRows}) gives.
 */
class JsonLinesFastRowsTests {

	private static final String REST = "\"age\":40,\"benefit\":\"CASH_BENEFIT\"}";

	@TempDir
	Path work;

	@Test
	void takesOnlyWhatTheRequestReaderAcceptsAsPlainlyValid() throws IOException {
		List<String> plain = List.of(line("\"A-1\"", "\"A-1\""), line("\"A-2\"", "\"ref.123456789:x\""),
				line("\"A-3\"", "\"" + "r".repeat(64) + "\""),
				"{\"period\":\"2023-01-02\",\"personKey\":\"A-4\",\"citizenRef\":\"A-4\",\"rulesVersion\":\"v2\","
						+ REST);
		List<String> notPlain = List.of(
				// what the reader refuses
				line("\"B-1\\n\"", "\"B-1\""), line("\"B-2\"", "\"B-2\\n\""), line("\"B-3\"", "\"0101901234\""),
				line("\"B-4\"", "\"" + "r".repeat(65) + "\""), line("\"B-5\"", "\"B 5\""), line("\"B-6\"", "12"),
				line("\"B-7\"", "true"), line("\"B-8\"", "\"\""),
				"{\"period\":\"2023-01-02\",\"personKey\":\"B-9\",\"citizenRef\":\"B-9\",\"rulesVersion\":2021.03,"
						+ REST,
				"{\"period\":\"2023-01-02\",\"personKey\":\"B-10\",\"citizenRef\":\"B-10\",\"rulesVersion\":\"2021.03\\n\","
						+ REST,
				// what it accepts, though Spark's reader cannot tell it from a number or
				// true
				line("\"C-1\"", "\"12\""), line("\"C-2\"", "\"true\""),
				"{\"period\":\"2023-01-02\",\"personKey\":\"C-3\",\"citizenRef\":\"C-3\",\"rulesVersion\":\"2021.03\","
						+ REST);
		List<String> lines = new ArrayList<>(plain);
		lines.addAll(notPlain);
		Path input = this.work.resolve("input.jsonl");
		Files.write(input, lines);
		InputRows rows = InputRows.read(LocalSpark.session(), input.toString(), null);

		Map<Long, Boolean> fast = new TreeMap<>();
		for (Row row : FastRows.checked(rows.rows(), null).select(col(Columns.ORDINAL), col("fast")).collectAsList()) {
			fast.put(row.getLong(0), row.getBoolean(1));
		}
		for (int i = 0; i < lines.size(); i++) {
			assertThat(fast.get((long) i)).as(lines.get(i)).isEqualTo(i < plain.size());
		}

		ExactRows exact = new ExactRows(null);
		Map<Long, String> expected = new TreeMap<>();
		for (Row row : rows.rows().collectAsList()) {
			expected.put(row.getLong(2),
					answer(exact.call(row.getString(0), row.getLong(1), row.getLong(2), row.getString(3)), 0));
		}
		Map<Long, String> read = new TreeMap<>();
		for (Row row : FastRows.read(rows.rows(), exact, null).collectAsList()) {
			read.put(row.getLong(2), answer(row, 3));
		}
		assertThat(read).isEqualTo(expected).hasSize(lines.size());
		// the reader's own answers: refused with its reason, or read
		assertThat(read.get(4L)).endsWith("invalid field");
		assertThat(read.get(6L)).endsWith("CPR number as reference");
		assertThat(read.get(10L)).endsWith("invalid field");
		assertThat(read.get(14L)).startsWith("2023-01-02 C-1 12 ").endsWith(" false null");
		assertThat(read.get(15L)).startsWith("2023-01-02 C-2 true ").endsWith(" false null");
		assertThat(read.get(16L)).startsWith("2023-01-02 C-3 C-3 ").endsWith(" false null");
	}

	private static String line(String personKey, String citizenRef) {
		return "{\"period\":\"2023-01-02\",\"personKey\":" + personKey + ",\"citizenRef\":" + citizenRef + "," + REST;
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
