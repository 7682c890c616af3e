// The embedded database's cost per decision, without the service: the decision writer's insert
// and CHECKPOINT in a plain JDBC loop, run by hand (not in CI) from the repository's root:
//
//   H2=$(ls ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar)
//   java -cp "$H2" bench/RecordsWriteBench.java IDS ROWS-PER-COMMIT ROWS-BEFORE ROWS [URL-SETTINGS]
//   java -cp "$H2" bench/RecordsWriteBench.java random 4 50000 20000
//   java -cp "$H2" bench/RecordsWriteBench.java ordered 4 50000 20000 ';PAGE_SIZE=2048'
//
// IDS: random (UUID version 4) or ordered (version 7, as the service makes them). The table is
// created by the service's own migration in a new folder, filled with ROWS-BEFORE rows, then
// ROWS more are written ROWS-PER-COMMIT at a time, each commit followed by CHECKPOINT as
// DecisionWriter does. Prints the process's CPU per decision (H2's own threads included),
// the bytes written per decision (steady however busy the machine is), the
// commit's p50, p99 and max, the file's size and the load average.
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

public class RecordsWriteBench {

	private static final SecureRandom RANDOM = new SecureRandom();

	public static void main(String[] args) throws Exception {
		boolean ordered = args[0].equals("ordered");
		int batch = Integer.parseInt(args[1]);
		int before = Integer.parseInt(args[2]);
		int rows = Integer.parseInt(args[3]);
		String settings = (args.length > 4) ? args[4] : "";
		Path dir = Files.createTempDirectory("records-write-bench");
		// the service's embedded settings (EmbeddedDatabase.SETTINGS)
		String url = "jdbc:h2:file:" + dir.resolve("records")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;RETENTION_TIME=0" + settings;
		try (Connection connection = DriverManager.getConnection(url, "triage", "")) {
			String migration = Files
				.readString(Path.of("service/src/main/resources/db/migration/V1__decisions_reviews_reads.sql"));
			try (Statement statement = connection.createStatement()) {
				for (String sql : migration.replaceAll("--[^\n]*", "").split(";")) {
					if (!sql.isBlank()) {
						statement.execute(sql);
					}
				}
			}
			// the benchmark's cross-sector case: a details column of 411 characters
			String details = "{\"facts\":{\"age\":34,\"benefit\":\"CASH_BENEFIT\",\"brainInjuryCoordination\":false,"
					+ "\"departmentsInvolved\":2,\"employmentPotential\":\"PRESENT\",\"problems\":[\"HOMELESSNESS\","
					+ "\"SEVERE_SUBSTANCE_ABUSE\"]},\"flags\":[\"JOINT_PLAN_OFFER\"],\"missingFacts\":[],"
					+ "\"ruleIds\":[\"T2-01\",\"F-03\",\"F-07\"],\"whyNot\":[{\"tier\":\"EMPLOYMENT_ONLY\",\"ruleId\":\"T1-02\"},"
					+ "{\"tier\":\"PENSION_SOCIAL\",\"ruleId\":\"T3-01\"}],\"pad\":\"" + "x".repeat(60) + "\"}";
			PreparedStatement insert = connection.prepareStatement("INSERT INTO decisions (decision_id, decided_at, "
					+ "caseworker, instance, citizen_ref_hmac, assessment_date, rules_version, version_pinned, "
					+ "rules_checksum, status, tier, responsible_area, deciding_rule_id, details) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			Statement checkpoint = connection.createStatement();
			var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			long[] commits = new long[rows / batch + 1];
			int n = 0;
			long cpu = 0, written = 0;
			int total = before + rows;
			for (int i = 0; i < total;) {
				if (i >= before && cpu == 0) {
					cpu = os.getProcessCpuTime();
					written = io("wchar:");
				}
				long start = System.nanoTime();
				int size = (i < before) ? Math.min(256, before - i) : batch;
				for (int k = 0; k < size && i < total; k++, i++) {
					insert.setString(1, ordered ? ordered() : UUID.randomUUID().toString());
					insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
					insert.setString(3, "caseworker-" + (i % 5));
					insert.setString(4, "vm:18080");
					insert.setString(5, "29AYgAecV_hOk5JDF5x_02eE9jUELrh9CFEGPNs5EgU".substring(0, 30) + (i % 100000));
					insert.setObject(6, LocalDate.of(2024, 3, 1));
					insert.setString(7, "2023.01");
					insert.setBoolean(8, false);
					insert.setString(9, "sha256:4f502b074d3fbccf1d400fc2df8801f4a85cf65cba676557dd4724df73a19d62");
					insert.setString(10, "PLACED");
					insert.setString(11, "CROSS_SECTOR");
					insert.setString(12, "EMPLOYMENT");
					insert.setString(13, "T2-01");
					insert.setString(14, details);
					insert.addBatch();
				}
				insert.executeBatch();
				checkpoint.execute("CHECKPOINT");
				if (i > before) {
					commits[n++] = System.nanoTime() - start;
				}
			}
			cpu = os.getProcessCpuTime() - cpu;
			written = io("wchar:") - written;
			Arrays.sort(commits, 0, n);
			System.out.printf(
					"%s ids, %d rows a commit, %d rows before: CPU %.0f µs, written %.1f KB a decision; "
							+ "commit p50 %.2f ms, p99 %.2f ms, max %.1f ms; file %d MB; load average %s%n",
					args[0], batch, before, cpu / 1e3 / rows, written / 1024.0 / rows,
					commits[n / 2] / 1e6, commits[(int) (n * 0.99)] / 1e6, commits[n - 1] / 1e6,
					Files.size(dir.resolve("records.mv.db")) >> 20,
					Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
		}
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	// as dk.model3.triage.DecisionIds
	private static String ordered() {
		long high = (System.currentTimeMillis() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF);
		long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	private static long io(String field) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).trim());
			}
		}
		return 0;
	}

}
