package dk.model3.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dk.model3.rules.language.PolicyText;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.Publications;
import dk.model3.versions.VersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The workflow of a draft, kept in the repository of versions: create from a published
 * version, save files (each save a commit by its author, validated at once), run the
 * checks (in the background, one draft at a time, on the {@link DraftWorker}), request
 * publication, approve or reject by someone who took no part in it, publish. Every step
 * is refused while the draft's state or its checks do not allow it; nothing of a draft is
 * served before it is published, and never with an in-force date before the day of its
 * publication.
 */
@Service
@ConditionalOnVersionStore
class Drafts implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Drafts.class);

	// state files written before the in-force date lived in version.yaml alone carry a
	// copy of it (and of the title): read, ignored
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final int MAX_TITLE = 200;

	private final VersionStore store;

	private final DraftWorker worker;

	private final RuleLoader loader;

	private final WorkbenchProperties properties;

	private final RuleVersions versions;

	private final DraftPublication publication;

	private final Clock clock;

	private final UploadedPreviews uploadedPreviews;

	private volatile ReferencePopulation reference;

	// the checks under way per draft: the name of the check running now
	private final Map<String, AtomicReference<String>> running = new ConcurrentHashMap<>();

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "draft-checks");
		thread.setDaemon(true);
		return thread;
	});

	Drafts(VersionStore store, DraftWorker worker, RuleLoader loader, WorkbenchProperties properties,
			RuleVersions versions, DraftPublication publication, Clock clock) {
		this.store = store;
		this.worker = worker;
		this.loader = loader;
		this.properties = properties;
		this.versions = versions;
		this.publication = publication;
		this.clock = clock;
		this.uploadedPreviews = new UploadedPreviews(clock);
	}

	/**
	 * A draft as the contract shows it. {@code inForceFrom} and {@code title} are read
	 * from its {@code version.yaml} (null when it gives none readable); {@code checksum}
	 * covers every file's name and text, as the rule loader's does.
	 */
	record DraftView(String id, String from, String inForceFrom, String title, String titleDa, ChangeNote note,
			String checksum, String state, DraftPublication.Publishing publication, String author, String requestedBy,
			String decidedBy, String comment, List<String> files, ChecksView checks) {
	}

	/**
	 * What an approver saw and approves, as sent: the files' checksum and the in-force
	 * date. A checksum covers every file's name and text, so no list of files is needed
	 * beside it.
	 */
	record Seen(String checksum, String inForceFrom) {

		private static final Pattern CHECKSUM = Pattern.compile("sha256:[0-9a-f]{64}");

		/** The in-force date seen, or a 400 naming the field that is missing or wrong. */
		LocalDate date() {
			if (this.checksum == null || !CHECKSUM.matcher(this.checksum).matches()) {
				throw new InvalidDraftRequest("/checksum",
						"checksum: the checksum of the draft's files you approve, as shown (sha256:…)");
			}
			try {
				return LocalDate.parse(this.inForceFrom);
			}
			catch (DateTimeParseException | NullPointerException ex) {
				throw new InvalidDraftRequest("/inForceFrom",
						"inForceFrom: the in-force date you approve, as shown (YYYY-MM-DD)");
			}
		}

	}

	/** The state of a draft's checks, with the last results. */
	record ChecksView(boolean running, String runningCheck, boolean upToDate, boolean passed, CheckResults results) {
	}

	List<DraftView> all() {
		return this.store.reading(() -> this.store.drafts().stream().map(this::view).toList());
	}

	synchronized DraftView create(String id, String from, String inForceFrom, String title, String titleDa,
			String user) {
		DraftIds.require(id, "/id");
		if (!DraftIds.valid(from)) {
			throw new InvalidDraftRequest("/from", "from: the published version to start from, e.g. 2023.01");
		}
		requireTitle(title, "title");
		requireTitle(titleDa, "titleDa");
		LocalDate date;
		try {
			date = LocalDate.parse(inForceFrom);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new InvalidDraftRequest("/inForceFrom", "inForceFrom: an ISO date, e.g. 2024-01-01");
		}
		if (this.store.hasDraft(id) || this.store.publishedVersions().contains(id)) {
			throw new DraftRefused("draft-exists", "A version or draft " + id + " exists already.");
		}
		Map<String, String> source = this.store.mainFiles();
		Map<String, String> put = new LinkedHashMap<>();
		source.forEach((path, text) -> {
			if (path.startsWith(from + "/")) {
				String name = path.substring(from.length() + 1);
				put.put(id + "/" + name, name.equals(RuleVersionFiles.DESCRIPTOR)
						? VersionYaml.forDraft(text, id, date, blankToNull(title), blankToNull(titleDa)) : text);
			}
		});
		if (put.isEmpty()) {
			throw new InvalidDraftRequest("/from", "from: no published version " + from);
		}
		DraftState state = new DraftState(id, from, DraftStatus.DRAFT, user, null, null, null, List.of());
		String checksum = new RuleVersionFiles(id, strip(put, id)).checksum();
		state = state.then(DraftState.event("created", user, checksum, "from " + from));
		put.put(statePath(id), json(state));
		this.store.createDraft(id, put, user, "Draft " + id + " from " + from + ", in force from " + date);
		return view(id);
	}

	// refused now rather than by every check of the draft to come
	private static void requireTitle(String title, String field) {
		if (title == null) {
			return;
		}
		if (title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidDraftRequest("/" + field, field + ": one line of at most " + MAX_TITLE + " characters");
		}
		String refusal = PolicyText.titleRefusal(title);
		if (refusal != null) {
			throw new InvalidDraftRequest("/" + field, refusal);
		}
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text : null;
	}

	/** A draft as the contract shows it, read from one fetch of the repository. */
	DraftView view(String id) {
		// the publication before the state: it is forgotten only after the state
		// PUBLISHED is committed, so a view never shows neither
		DraftPublication.Publishing publishing = this.publication.of(id);
		return this.store.reading(() -> view(id, publishing));
	}

	private DraftView view(String id, DraftPublication.Publishing publishing) {
		DraftState state = state(id);
		RuleVersionFiles files = files(id);
		String descriptor = files.files().get(RuleVersionFiles.DESCRIPTOR);
		LocalDate date = VersionYaml.inForceFrom(descriptor);
		return new DraftView(id, state.from(), (date != null) ? date.toString() : null, VersionYaml.title(descriptor),
				VersionYaml.titleDa(descriptor), ChangeNote.of(descriptor, fromDescriptor(state)), files.checksum(),
				state.state().name(), (state.state() == DraftStatus.PUBLISHED) ? null : publishing, state.author(),
				state.requestedBy(), state.decidedBy(), state.comment(), List.copyOf(files.files().keySet()),
				checksView(id));
	}

	String file(String id, String name) {
		DraftIds.require(id, "/id");
		String text = files(id).files().get(name);
		if (text == null) {
			throw new DraftNotFound("The draft " + id + " has no file " + name + ".");
		}
		return text;
	}

	/** Saves a file and validates the draft: the problems, each at its line. */
	synchronized List<CheckResults.Problem> save(String id, String name, String text, String user) {
		DraftState state = state(id).require(DraftStatus.Step.EDIT);
		VersionZip.checkFile(name, text, "/name");
		Map<String, String> files = new LinkedHashMap<>(files(id).files());
		files.put(name, text);
		RuleVersionFiles changed = new RuleVersionFiles(id, files);
		DraftState saved = state.then(DraftState.event("edited", user, changed.checksum(), name));
		this.store.commitToDraft(id, Map.of(id + "/" + name, text, statePath(id), json(saved)), Set.of(), user,
				"Edit " + name);
		List<CheckResults.Problem> problems = new ArrayList<>(dateClashes(id, changed));
		problems.addAll(this.worker.validate(changed, this.loader.sources()));
		return problems;
	}

	/**
	 * Writes the change note into the draft's {@code version.yaml} (a save like any
	 * other: validated, and the checks must run again).
	 */
	synchronized List<CheckResults.Problem> note(String id, ChangeNote note, String user) {
		String descriptor = files(id).files().get(RuleVersionFiles.DESCRIPTOR);
		return save(id, RuleVersionFiles.DESCRIPTOR, VersionYaml.withNote(descriptor, note.da(), note.en()), user);
	}

	// the descriptor of the version the draft was made from, as the draft's branch has it
	private String fromDescriptor(DraftState state) {
		String path = state.from() + "/" + RuleVersionFiles.DESCRIPTOR;
		return (state.from() != null) ? this.store.draftFiles(state.id(), path).get(path) : null;
	}

	/**
	 * Replaces the draft's files with those of an uploaded version folder, in one commit,
	 * and validates the draft.
	 */
	synchronized List<CheckResults.Problem> upload(String id, Map<String, String> files, String user) {
		DraftState state = state(id).require(DraftStatus.Step.EDIT);
		RuleVersionFiles uploaded = new RuleVersionFiles(id, files);
		Map<String, String> put = new LinkedHashMap<>();
		files.forEach((name, text) -> put.put(id + "/" + name, text));
		Set<String> remove = new java.util.HashSet<>();
		files(id).files()
			.keySet()
			.stream()
			.filter((name) -> !files.containsKey(name))
			.forEach((name) -> remove.add(id + "/" + name));
		DraftState saved = state.then(DraftState.event("edited", user, uploaded.checksum(), "zip: " + files.keySet()));
		put.put(statePath(id), json(saved));
		this.store.commitToDraft(id, put, remove, user, "Upload " + String.join(", ", files.keySet()));
		List<CheckResults.Problem> problems = new ArrayList<>(dateClashes(id, uploaded));
		problems.addAll(this.worker.validate(uploaded, this.loader.sources()));
		return problems;
	}

	/**
	 * Starts every check in the background; false when they run already.
	 * @param population for the preview, or null for the reference population; used for
	 * this run only: never written to disk or to the repository, its citizens kept in
	 * memory for an hour at most ({@link UploadedPreviews})
	 */
	boolean startChecks(String id, String user, ReferencePopulation population) {
		state(id).require(DraftStatus.Step.CHECK);
		AtomicReference<String> progress = new AtomicReference<>("queued");
		if (this.running.putIfAbsent(id, progress) != null) {
			return false;
		}
		try {
			RuleVersionFiles files = files(id);
			boolean uploaded = population != null;
			DraftChecks.Input input = new DraftChecks.Input(files, this.loader.sources(), against(files),
					uploaded ? population : reference(), uploaded, this.properties.space(), this.properties.fullSpace(),
					dateClashes(id, files));
			this.background.execute(() -> {
				try {
					DraftChecks.Outcome outcome = this.worker.check(input, progress::set);
					CheckResults kept = outcome.kept().by(user);
					record(id, user, kept);
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
			});
			return true;
		}
		catch (RuntimeException ex) {
			this.running.remove(id);
			throw ex;
		}
	}

	private synchronized void record(String id, String user, CheckResults results) {
		DraftState state = state(id)
			.then(DraftState.event("checked", user, results.checksum(), results.passed() ? "passed" : "failed"));
		this.store.commitToDraft(id, Map.of(checksPath(id), json(results), statePath(id), json(state)), Set.of(), user,
				"Checks " + (results.passed() ? "passed" : "failed") + " for " + results.checksum());
	}

	private ReferencePopulation reference() {
		if (this.reference == null) {
			this.reference = ReferencePopulation.load(this.properties.population());
		}
		return this.reference;
	}

	ChecksView checksView(String id) {
		Optional<CheckResults> results = results(id).map((kept) -> this.uploadedPreviews.shown(id, kept));
		String current = files(id).checksum();
		boolean upToDate = results.map((r) -> r.checksum().equals(current)).orElse(false);
		AtomicReference<String> check = this.running.get(id);
		return new ChecksView(check != null, (check != null) ? check.get() : null, upToDate,
				upToDate && results.get().passed(), results.orElse(null));
	}

	synchronized DraftView request(String id, String user) {
		DraftState state = state(id).require(DraftStatus.Step.REQUEST);
		if (ChangeNote.of(files(id).files().get(RuleVersionFiles.DESCRIPTOR), fromDescriptor(state)) == null) {
			throw new NoteMissing(id);
		}
		requireChecksPassed(id);
		requireNotBackwards(id, inForceFrom(files(id)));
		DraftState requested = state.take(DraftStatus.Step.REQUEST, user, null, null,
				DraftState.event("requested", user, files(id).checksum(), null));
		this.store.commitToDraft(id, Map.of(statePath(id), json(requested)), Set.of(), user, "Request publication");
		return view(id);
	}

	/**
	 * Approves or rejects a requested draft; an approval starts its publication off the
	 * request thread (the view shows {@code publication} {@code PUBLISHING} until the
	 * state is PUBLISHED, or {@code FAILED} with why). Nobody who created, edited or
	 * requested it may; an approval names what its approver {@code seen}, and is refused
	 * when the draft holds anything else now, or when its in-force date lies before
	 * today.
	 * @param seen what the approver saw; not needed to reject
	 */
	synchronized DraftView decide(String id, boolean approve, String comment, Seen seen, String user) {
		DraftState state = state(id);
		if (state.involves(user)) {
			throw new ApproverTookPart("The draft " + id + " was created, edited or requested by " + user
					+ "; a POLICY user who took no part in it must approve or reject it.");
		}
		state.require(approve ? DraftStatus.Step.APPROVE : DraftStatus.Step.REJECT);
		CheckResults results = requireChecksPassed(id);
		String checksum = results.checksum();
		if (!approve) {
			DraftState rejected = state.take(DraftStatus.Step.REJECT, state.requestedBy(), user, comment,
					DraftState.event("rejected", user, checksum, comment));
			this.store.commitToDraft(id, Map.of(statePath(id), json(rejected)), Set.of(), user, "Reject: " + comment);
			return view(id);
		}
		LocalDate seenDate = ((seen != null) ? seen : new Seen(null, null)).date();
		RuleVersionFiles files = files(id);
		LocalDate inForceFrom = inForceFrom(files);
		Map<String, String> changed = new LinkedHashMap<>();
		if (!seenDate.equals(inForceFrom)) {
			changed.put("/inForceFrom", "inForceFrom: the draft comes into force on " + inForceFrom + ", not on "
					+ seenDate + " as you saw it");
		}
		if (!seen.checksum().equals(files.checksum())) {
			changed.put("/checksum",
					"checksum: the draft's files are " + files.checksum() + " now, not " + seen.checksum());
		}
		if (!changed.isEmpty()) {
			throw new ChangedSinceSeen("The draft " + id + " changed since you saw it ("
					+ String.join("; ", changed.values()) + "). Look at it again before you approve it.", changed);
		}
		requireNotBackwards(id, inForceFrom);
		this.publication.requireNotRunning(id);
		DraftState approved = state.take(DraftStatus.Step.APPROVE, state.requestedBy(), user, comment,
				DraftState.event("approved", user, checksum, comment));
		this.store.commitToDraft(id, Map.of(statePath(id), json(approved)), Set.of(), user, "Approve: " + comment);
		this.publication.start(id, state.requestedBy(), user, results, this.loader.sources(),
				(detail) -> published(id, state.requestedBy(), user, comment, checksum, detail));
		return view(id);
	}

	// the publication's last step, under the drafts' lock like every write of a state
	private synchronized void published(String id, String requestedBy, String user, String comment, String checksum,
			String detail) {
		DraftState done = state(id).take(DraftStatus.Step.PUBLISH, requestedBy, user, comment,
				DraftState.event("published", user, checksum, detail));
		this.store.commitToDraft(id, Map.of(statePath(id), json(done)), Set.of(), user, "Published");
	}

	/** The audit trail of a version: its steps, the commits, and its publication tag. */
	record History(String version, String state, String checksum, String requestedBy, String approvedBy,
			List<DraftState.Event> events, List<VersionStore.Commit> commits) {
	}

	History history(String id) {
		DraftIds.require(id, "/id");
		Optional<String> tag = this.store.publication(id);
		if (!this.store.hasDraft(id)) {
			if (tag.isEmpty()) {
				throw new DraftNotFound("No version or draft " + id + ".");
			}
			String message = tag.get();
			return new History(id, DraftStatus.PUBLISHED.name(), Publications.field(message, "checksum").orElse(null),
					Publications.field(message, "requested-by").orElse(null),
					Publications.field(message, "approved-by").orElse(null),
					List.of(new DraftState.Event("published", VersionStore.SERVICE, null,
							Publications.field(message, "checksum").orElse(null), "seeded from the packaged rules")),
					List.of());
		}
		DraftState state = state(id);
		return new History(id, state.state().name(),
				tag.flatMap((message) -> Publications.field(message, "checksum")).orElse(files(id).checksum()),
				state.requestedBy(), (state.state() == DraftStatus.PUBLISHED) ? state.decidedBy() : null,
				state.events(), this.store.draftHistory(id));
	}

	private CheckResults requireChecksPassed(String id) {
		ChecksView view = checksView(id);
		if (view.running()) {
			throw new DraftRefused("checks-running", "The checks of " + id + " are running; wait for them.");
		}
		if (view.results() == null) {
			throw new DraftRefused("checks-not-run", "The checks of " + id + " have not run; run them first.");
		}
		if (!view.upToDate()) {
			throw new DraftRefused("checks-out-of-date",
					"The draft " + id + " changed since its checks ran; run them again.");
		}
		if (!view.passed()) {
			throw new DraftRefused("checks-failed", "A check of " + id + " fails; fix it and run the checks again ("
					+ view.results().failuresDa() + ").");
		}
		return view.results();
	}

	// a version never applies backwards: its date is today (in Copenhagen) or later
	private void requireNotBackwards(String id, LocalDate inForceFrom) {
		LocalDate today = LocalDate.now(this.clock);
		if (inForceFrom != null && inForceFrom.isBefore(today)) {
			throw new InForceDatePassed(id, inForceFrom, today);
		}
	}

	/** The in-force date of the draft's version.yaml, or null when it gives none. */
	static LocalDate inForceFrom(RuleVersionFiles files) {
		return VersionYaml.inForceFrom(files.files().get(RuleVersionFiles.DESCRIPTOR));
	}

	/**
	 * Two versions cannot come into force on the same day (the reloader would refuse the
	 * second): the draft's date against every published version's, at the line of
	 * {@code inForceFrom:}.
	 */
	private List<CheckResults.Problem> dateClashes(String id, RuleVersionFiles files) {
		LocalDate date = inForceFrom(files);
		if (date == null) {
			return List.of();
		}
		int line = lineOf(files.files().getOrDefault(RuleVersionFiles.DESCRIPTOR, ""), "inForceFrom:");
		List<CheckResults.Problem> clashes = new ArrayList<>();
		for (RuleVersions.Entry entry : this.versions.entries()) {
			if (entry.state() == RuleVersions.State.ACTIVE && !entry.version().equals(id)
					&& date.equals(entry.inForceFrom())) {
				clashes.add(new CheckResults.Problem(RuleVersionFiles.DESCRIPTOR, line, 1,
						"version " + entry.version() + " comes into force on " + date
								+ " already; two versions cannot start on the same day: choose another date"));
			}
		}
		return clashes;
	}

	private static int lineOf(String text, String start) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith(start)) {
				return i + 1;
			}
		}
		return 1;
	}

	// the version the draft would replace: the one in force on the date its version.yaml
	// gives
	private CompiledRules against(RuleVersionFiles files) {
		LocalDate date = inForceFrom(files);
		try {
			return (date != null) ? this.versions.inForceOn(date) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	DraftState state(String id) {
		DraftIds.require(id, "/id");
		if (!this.store.hasDraft(id)) {
			throw new DraftNotFound("No draft " + id + ".");
		}
		String text = this.store.draftFiles(id, statePath(id)).get(statePath(id));
		return JSON.readValue(text, DraftState.class);
	}

	private Optional<CheckResults> results(String id) {
		String text = this.store.draftFiles(id, checksPath(id)).get(checksPath(id));
		return Optional.ofNullable(text).map((json) -> JSON.readValue(json, CheckResults.class));
	}

	RuleVersionFiles files(String id) {
		DraftIds.require(id, "/id");
		if (!this.store.hasDraft(id)) {
			throw new DraftNotFound("No draft " + id + ".");
		}
		return new RuleVersionFiles(id, strip(this.store.draftFiles(id, id + "/"), id));
	}

	private static Map<String, String> strip(Map<String, String> files, String id) {
		Map<String, String> stripped = new LinkedHashMap<>();
		files.forEach((path, text) -> {
			if (path.startsWith(id + "/")) {
				stripped.put(path.substring(id.length() + 1), text);
			}
		});
		return stripped;
	}

	private static String statePath(String id) {
		return ".workbench/" + id + ".json";
	}

	private static String checksPath(String id) {
		return ".workbench/" + id + ".checks.json";
	}

	private static String json(Object value) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
