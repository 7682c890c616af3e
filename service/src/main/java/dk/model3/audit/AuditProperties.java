package dk.model3.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code triage.audit.*}: the decision log is on when {@code dir} is set; {@code key} is
 * then required (the HMAC key for citizen references); {@code fsync} also forces each
 * line to the disk, which survives a power cut and not only a killed process.
 */
@ConfigurationProperties("triage.audit")
record AuditProperties(String dir, String key, boolean fsync) {

	static final int MIN_KEY_LENGTH = 16;

}
