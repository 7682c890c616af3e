package dk.model3.workbench;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.PolicyText;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.ConditionalOnVersionStore;

import org.springframework.stereotype.Component;

/**
 * The draft step of the lifecycle: a new draft copied from a published version, and its
 * edits (a file, the change note, a whole folder), each a commit by its author, validated
 * at once and answered with the problems, each at its line. Only a draft in state
 * {@code DRAFT} is edited.
 */
@Component
@ConditionalOnVersionStore
class DraftEdits {

	private static final int MAX_TITLE = 200;

	private final DraftRecords records;

	private final DraftWorker worker;

	private final RuleLoader loader;

	private final RuleVersions versions;

	DraftEdits(DraftRecords records, DraftWorker worker, RuleLoader loader, RuleVersions versions) {
		this.records = records;
		this.worker = worker;
		this.loader = loader;
		this.versions = versions;
	}

	/**
	 * A new draft: a copy of the published version {@code from}, with its own date and
	 * title.
	 */
	void create(String id, String from, String inForceFrom, String title, String titleDa, String user) {
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
		this.records.locked(() -> {
			if (this.records.exists(id) || this.records.store().publishedVersions().contains(id)) {
				throw new DraftRefused("draft-exists", "A version or draft " + id + " exists already.");
			}
			Map<String, String> files = new LinkedHashMap<>();
			DraftRecords.inFolder(this.records.store().mainFiles(), from)
				.forEach((name, text) -> files.put(name, name.equals(RuleVersionFiles.DESCRIPTOR)
						? VersionYaml.forDraft(text, id, date, blankToNull(title), blankToNull(titleDa)) : text));
			if (files.isEmpty()) {
				throw new InvalidDraftRequest("/from", "from: no published version " + from);
			}
			String checksum = new RuleVersionFiles(id, files).checksum();
			DraftState state = new DraftState(id, from, DraftStatus.DRAFT, user, null, null, null, List.of())
				.then(DraftState.event("created", user, checksum, "from " + from));
			this.records.create(state, files, "Draft " + id + " from " + from + ", in force from " + date);
			return null;
		});
	}

	/** Saves a file and validates the draft: the problems, each at its line. */
	List<CheckResults.Problem> save(String id, String name, String text, String user) {
		VersionZip.checkFile(name, text, "/name");
		RuleVersionFiles changed = this.records.locked(() -> {
			DraftState state = this.records.state(id).require(DraftStatus.Step.EDIT);
			Map<String, String> files = new LinkedHashMap<>(this.records.files(id).files());
			files.put(name, text);
			RuleVersionFiles saved = new RuleVersionFiles(id, files);
			this.records.write(state.then(DraftState.event("edited", user, saved.checksum(), name)), Map.of(name, text),
					Set.of(), user, "Edit " + name);
			return saved;
		});
		return problems(id, changed);
	}

	/**
	 * Writes the change note into the draft's {@code version.yaml}: a save like any
	 * other, validated, and the checks must run again.
	 */
	List<CheckResults.Problem> note(String id, ChangeNote note, String user) {
		return this.records.locked(() -> {
			String descriptor = this.records.files(id).files().get(RuleVersionFiles.DESCRIPTOR);
			return save(id, RuleVersionFiles.DESCRIPTOR, VersionYaml.withNote(descriptor, note.da(), note.en()), user);
		});
	}

	/**
	 * Replaces the draft's files with those of an uploaded version folder, in one commit,
	 * and validates the draft.
	 */
	List<CheckResults.Problem> upload(String id, Map<String, String> files, String user) {
		RuleVersionFiles uploaded = new RuleVersionFiles(id, files);
		this.records.locked(() -> {
			DraftState state = this.records.state(id).require(DraftStatus.Step.EDIT);
			Set<String> removed = new java.util.TreeSet<>(this.records.files(id).files().keySet());
			removed.removeAll(files.keySet());
			this.records.write(
					state.then(DraftState.event("edited", user, uploaded.checksum(), "zip: " + files.keySet())), files,
					removed, user, "Upload " + String.join(", ", files.keySet()));
			return null;
		});
		return problems(id, uploaded);
	}

	private List<CheckResults.Problem> problems(String id, RuleVersionFiles files) {
		List<CheckResults.Problem> problems = new ArrayList<>(dateClashes(id, files));
		problems.addAll(this.worker.validate(files, this.loader.sources()));
		return problems;
	}

	/**
	 * Two versions cannot come into force on the same day (the reloader would refuse the
	 * second): the draft's date against every published version's, at the line of
	 * {@code inForceFrom:}.
	 */
	List<CheckResults.Problem> dateClashes(String id, RuleVersionFiles files) {
		LocalDate date = Drafts.inForceFrom(files);
		if (date == null) {
			return List.of();
		}
		int line = lineOf(files.files().getOrDefault(RuleVersionFiles.DESCRIPTOR, ""), "inForceFrom:");
		List<CheckResults.Problem> clashes = new ArrayList<>();
		for (RuleVersions.Entry entry : this.versions.entries()) {
			if (entry.state() == RuleVersions.State.ACTIVE && !entry.version().equals(id)
					&& date.equals(entry.inForceFrom())) {
				clashes.add(new CheckResults.Problem(RuleVersionFiles.DESCRIPTOR, line, 1,
						"version " + entry.version() + " træder allerede i kraft den " + date
								+ ", og to versioner kan ikke træde i kraft samme dag: vælg en anden dato"));
			}
		}
		return clashes;
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

	private static int lineOf(String text, String start) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith(start)) {
				return i + 1;
			}
		}
		return 1;
	}

}
