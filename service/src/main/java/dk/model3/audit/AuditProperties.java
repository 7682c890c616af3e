package dk.model3.audit;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code triage.audit.*}: the records of decisions, reviews and reads. {@code key} is the
 * HMAC key for case references, and when it is not given the key is read from
 * {@code key-file} (by default {@code decision-log.key} in the data directory), generated
 * there once if absent; {@code retention} is how long decisions, their reviews and reads
 * are kept (default five years, see docs/operations.md); {@code commit-wait} is the
 * longest a triage waits for its decision's row to be committed before it is answered
 * 503.
 */
@ConfigurationProperties("triage.audit")
record AuditProperties(String key, String keyFile, Period retention, Duration commitWait) {

	static final Period DEFAULT_RETENTION = Period.ofYears(5);

	AuditProperties {
		if (retention == null) {
			retention = DEFAULT_RETENTION;
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("triage.audit.retention must be a positive period, e.g. 5y");
		}
		if (commitWait == null || commitWait.isNegative() || commitWait.isZero()) {
			commitWait = Duration.ofSeconds(5);
		}
	}

}
