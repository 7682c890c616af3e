package dk.model3.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A draft's workflow, committed on its branch as {@code .workbench/<id>.json} so any
 * instance can show it: its state, who made and who requested it, and every step with
 * who, when and the checksum of the files then (the audit trail). The version's in-force
 * date and title are not here: they live in its {@code version.yaml} only (state files
 * written before kept a copy, which is ignored when read).
 *
 * @param state where it stands; {@link #take} moves it as {@link DraftStatus} allows
 */
record DraftState(String id, String from, DraftStatus state, String author, String requestedBy, String decidedBy,
		String comment, List<Event> events) {

	// the steps that make someone part of the draft: a file save or an upload is "edited"
	private static final Set<String> INVOLVING = Set.of("created", "edited", "requested");

	/** One step: created, edited, checked, requested, approved, rejected, published. */
	record Event(String action, String user, String at, String checksum, String detail) {
	}

	DraftState {
		events = (events != null) ? List.copyOf(events) : List.of();
	}

	/**
	 * The state after a step, with its event; refused ({@link DraftRefused}) when the
	 * current state does not allow the step.
	 */
	DraftState take(DraftStatus.Step step, String requester, String decider, String newComment, Event event) {
		return with(this.state.after(step, this.id), requester, decider, newComment, event);
	}

	/** Refused unless the current state allows the step. */
	DraftState require(DraftStatus.Step step) {
		this.state.after(step, this.id);
		return this;
	}

	private DraftState with(DraftStatus newState, String requester, String decider, String newComment, Event event) {
		List<Event> all = new ArrayList<>(this.events);
		all.add(event);
		return new DraftState(this.id, this.from, newState, this.author, requester, decider, newComment, all);
	}

	DraftState then(Event event) {
		return with(this.state, this.requestedBy, this.decidedBy, this.comment, event);
	}

	/**
	 * Everybody who made the draft what it is: who created it, who saved or uploaded any
	 * file, who requested its publication; in lower case, as names are compared without
	 * case. None of them may approve it (four eyes).
	 */
	Set<String> involved() {
		Set<String> users = new TreeSet<>();
		if (this.author != null) {
			users.add(this.author.toLowerCase(Locale.ROOT));
		}
		if (this.requestedBy != null) {
			users.add(this.requestedBy.toLowerCase(Locale.ROOT));
		}
		for (Event event : this.events) {
			if (INVOLVING.contains(event.action()) && event.user() != null) {
				users.add(event.user().toLowerCase(Locale.ROOT));
			}
		}
		return users;
	}

	boolean involves(String user) {
		return involved().contains(user.toLowerCase(Locale.ROOT));
	}

	static Event event(String action, String user, String checksum, String detail) {
		return new Event(action, user, Instant.now().toString(), checksum, detail);
	}

}
