package dk.model3.versions;

import java.util.Map;

import dk.model3.publishing.ReloadResult;
import dk.model3.publishing.RuleReloader;

import org.springframework.stereotype.Component;

/**
 * Publishes a draft: the merge and tag in the repository, {@code main} checked out to the
 * served folder, and the reloader puts the new version in service without a restart.
 * Requests under way keep the version they resolved; nothing stops serving meanwhile.
 */
@Component
@ConditionalOnVersionStore
public class Publisher {

	private final VersionStore store;

	private final ServedFolder served;

	private final RuleReloader reloader;

	Publisher(VersionStore store, ServedFolder served, RuleReloader reloader) {
		this.store = store;
		this.served = served;
		this.reloader = reloader;
	}

	/** What a publication did: the commit on main and what the reloader made of it. */
	public record Published(String commit, ReloadResult.VersionReload reload) {
	}

	public synchronized Published publish(String id, Map<String, String> rootFiles, String publisher, String message,
			String tagMessage) {
		String commit = this.store.publish(id, rootFiles, publisher, message, tagMessage);
		this.served.update(this.store.mainFiles());
		ReloadResult result = this.reloader.reload();
		ReloadResult.VersionReload reload = result.versions()
			.stream()
			.filter((version) -> version.version().equals(id))
			.findFirst()
			.orElse(null);
		return new Published(commit, reload);
	}

}
