package dk.model3.replicas;

import java.net.URISyntaxException;
import java.time.Duration;

import org.eclipse.jgit.transport.URIish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the shared repository this instance follows, as docs/operations.md
 * describes them ({@code triage.versions.*}, shared with the workbench, which pushes its
 * publications to the same remote).
 *
 * @param remote the URL (or local path) of the shared repository of rule versions; empty:
 * the instance follows nothing and serves its rules folder or the packaged rules
 * @param pollInterval how often the remote is asked for new publications
 */
@ConfigurationProperties("triage.versions")
record ReplicaProperties(@DefaultValue("") String remote, @DefaultValue("10s") Duration pollInterval) {

	ReplicaProperties {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("triage.versions.poll-interval must be positive, e.g. 10s");
		}
	}

	boolean following() {
		return !this.remote.isBlank();
	}

	/** The remote as the log may show it: without a user name or password in it. */
	String remoteForLog() {
		try {
			return new URIish(this.remote).setUser(null).setPass(null).toString();
		}
		catch (URISyntaxException ex) {
			return "(the remote in triage.versions.remote)";
		}
	}

}
