package dk.model3.workbench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.SourceDocument;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.Publications;
import dk.model3.versions.Publisher;
import dk.model3.versions.VersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The publish step of the workflow, off the request thread: an approved draft becomes one
 * merge commit on {@code main} and its tag (moved together,
 * {@link VersionStore#publish}), with its line of {@code completeness.log} when its full
 * check passed, and is activated on this instance ({@link Publisher}). One publication at
 * a time; no lock of the drafts is held meanwhile. What runs or failed is kept here for
 * the draft's view. The version its checks compiled and verified ({@link CheckedRules})
 * is handed to the activation, which takes it instead of compiling the same files again.
 */
@Component
@ConditionalOnVersionStore
class DraftPublication implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DraftPublication.class);

	private final VersionStore store;

	private final Publisher publisher;

	private final Map<String, Publishing> publishing = new ConcurrentHashMap<>();

	private final CheckedRules checked = new CheckedRules(4);

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread publication = new Thread(task, "publication");
		publication.setDaemon(true);
		return publication;
	});

	DraftPublication(VersionStore store, Publisher publisher) {
		this.store = store;
		this.publisher = publisher;
	}

	/**
	 * A publication under way ({@code PUBLISHING}) or one that failed ({@code FAILED},
	 * with why); null in a draft's view when none is, and once the draft is PUBLISHED.
	 */
	record Publishing(String state, String detail) {

		// public: the draft page asks it
		public boolean running() {
			return "PUBLISHING".equals(this.state);
		}

	}

	/**
	 * What the checks of a draft compiled and verified, for its publication: the latest
	 * run's.
	 */
	void checked(String id, CompiledRules rules, List<SourceDocument> sources) {
		this.checked.keep(id, rules, sources);
	}

	/** The publication of a draft under way or failed, or null. */
	Publishing of(String id) {
		return this.publishing.get(id);
	}

	/**
	 * Starts the publication of an approved draft; refused while one of it runs.
	 * @param sources the documents rules may cite now: the checks' compile is taken only
	 * when it was made with the same
	 * @param published given the commit and what the reload made of it, once the version
	 * is on {@code main}: records the draft PUBLISHED
	 */
	void start(String id, String requestedBy, String approvedBy, CheckResults results, List<SourceDocument> sources,
			Consumer<String> published) {
		Publishing under = this.publishing.putIfAbsent(id, new Publishing("PUBLISHING", null));
		if (under != null && under.running()) {
			throw new DraftRefused("publishing", "The version " + id + " is being published; wait for it.");
		}
		this.publishing.put(id, new Publishing("PUBLISHING", null));
		try {
			CompiledRules compiled = this.checked.take(id, results.checksum(), sources);
			this.thread.execute(() -> publish(id, requestedBy, approvedBy, results, compiled, published));
		}
		catch (RuntimeException ex) {
			this.publishing.remove(id);
			throw ex;
		}
	}

	/** Refused while a publication of the draft runs. */
	void requireNotRunning(String id) {
		Publishing under = this.publishing.get(id);
		if (under != null && under.running()) {
			throw new DraftRefused("publishing", "The version " + id + " is being published; wait for it.");
		}
	}

	private void publish(String id, String requestedBy, String approvedBy, CheckResults results, CompiledRules compiled,
			Consumer<String> published) {
		String checksum = results.checksum();
		try {
			Map<String, String> root = new LinkedHashMap<>();
			if (results.completeness() != null && results.completeness().full()) {
				// the full check passed for this checksum: the service serves it without
				// checking again
				String log = this.store.mainFiles().getOrDefault(CompletenessRecords.FILE, "");
				root.put(CompletenessRecords.FILE, CompletenessRecords.withLine(log,
						CompletenessRecords.line(checksum, id, results.completeness().profiles(), results.at())));
			}
			Publisher.Published done = this.publisher.publish(id, root, approvedBy,
					"Publish " + id + " (requested by " + requestedBy + ", approved by " + approvedBy + ")",
					Publications.tagMessage(id, checksum, requestedBy, approvedBy), compiled);
			String outcome = (done.reload() != null) ? done.reload().outcome().name() : "NOT LOADED";
			published.accept("commit " + done.commit() + ", " + outcome);
			this.publishing.remove(id);
			log.info("Rule version {} published by {} (requested by {}), checksum {}: {}", id, approvedBy, requestedBy,
					checksum, outcome);
		}
		catch (RuntimeException ex) {
			this.publishing.put(id, new Publishing("FAILED", ex.getMessage()));
			log.error("Rule version {} could not be published (checksum {}): {}", id, checksum, ex.toString(), ex);
		}
	}

	@Override
	public void destroy() {
		this.thread.shutdownNow();
	}

}
