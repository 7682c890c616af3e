package dk.model3.workbench;

import java.util.LinkedHashMap;
import java.util.Map;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.VersionStore;

import org.springframework.stereotype.Service;

/**
 * A draft's changes against the version it was made from ({@link RuleChanges}), as
 * {@code GET /api/v1/drafts/{id}/changes} and the approval page show them. The version it
 * was made from is read as the draft's branch holds it: a published version never
 * changes.
 */
@Service
@ConditionalOnVersionStore
class DraftChanges {

	private final Drafts drafts;

	private final VersionStore store;

	DraftChanges(Drafts drafts, VersionStore store) {
		this.drafts = drafts;
		this.store = store;
	}

	Changes of(String id) {
		DraftState state = this.drafts.state(id);
		RuleVersionFiles draft = this.drafts.files(id);
		String prefix = state.from() + "/";
		Map<String, String> from = new LinkedHashMap<>();
		this.store.draftFiles(id, prefix).forEach((path, text) -> {
			if (path.startsWith(prefix)) {
				from.put(path.substring(prefix.length()), text);
			}
		});
		return RuleChanges.between(new RuleVersionFiles(state.from(), from), draft);
	}

	/**
	 * Refused ({@link ChangedSinceSeen}, naming {@code /changes}) unless the changes an
	 * approver read are the draft's changes now.
	 * @param seen the checksum of the changes read ({@code sha256:…})
	 */
	void requireSeen(String id, String seen) {
		String now = of(id).checksum();
		if (!now.equals(seen)) {
			throw new ChangedSinceSeen(
					"The draft " + id + " changed since you read its changes (they are " + now + " now, not " + seen
							+ "). Read them again before you approve it.",
					Map.of("/changes", "changes: the draft's changes are " + now + " now, not " + seen));
		}
	}

}
