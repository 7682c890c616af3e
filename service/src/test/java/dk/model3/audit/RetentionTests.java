package dk.model3.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTests {

	@TempDir
	Path directory;

	@Test
	void deletesDecisionsOlderThanTheRetentionPeriodWithTheirReviewsAndReads() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(EmbeddedDatabase.url(this.directory), "triage",
				"");
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		DecisionRecords records = new DecisionRecords(jdbc, new Durability(jdbc, true), "i1");
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.update(DecisionRecords.INSERT_DECISION,
				DecisionRecords.row(decision("old", "2019-03-01T09:00:00Z"), "cw"));
		template.update(DecisionRecords.INSERT_DECISION,
				DecisionRecords.row(decision("kept", "2019-03-03T09:00:00Z"), "cw"));
		for (String id : List.of("old", "kept")) {
			records.reviewed(new ReviewRecord(ReviewRecord.KIND, id, Instant.parse("2019-03-04T09:00:00Z"), "cw",
					ReviewRecord.Result.ACCEPTED, Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT, null, null, null,
					null, null, "i1"));
			records.read(id, "cw", "JUSTIFICATION_API");
		}
		Clock clock = Clock.fixed(Instant.parse("2024-03-02T12:00:00Z"), ZoneId.of("Europe/Copenhagen"));
		Retention retention = new Retention(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				clock, Period.ofYears(5));

		assertThat(retention.deleteExpired()).isEqualTo(1);
		assertThat(records.decision("old")).isEmpty();
		assertThat(records.review("old")).isEmpty();
		assertThat(records.reads("old")).isEmpty();
		assertThat(records.decision("kept")).isPresent();
		assertThat(records.review("kept")).isPresent();
		assertThat(records.reads("kept")).hasSize(1);
		assertThat(retention.deleteExpired()).isZero();
	}

	private static DecisionRecord decision(String id, String time) {
		return new DecisionRecord(DecisionRecord.KIND, id, Instant.parse(time), "hmac", LocalDate.parse("2019-03-01"),
				"2023.01", false, "sha256:x", Map.of("age", 40),
				new DecisionRecord.Result(Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT, List.of(), List.of()),
				List.of("T2-01"), "T2-01", List.of(), "i1");
	}

}
