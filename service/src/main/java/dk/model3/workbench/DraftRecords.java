package dk.model3.workbench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.VersionStore;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Where a draft lives in the repository of versions, and the one lock every change of a
 * draft takes. Its files are the folder {@code <id>/} of its branch, its state
 * {@code .workbench/<id>.json} and the results of its last checks
 * {@code .workbench/<id>.checks.json}. A step reads the state and writes the next one
 * under {@link #locked}, so two steps never both start from the same state.
 */
@Component
@ConditionalOnVersionStore
class DraftRecords {

	// state files written before the in-force date lived in version.yaml alone carry a
	// copy of it (and of the title): read, ignored
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final VersionStore store;

	private final Object lock = new Object();

	DraftRecords(VersionStore store) {
		this.store = store;
	}

	/** Runs a step that reads a draft and writes it, alone. */
	<T> T locked(Supplier<T> step) {
		synchronized (this.lock) {
			return step.get();
		}
	}

	/** Runs reads of drafts against one fetch of the repository. */
	<T> T reading(Supplier<T> reads) {
		return this.store.reading(reads);
	}

	VersionStore store() {
		return this.store;
	}

	boolean exists(String id) {
		return this.store.hasDraft(id);
	}

	DraftState state(String id) {
		DraftIds.require(id, "/id");
		if (!this.store.hasDraft(id)) {
			throw new DraftNotFound("No draft " + id + ".");
		}
		String text = this.store.draftFiles(id, statePath(id)).get(statePath(id));
		return JSON.readValue(text, DraftState.class);
	}

	RuleVersionFiles files(String id) {
		DraftIds.require(id, "/id");
		if (!this.store.hasDraft(id)) {
			throw new DraftNotFound("No draft " + id + ".");
		}
		return new RuleVersionFiles(id, inFolder(this.store.draftFiles(id, id + "/"), id));
	}

	/** The results of the draft's last checks, if they ran. */
	Optional<CheckResults> results(String id) {
		String text = this.store.draftFiles(id, checksPath(id)).get(checksPath(id));
		return Optional.ofNullable(text).map((json) -> JSON.readValue(json, CheckResults.class));
	}

	/**
	 * The descriptor of the version the draft was made from, as the draft's branch has
	 * it.
	 */
	String fromDescriptor(DraftState state) {
		if (state.from() == null) {
			return null;
		}
		String path = state.from() + "/" + RuleVersionFiles.DESCRIPTOR;
		return this.store.draftFiles(state.id(), path).get(path);
	}

	/** A new draft's branch with its files (named as in its folder) and first state. */
	void create(DraftState state, Map<String, String> files, String message) {
		Map<String, String> put = inRepository(state.id(), files);
		put.put(statePath(state.id()), json(state));
		this.store.createDraft(state.id(), put, state.author(), message);
	}

	/** One commit of the draft's next state, with the files it changes and removes. */
	void write(DraftState state, Map<String, String> files, Set<String> removed, String user, String message) {
		String id = state.id();
		Map<String, String> put = inRepository(id, files);
		put.put(statePath(id), json(state));
		Set<String> remove = new java.util.HashSet<>();
		removed.forEach((name) -> remove.add(id + "/" + name));
		this.store.commitToDraft(id, put, remove, user, message);
	}

	/** One commit of the draft's next state alone. */
	void write(DraftState state, String user, String message) {
		write(state, Map.of(), Set.of(), user, message);
	}

	/** One commit of a check run's results and the state that records it. */
	void write(DraftState state, CheckResults results, String user, String message) {
		this.store.commitToDraft(state.id(),
				Map.of(checksPath(state.id()), json(results), statePath(state.id()), json(state)), Set.of(), user,
				message);
	}

	/** The files of a version folder in the repository, by their names in the folder. */
	static Map<String, String> inFolder(Map<String, String> paths, String id) {
		Map<String, String> files = new LinkedHashMap<>();
		paths.forEach((path, text) -> {
			if (path.startsWith(id + "/")) {
				files.put(path.substring(id.length() + 1), text);
			}
		});
		return files;
	}

	private static Map<String, String> inRepository(String id, Map<String, String> files) {
		Map<String, String> put = new LinkedHashMap<>();
		files.forEach((name, text) -> put.put(id + "/" + name, text));
		return put;
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

}
