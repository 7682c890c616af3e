package dk.model3.audit;

import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code triage.audit.*}: the decision log. {@code dir} is where its daily files go (by
 * default {@code decisions/} in the data directory); {@code key} is the HMAC key for
 * citizen references, and when it is not given the key is read from {@code key-file},
 * which is generated once if absent; {@code fsync} also forces each line to the disk,
 * which survives a power cut and not only a killed process; {@code retention} is how long
 * decisions and reviews are kept (default five years, see docs/operations.md);
 * {@code peer-dirs} are the log folders of the other instances behind the same load
 * balancer (or one shared folder with a sub-folder per instance), read to find their
 * decisions and reviews.
 */
@ConfigurationProperties("triage.audit")
record AuditProperties(String dir, String key, String keyFile, boolean fsync, Period retention, List<String> peerDirs) {

	static final Period DEFAULT_RETENTION = Period.ofYears(5);

	AuditProperties {
		peerDirs = (peerDirs != null) ? List.copyOf(peerDirs) : List.of();
		if (retention == null) {
			retention = DEFAULT_RETENTION;
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("triage.audit.retention must be a positive period, e.g. 5y");
		}
	}

}
