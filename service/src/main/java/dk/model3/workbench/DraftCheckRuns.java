package dk.model3.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.ConditionalOnVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The check step of the lifecycle: every check of a draft, run in the background (one run
 * per draft at a time, on the {@link DraftWorker}), its results committed to the draft
 * with the checksum of the files they checked, and what a page shows of them while and
 * after they run. The compile a passing run made is kept for the publication.
 */
@Component
@ConditionalOnVersionStore
class DraftCheckRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DraftCheckRuns.class);

	private final DraftRecords records;

	private final DraftEdits edits;

	private final DraftWorker worker;

	private final RuleLoader loader;

	private final RuleVersions versions;

	private final DraftPublication publication;

	private final WorkbenchProperties properties;

	private final UploadedPreviews uploadedPreviews;

	private volatile ReferencePopulation reference;

	// the checks under way per draft: the name of the check running now
	private final Map<String, AtomicReference<String>> running = new ConcurrentHashMap<>();

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "draft-checks");
		thread.setDaemon(true);
		return thread;
	});

	DraftCheckRuns(DraftRecords records, DraftEdits edits, DraftWorker worker, RuleLoader loader, RuleVersions versions,
			DraftPublication publication, WorkbenchProperties properties, Clock clock) {
		this.records = records;
		this.edits = edits;
		this.worker = worker;
		this.loader = loader;
		this.versions = versions;
		this.publication = publication;
		this.properties = properties;
		this.uploadedPreviews = new UploadedPreviews(clock);
	}

	/**
	 * Starts every check in the background; false when they run already.
	 * @param population for the preview, or null for the reference population; used for
	 * this run only: never written to disk or to the repository, its citizens kept in
	 * memory for an hour at most ({@link UploadedPreviews})
	 */
	boolean start(String id, String user, ReferencePopulation population) {
		this.records.state(id).require(DraftStatus.Step.CHECK);
		AtomicReference<String> progress = new AtomicReference<>("queued");
		if (this.running.putIfAbsent(id, progress) != null) {
			return false;
		}
		try {
			RuleVersionFiles files = this.records.files(id);
			boolean uploaded = population != null;
			DraftChecks.Input input = new DraftChecks.Input(files, this.loader.sources(), against(files),
					uploaded ? population : reference(), uploaded, this.properties.space(), this.properties.fullSpace(),
					this.edits.dateClashes(id, files));
			this.background.execute(() -> run(id, user, input, progress, uploaded));
			return true;
		}
		catch (RuntimeException ex) {
			this.running.remove(id);
			throw ex;
		}
	}

	private void run(String id, String user, DraftChecks.Input input, AtomicReference<String> progress,
			boolean uploaded) {
		try {
			DraftChecks.Outcome outcome = this.worker.check(input, progress::set);
			CheckResults kept = outcome.kept().by(user);
			this.records.locked(() -> {
				DraftState state = this.records.state(id)
					.then(DraftState.event("checked", user, kept.checksum(), kept.passed() ? "passed" : "failed"));
				this.records.write(state, kept, user,
						"Checks " + (kept.passed() ? "passed" : "failed") + " for " + kept.checksum());
				return null;
			});
			if (outcome.compiled() != null) {
				this.publication.checked(id, outcome.compiled(), input.sources());
			}
			this.uploadedPreviews.ran(id, outcome.shown().by(user), uploaded);
			log.info("Checks of draft {} (checksum {}) by {}: {} in {} ms", id, kept.checksum(), user,
					kept.passed() ? "passed" : "failed", kept.millis());
		}
		catch (RuntimeException ex) {
			log.error("The checks of draft {} could not run: {}", id, ex.toString(), ex);
		}
		finally {
			this.running.remove(id);
		}
	}

	/** The state of the draft's checks, with the last results as a page shows them. */
	Drafts.ChecksView view(String id) {
		// whether a run is under way is read first: a run is marked done only after its
		// results are written and its population's citizens kept, so a view that finds no
		// run shows that run's results whole. Read after the results, a run ending in
		// between would show the results before it as the last ones, not running.
		AtomicReference<String> check = this.running.get(id);
		Optional<CheckResults> results = this.records.results(id).map((kept) -> this.uploadedPreviews.shown(id, kept));
		String current = this.records.files(id).checksum();
		boolean upToDate = results.map((r) -> r.checksum().equals(current)).orElse(false);
		return new Drafts.ChecksView(check != null, (check != null) ? check.get() : null, upToDate,
				upToDate && results.get().passed(), results.orElse(null));
	}

	private ReferencePopulation reference() {
		if (this.reference == null) {
			this.reference = ReferencePopulation.load(this.properties.population());
		}
		return this.reference;
	}

	// the version the draft would replace: the one in force on the date its version.yaml
	// gives
	private CompiledRules against(RuleVersionFiles files) {
		LocalDate date = Drafts.inForceFrom(files);
		try {
			return (date != null) ? this.versions.inForceOn(date) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
