package dk.model3.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part of the readiness group: DOWN while the database refuses records, so a load
 * balancer stops sending triage here. A failed write turns it DOWN; while DOWN each check
 * tries the database again and turns UP once a write succeeds, so the instance recovers
 * by itself. Failures are logged as one WARN line a minute with their count, never a
 * stack trace per request.
 */
final class RecordsHealth implements HealthIndicator {

	static final Duration WARN_EVERY = Duration.ofMinutes(1);

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(RecordsHealth.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile String failure;

	private volatile Instant failedAt;

	private volatile Instant warnedAt = Instant.MIN;

	private final AtomicLong failuresSinceWarning = new AtomicLong();

	RecordsHealth(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void failed(Throwable ex) {
		Instant now = this.clock.instant();
		this.failure = message(ex);
		this.failedAt = now;
		this.failuresSinceWarning.incrementAndGet();
		synchronized (this) {
			if (this.warnedAt.plus(WARN_EVERY).isAfter(now)) {
				return;
			}
			this.warnedAt = now;
		}
		log.warn(
				"Records database refuses writes ({} failed since the last warning); triage answers 503 and "
						+ "readiness is DOWN until it works again: {}",
				this.failuresSinceWarning.getAndSet(0), this.failure);
		if (rootCause(ex) instanceof Error) {
			// not an outage but a fault in the code or the database engine: where it came
			// from
			log.error("The records database's write failed with an error, not a refusal", ex);
		}
	}

	void succeeded() {
		if (this.failure != null) {
			this.failure = null;
			this.failedAt = null;
			this.failuresSinceWarning.set(0);
			this.warnedAt = Instant.MIN;
			log.info("Records database works again; triage and readiness are back");
		}
	}

	@Override
	public Health health() {
		Instant failedAt = this.failedAt;
		if (failedAt != null) {
			// DOWN for a few seconds after a failed write at least, then as long as the
			// database
			// does not answer; a database that answers but still cannot write (a full
			// disk)
			// turns it DOWN again with the next failed write
			if (failedAt.plus(RETRY_AFTER).isAfter(this.clock.instant()) || !answers()) {
				return Health.down()
					.withDetail("failure", String.valueOf(this.failure))
					.withDetail("since", String.valueOf(failedAt))
					.build();
			}
			succeeded();
		}
		return Health.up().build();
	}

	private boolean answers() {
		try {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			return true;
		}
		catch (RuntimeException ex) {
			failed(ex);
			return false;
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String message(Throwable ex) {
		Throwable cause = rootCause(ex);
		String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		return text.lines().findFirst().orElse(text);
	}

}
