package dk.model3.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A draft's workflow, committed on its branch as {@code .workbench/<id>.json} so any
 * instance can show it: its state, who made and who requested it, and every step with
 * who, when and the checksum of the files then (the audit trail).
 *
 * @param state {@code DRAFT}, {@code REQUESTED}, {@code PUBLISHED} or {@code REJECTED}
 */
record DraftState(String id, String from, String inForceFrom, String title, String state, String author,
		String requestedBy, String decidedBy, String comment, List<Event> events) {

	static final String DRAFT = "DRAFT";

	static final String REQUESTED = "REQUESTED";

	static final String PUBLISHED = "PUBLISHED";

	static final String REJECTED = "REJECTED";

	/** One step: created, edited, checked, requested, approved, rejected, published. */
	record Event(String action, String user, String at, String checksum, String detail) {
	}

	DraftState {
		events = (events != null) ? List.copyOf(events) : List.of();
	}

	DraftState with(String newState, String requester, String decider, String newComment, Event event) {
		List<Event> all = new ArrayList<>(this.events);
		all.add(event);
		return new DraftState(this.id, this.from, this.inForceFrom, this.title, newState, this.author, requester,
				decider, newComment, all);
	}

	DraftState then(Event event) {
		return with(this.state, this.requestedBy, this.decidedBy, this.comment, event);
	}

	static Event event(String action, String user, String checksum, String detail) {
		return new Event(action, user, Instant.now().toString(), checksum, detail);
	}

}
