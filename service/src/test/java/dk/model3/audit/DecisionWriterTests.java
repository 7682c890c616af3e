package dk.model3.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import org.flywaydb.core.Flyway;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: concurrent decisions share commits, and each returns only once its row is
 * there.
 */
class DecisionWriterTests {

	@TempDir
	Path directory;

	@Test
	void returnsEachDecisionOnlyAfterItsRowIsCommitted() throws Exception {
		var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				EmbeddedDatabase.url(this.directory), "triage", "");
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		DecisionRecords records = new DecisionRecords(jdbc, new Durability(jdbc, true), "i1");
		DecisionWriter writer = new DecisionWriter(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new Durability(jdbc, true),
				new RecordsHealth(jdbc, Clock.systemUTC()), Duration.ofSeconds(10), new SimpleMeterRegistry());
		// another connection, as another instance would read
		SingleConnectionDataSource reader = new SingleConnectionDataSource(EmbeddedDatabase.url(this.directory),
				"triage", "", true);
		JdbcClient other = JdbcClient.create(reader);
		AtomicInteger missing = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				done.add(threads.submit(() -> {
					for (int i = 0; i < 25; i++) {
						String id = UUID.randomUUID().toString();
						writer.write(decision(id), "cw");
						if (other.sql("SELECT COUNT(*) FROM decisions WHERE decision_id = ?")
							.param(id)
							.query(Long.class)
							.single() != 1) {
							missing.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
			writer.destroy();
			reader.destroy();
		}
		assertThat(missing).hasValue(0);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM decisions").query(Long.class).single()).isEqualTo(400);
		assertThat(records.madeBy("cw", Instant.EPOCH, 1000)).hasSize(400);
	}

	@Test
	void keepsTheEmbeddedFileNearTheSizeOfItsRows() throws Exception {
		// one connection, as the service's pool keeps them open
		var dataSource = new SingleConnectionDataSource(EmbeddedDatabase.url(this.directory), "triage", "", true);
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		DecisionWriter writer = new DecisionWriter(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new Durability(jdbc, true),
				new RecordsHealth(jdbc, Clock.systemUTC()), Duration.ofSeconds(10), new SimpleMeterRegistry());
		try {
			// one commit, and so one chunk written to the file, per decision
			for (int i = 0; i < 2000; i++) {
				writer.write(decision(UUID.randomUUID().toString()), "cw");
			}
		}
		finally {
			writer.destroy();
			dataSource.destroy();
		}
		// 4 MB measured; 14 MB with H2's default 45 s retention of old chunks
		assertThat(java.nio.file.Files.size(this.directory.resolve(EmbeddedDatabase.FILE + ".mv.db")))
			.isLessThan(8L << 20);
	}

	private static DecisionRecord decision(String id) {
		return new DecisionRecord(DecisionRecord.KIND, id, Instant.now(), "hmac", LocalDate.parse("2024-03-01"),
				"2023.01", false, "sha256:x", Map.of("age", 40),
				new DecisionRecord.Result(Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT, List.of(), List.of()),
				List.of("T2-01"), "T2-01", List.of(), "i1");
	}

}
