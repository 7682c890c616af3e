package dk.model3.versions;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

import dk.model3.audit.DataDirectory;

import org.eclipse.jgit.transport.URIish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code triage.versions.*} settings, the one record for the workbench's repository
 * and for following a shared one (package dk.model3.replicas).
 *
 * @param enabled whether the service serves its rules from the repository of versions
 * (off, or {@code triage.rules.dir} set without a remote: the rules folder or the jar's
 * rules, as before)
 * @param repository the bare git repository; empty for {@code versions.git} in the data
 * directory
 * @param served the folder {@code main} is checked out to for the rule loader; empty for
 * {@code versions-served} in the data directory
 * @param remote the URL (or local path) of the shared repository of rule versions: the
 * workbench reads and writes drafts and publications there, and the instance follows its
 * publications into {@code triage.rules.dir}; empty for none
 * @param pollInterval how often a follower looks at the remote
 */
@ConfigurationProperties("triage.versions")
public record VersionsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String repository,
		@DefaultValue("") String served, @DefaultValue("") String remote, @DefaultValue("10s") Duration pollInterval) {

	public VersionsProperties {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("triage.versions.poll-interval must be positive, e.g. 10s");
		}
	}

	/** Whether a shared repository is configured. */
	public boolean following() {
		return !this.remote.isBlank();
	}

	/** The remote as the log may show it: without a user name or password in it. */
	public String remoteForLog() {
		try {
			return new URIish(this.remote).setUser(null).setPass(null).toString();
		}
		catch (URISyntaxException ex) {
			return "(the remote in triage.versions.remote)";
		}
	}

	Path repositoryIn(DataDirectory data) {
		return this.repository.isBlank() ? data.path().resolve("versions.git") : Path.of(this.repository);
	}

	Path servedIn(DataDirectory data) {
		return this.served.isBlank() ? data.path().resolve("versions-served") : Path.of(this.served);
	}

}
