package dk.model3.versions;

import java.util.Map;

import dk.model3.publishing.ReloadResult;
import dk.model3.rules.CompiledRules;

import org.springframework.stereotype.Component;

/**
 * Publishes a draft: the merge and tag in the repository, then this instance activates it
 * ({@link Activation}): without a shared repository {@code main} is checked out to the
 * served folder and reloaded; with one, the follower brings it in through its checks.
 * Requests under way keep the version they resolved; nothing stops serving meanwhile.
 */
@Component
@ConditionalOnVersionStore
public class Publisher {

	private final VersionStore store;

	private final Activation activation;

	Publisher(VersionStore store, Activation activation) {
		this.store = store;
		this.activation = activation;
	}

	/** What a publication did: the commit on main and what the reloader made of it. */
	public record Published(String commit, ReloadResult.VersionReload reload) {
	}

	/**
	 * Publishes and activates a version.
	 * @param checked the version as the workbench's checks compiled and verified it, or
	 * null: activation takes it instead of compiling again when its checksum is the
	 * published folder's
	 */
	public synchronized Published publish(String id, Map<String, String> rootFiles, String publisher, String message,
			String tagMessage, CompiledRules checked) {
		String commit = this.store.publish(id, rootFiles, publisher, message, tagMessage);
		ReloadResult result = this.activation.activate(checked);
		ReloadResult.VersionReload reload = result.versions()
			.stream()
			.filter((version) -> version.version().equals(id))
			.findFirst()
			.orElse(null);
		return new Published(commit, reload);
	}

}
