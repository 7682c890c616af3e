package dk.model3.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storage limitation: every night, and once the service has started, deletes the
 * decisions older than the retention period with their reviews and reads, and logs how
 * many. The only delete of records anywhere in the service.
 */
final class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Period retention;

	Retention(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Period retention) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.retention = retention;
	}

	/** Once the service is up: a start never waits for it (about 0.5 s). */
	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		nightly();
	}

	@Scheduled(cron = "${triage.audit.retention-schedule:0 17 3 * * *}", zone = "Europe/Copenhagen")
	void nightly() {
		try {
			deleteExpired();
		}
		catch (RuntimeException ex) {
			// tried again the next night; decisions go on
			log.warn("Retention: could not delete expired records, tried again next night: {}", ex.getMessage());
		}
	}

	/**
	 * Deletes what is older than the retention period; the number of decisions deleted.
	 */
	int deleteExpired() {
		Instant before = ZonedDateTime.now(this.clock).minus(this.retention).toInstant();
		int[] deleted = this.transactions.execute((status) -> {
			String expired = "SELECT decision_id FROM decisions WHERE decided_at < ?";
			int reads = this.jdbc.sql("DELETE FROM decision_reads WHERE decision_id IN (" + expired + ")")
				.param(DecisionRecords.utc(before))
				.update();
			int reviews = this.jdbc.sql("DELETE FROM reviews WHERE decision_id IN (" + expired + ")")
				.param(DecisionRecords.utc(before))
				.update();
			int decisions = this.jdbc.sql("DELETE FROM decisions WHERE decided_at < ?")
				.param(DecisionRecords.utc(before))
				.update();
			return new int[] { decisions, reviews, reads };
		});
		log.info("Retention {}: deleted {} decision(s), {} review(s) and {} read(s) made before {}", this.retention,
				deleted[0], deleted[1], deleted[2], before);
		return deleted[0];
	}

}
