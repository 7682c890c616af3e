package dk.model3.workbench;

import java.util.List;
import java.util.Optional;

import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.Publications;
import dk.model3.versions.VersionStore;

import org.springframework.stereotype.Component;

/**
 * The audit trail of a version: who created, edited, checked, requested, approved or
 * rejected and published it, when, with checksums, and its commits; for a version seeded
 * from the packaged rules, its publication tag alone.
 */
@Component
@ConditionalOnVersionStore
class DraftHistory {

	private final DraftRecords records;

	DraftHistory(DraftRecords records) {
		this.records = records;
	}

	/** The audit trail of a version, as the history page and its JSON call show it. */
	record History(String version, String state, String checksum, String requestedBy, String approvedBy,
			List<DraftState.Event> events, List<VersionStore.Commit> commits) {
	}

	History of(String id) {
		DraftIds.require(id, "/id");
		VersionStore store = this.records.store();
		Optional<String> tag = store.publication(id);
		if (!this.records.exists(id)) {
			if (tag.isEmpty()) {
				throw new DraftNotFound("No version or draft " + id + ".");
			}
			String message = tag.get();
			String checksum = Publications.field(message, "checksum").orElse(null);
			return new History(id, DraftStatus.PUBLISHED.name(), checksum,
					Publications.field(message, "requested-by").orElse(null),
					Publications.field(message, "approved-by").orElse(null), List.of(new DraftState.Event("published",
							VersionStore.SERVICE, null, checksum, "seeded from the packaged rules")),
					List.of());
		}
		DraftState state = this.records.state(id);
		return new History(id, state.state().name(),
				tag.flatMap((message) -> Publications.field(message, "checksum"))
					.orElse(this.records.files(id).checksum()),
				state.requestedBy(), (state.state() == DraftStatus.PUBLISHED) ? state.decidedBy() : null,
				state.events(), store.draftHistory(id));
	}

}
