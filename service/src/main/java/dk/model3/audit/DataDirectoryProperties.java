package dk.model3.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code triage.data-dir}: where the service keeps what it must keep when nothing else is
 * configured, the decision log ({@code decisions/}) and its key
 * ({@code decision-log.key}), the repository of versions and the followed copy of the
 * shared one; by default {@code data} beside where it runs.
 */
@ConfigurationProperties("triage")
public record DataDirectoryProperties(String dataDir) {

	static final String DEFAULT = "data";

	public DataDirectoryProperties {
		if (dataDir == null || dataDir.isBlank()) {
			dataDir = DEFAULT;
		}
	}

}
