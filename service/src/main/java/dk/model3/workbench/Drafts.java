package dk.model3.workbench;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.ConditionalOnVersionStore;

import org.springframework.stereotype.Service;

/**
 * A draft's lifecycle as the workbench's pages and JSON calls use it: each step is its
 * own class ({@link DraftEdits} create and edit, {@link DraftCheckRuns} check,
 * {@link DraftDecisions} request and approve or reject, {@link DraftPublication} publish,
 * {@link DraftHistory} the audit trail), each refused while the draft's state
 * ({@link DraftStatus}) or its checks do not allow it. This class shows a draft as the
 * contract does and hands each step to its class. Nothing of a draft is served before it
 * is published, and never with an in-force date before the day of its publication.
 */
@Service
@ConditionalOnVersionStore
class Drafts {

	private final DraftRecords records;

	private final DraftEdits edits;

	private final DraftCheckRuns checks;

	private final DraftDecisions decisions;

	private final DraftPublication publication;

	private final DraftHistory history;

	Drafts(DraftRecords records, DraftEdits edits, DraftCheckRuns checks, DraftDecisions decisions,
			DraftPublication publication, DraftHistory history) {
		this.records = records;
		this.edits = edits;
		this.checks = checks;
		this.decisions = decisions;
		this.publication = publication;
		this.history = history;
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
		return this.records.reading(() -> this.records.store().drafts().stream().map(this::view).toList());
	}

	/** A draft as the contract shows it, read from one fetch of the repository. */
	DraftView view(String id) {
		// the publication before the state: it is forgotten only after the state
		// PUBLISHED is committed, so a view never shows neither
		DraftPublication.Publishing publishing = this.publication.of(id);
		return this.records.reading(() -> view(id, publishing));
	}

	private DraftView view(String id, DraftPublication.Publishing publishing) {
		DraftState state = this.records.state(id);
		RuleVersionFiles files = this.records.files(id);
		String descriptor = files.files().get(RuleVersionFiles.DESCRIPTOR);
		LocalDate date = VersionYaml.inForceFrom(descriptor);
		return new DraftView(id, state.from(), (date != null) ? date.toString() : null, VersionYaml.title(descriptor),
				VersionYaml.titleDa(descriptor), ChangeNote.of(descriptor, this.records.fromDescriptor(state)),
				files.checksum(), state.state().name(), (state.state() == DraftStatus.PUBLISHED) ? null : publishing,
				state.author(), state.requestedBy(), state.decidedBy(), state.comment(),
				List.copyOf(files.files().keySet()), this.checks.view(id));
	}

	String file(String id, String name) {
		String text = this.records.files(id).files().get(name);
		if (text == null) {
			throw new DraftNotFound("The draft " + id + " has no file " + name + ".");
		}
		return text;
	}

	RuleVersionFiles files(String id) {
		return this.records.files(id);
	}

	DraftState state(String id) {
		return this.records.state(id);
	}

	DraftView create(String id, String from, String inForceFrom, String title, String titleDa, String user) {
		this.edits.create(id, from, inForceFrom, title, titleDa, user);
		return view(id);
	}

	/** Saves a file and validates the draft: the problems, each at its line. */
	List<CheckResults.Problem> save(String id, String name, String text, String user) {
		return this.edits.save(id, name, text, user);
	}

	List<CheckResults.Problem> note(String id, ChangeNote note, String user) {
		return this.edits.note(id, note, user);
	}

	List<CheckResults.Problem> upload(String id, Map<String, String> files, String user) {
		return this.edits.upload(id, files, user);
	}

	/** Starts every check in the background; false when they run already. */
	boolean startChecks(String id, String user, ReferencePopulation population) {
		return this.checks.start(id, user, population);
	}

	ChecksView checksView(String id) {
		return this.checks.view(id);
	}

	DraftView request(String id, String user) {
		this.decisions.request(id, user);
		return view(id);
	}

	DraftView decide(String id, boolean approve, String comment, Seen seen, String user) {
		this.decisions.decide(id, approve, comment, seen, user);
		return view(id);
	}

	DraftHistory.History history(String id) {
		return this.history.of(id);
	}

	/** The in-force date of the draft's version.yaml, or null when it gives none. */
	static LocalDate inForceFrom(RuleVersionFiles files) {
		return VersionYaml.inForceFrom(files.files().get(RuleVersionFiles.DESCRIPTOR));
	}

}
