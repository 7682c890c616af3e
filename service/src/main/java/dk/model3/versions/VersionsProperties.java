package dk.model3.versions;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code triage.versions.*} settings.
 *
 * @param enabled whether the service serves its rules from the repository of versions
 * (off, or {@code triage.rules.dir} set: the rules folder or the jar's rules, as before)
 * @param repository the bare git repository; empty for {@code versions.git} in the data
 * directory
 * @param served the folder {@code main} is checked out to for the rule loader; empty for
 * {@code versions-served} in the data directory
 * @param remote the URL of a shared repository the workbench pushes drafts and
 * publications to; empty for none
 * @param pollInterval how often a follower looks at the remote
 */
@ConfigurationProperties("triage.versions")
public record VersionsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String repository,
		@DefaultValue("") String served, @DefaultValue("") String remote, @DefaultValue("10s") Duration pollInterval) {

	Path repositoryIn(Path dataDir) {
		return this.repository.isBlank() ? dataDir.resolve("versions.git") : Path.of(this.repository);
	}

	Path servedIn(Path dataDir) {
		return this.served.isBlank() ? dataDir.resolve("versions-served") : Path.of(this.served);
	}

}
