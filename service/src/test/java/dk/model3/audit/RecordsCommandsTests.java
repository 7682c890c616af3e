package dk.model3.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.model3.TestDatabases;
import dk.model3.cli.Commands;
import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The former decision log imported once, and the commands that read the records
 * ({@code reviews}, {@code replay}, {@code export}), on the embedded database and on
 * PostgreSQL.
 */
class RecordsCommandsTests {

	@TempDir
	Path directory;

	@Test
	void importsTheFormerLogOnceAndTheCommandsReadItOnTheEmbeddedDatabase() throws Exception {
		Path data = Files.createDirectory(this.directory.resolve("data"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		String url = EmbeddedDatabase.url(data);
		importsOnceAndCommandsRead(url, "triage", "", "--data-dir=" + data);
	}

	@Test
	void importsTheFormerLogOnceAndTheCommandsReadItOnPostgres() throws Exception {
		TestDatabases.Postgres postgres = TestDatabases.postgres();
		importsOnceAndCommandsRead(postgres.url(), postgres.user(), postgres.password(),
				"--db-url=" + postgres.urlWithCredentials());
	}

	private void importsOnceAndCommandsRead(String url, String user, String password, String database)
			throws Exception {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Durability durability = new Durability(jdbc, EmbeddedDatabase.embedded(url));
		DecisionRecords records = new DecisionRecords(jdbc, durability, "i1");

		Path log = Files.createDirectories(this.directory.resolve("old/decisions/i2"));
		Files.write(log.getParent().resolve("decisions-2024-03-01.jsonl"),
				List.of(decision("d1", "2024-03-01T09:00:00Z"), decision("d2", "2024-03-01T10:00:00Z"),
						review("d1", "ACCEPTED", null), review("d3", "OVERRIDDEN", "RULE_DOES_NOT_FIT"),
						// cut off by a crash
						"{\"kind\":\"decision\",\"decisionId\":\"d9\",\"ti"));
		Files.write(log.resolve("decisions-2024-03-02.jsonl"),
				List.of(decision("d3", "2024-03-02T09:00:00Z"), review("d2", "OVERRIDDEN", "RULE_DOES_NOT_FIT")));
		LegacyLogImport importer = new LegacyLogImport(jdbc, records, durability);
		importer.importFrom(log.getParent());
		importer.importFrom(log.getParent());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM decisions").query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reviews").query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT SUM(unreadable) FROM imported_log_files").query(Long.class).single()).isEqualTo(1);
		assertThat(records.decision("d1")).hasValueSatisfying((decision) -> {
			assertThat(decision.outcome().tier()).isEqualTo(Tier.CROSS_SECTOR);
			assertThat(decision.facts()).containsEntry("age", 40).containsEntry("problems", List.of("HOMELESSNESS"));
			assertThat(decision.outcome().flags()).containsExactly(Flag.JOINT_PLAN_OFFER);
		});
		// a second review of an imported decision is refused by the database
		assertThat(records
			.reviewed(new ReviewRecord(ReviewRecord.KIND, "d1", Instant.now(), "x", ReviewRecord.Result.ACCEPTED,
					Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT, null, null, null, null, null, "i1")))
			.isFalse();

		Run reviews = run("reviews", "--version", "2023.01", database);
		assertThat(reviews.exit).as(reviews.err).isZero();
		JsonNode summary = DecisionRecords.JSON.readTree(reviews.out);
		assertThat(summary.path("reviews").asLong()).isEqualTo(3);
		assertThat(summary.path("overridden").asLong()).isEqualTo(2);
		assertThat(summary.path("changedTo").get(0).path("to").path("tier").asString()).isEqualTo("PENSION_SOCIAL");
		assertThat(summary.path("changedTo").get(0).path("overridden").asLong()).isEqualTo(2);

		Run export = run("export", "--from", "2024-03-01", "--to", "2024-03-01", database);
		assertThat(export.exit).as(export.err).isZero();
		List<JsonNode> lines = export.out.lines()
			.filter((line) -> line.startsWith("{"))
			.map(DecisionRecords.JSON::readTree)
			.toList();
		assertThat(lines).extracting((line) -> line.path("decision").path("decisionId").asString())
			.containsExactly("d1", "d2");
		assertThat(lines.get(0).path("review").path("result").asString()).isEqualTo("ACCEPTED");
		assertThat(lines.get(1).path("review").path("reason").asString()).isEqualTo("RULE_DOES_NOT_FIT");

		Run replay = run("replay", "--rules", "2023.01", "--rules-dir", "../rules", "--from", "2024-03-01", database);
		assertThat(replay.exit).as(replay.err).isZero();
		// outside Spring the rule engine's log goes to standard output too
		assertThat(replay.out.lines().filter((line) -> line.startsWith("{"))).hasSize(3)
			.allSatisfy((line) -> assertThat(DecisionRecords.JSON.readTree(line).path("tier").asString())
				.isEqualTo("CROSS_SECTOR"));
		assertThat(replay.err).contains("3 read, 3 replayed, 0 rejected, 0 changed");

		assertThat(run("reviews", "--data-dir=" + this.directory.resolve("nothing-here")).exit).isEqualTo(2);
	}

	private static String decision(String id, String time) {
		Map<String, Object> facts = Map.of("age", 40, "benefit", "CASH_BENEFIT", "employmentPotential", "PRESENT",
				"problems", List.of("HOMELESSNESS"));
		return DecisionRecords.JSON.writeValueAsString(new DecisionRecord(DecisionRecord.KIND, id, Instant.parse(time),
				"hmac-" + id, LocalDate.parse(time.substring(0, 10)), "2023.01", false, "sha256:x", facts,
				new DecisionRecord.Result(Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT,
						List.of(Flag.JOINT_PLAN_OFFER), List.of()),
				List.of("D-03", "T2-01", "F-04"), "T2-01",
				List.of(new DecisionRecord.RuledOut(Tier.EMPLOYMENT_ONLY, "W1-08")), "i2"));
	}

	private static String review(String id, String result, String reason) {
		boolean accepted = "ACCEPTED".equals(result);
		return DecisionRecords.JSON.writeValueAsString(new ReviewRecord(ReviewRecord.KIND, id,
				Instant.parse("2024-03-02T12:00:00Z"), "caseworker", ReviewRecord.Result.valueOf(result), Status.PLACED,
				accepted ? Tier.CROSS_SECTOR : Tier.PENSION_SOCIAL, accepted ? Area.EMPLOYMENT : Area.SOCIAL, reason,
				new ReviewRecord.Recommendation(Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT), "2023.01",
				"sha256:x", "T2-01", "i2"));
	}

	private static Run run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
			int exit = Commands.run(new ArrayList<>(List.of(args)).toArray(String[]::new));
			return new Run(exit, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	private record Run(int exit, String out, String err) {

	}

}
