package dk.model3.replicas;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dk.model3.publishing.ReloadResult;
import dk.model3.publishing.RuleReloader;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.Activation;
import dk.model3.versions.VersionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls the shared repository on its own thread, every
 * {@code triage.versions.poll-interval}: new publications that pass are written into the
 * rules folder and put in service through the reloader, which swaps each version in at
 * once; requests never wait for a poll. A refused publication shows in GET /api/v1/rules
 * as a refusal of its version (beside the version that keeps serving, if any) and in the
 * log. It is also how the workbench on this instance activates a version it just
 * published ({@link Activation}).
 */
final class Follower implements SmartLifecycle, Activation {

	private static final Logger log = LoggerFactory.getLogger(Follower.class);

	private final PublishedRules published;

	private final RuleReloader reloader;

	private final RuleVersions versions;

	private final long intervalMillis;

	private volatile ScheduledExecutorService poller;

	Follower(PublishedRules published, RuleReloader reloader, RuleVersions versions, VersionsProperties properties) {
		this.published = published;
		this.reloader = reloader;
		this.versions = versions;
		this.intervalMillis = properties.pollInterval().toMillis();
	}

	/** One poll: fetch, check, write, reload. */
	void poll() {
		follow(false, null);
	}

	/**
	 * A poll now, on the caller's thread, right after this instance published through the
	 * workbench: the new version is checked and in service when it returns.
	 */
	@Override
	public ReloadResult activate(CompiledRules checked) {
		return follow(true, checked);
	}

	// one at a time: the poller's thread and a publication may ask together
	// activated: a publication of this instance asks, with the version its checks
	// compiled
	// (or null)
	private synchronized ReloadResult follow(boolean activated, CompiledRules checked) {
		PublishedRules.Update update = this.published.update(checked);
		ReloadResult result = new ReloadResult(List.of());
		if (update.changed() || activated) {
			result = this.reloader.reload(checked);
			result.versions()
				.stream()
				.filter((version) -> version.outcome() != ReloadResult.Outcome.UNCHANGED)
				.forEach((version) -> log.info("Followed rule version {}: {} (checksum {})", version.version(),
						version.outcome(), version.checksum()));
		}
		showRefusals();
		return result;
	}

	// a refused publication is kept in the registry as a refusal, so GET /api/v1/rules
	// shows
	// it; a reload forgets versions whose folder is absent, so it is put back after each
	private void showRefusals() {
		for (Map.Entry<String, PublishedRules.Refused> refused : this.published.refused().entrySet()) {
			RuleVersions.Entry entry = this.versions.entries()
				.stream()
				.filter((candidate) -> candidate.version().equals(refused.getKey()))
				.findFirst()
				.orElse(null);
			boolean shown = entry != null && entry.state() != RuleVersions.State.RETIRED
					&& entry.problems().equals(refused.getValue().problems());
			if (!shown && (entry == null || entry.state() != RuleVersions.State.CHECKING)) {
				this.versions.refuse(refused.getKey(), refused.getValue().checksum(),
						List.copyOf(refused.getValue().problems()));
			}
		}
	}

	@Override
	public void start() {
		showRefusals();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "rules-follower");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::pollSafely, this.intervalMillis, this.intervalMillis,
				TimeUnit.MILLISECONDS);
		this.poller = executor;
		log.info("Following {} every {} ms into {}", "the shared repository of rule versions", this.intervalMillis,
				this.published.folder());
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// the next poll tries again; the versions serving keep serving
			log.error("Following the shared repository of rule versions failed: {}", ex.getMessage(), ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.poller;
		if (executor != null) {
			executor.shutdownNow();
		}
		this.poller = null;
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

}
