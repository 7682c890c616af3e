package dk.model3.workbench;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a draft stands, and the one table of the steps each state allows: a step not in
 * the table is refused ({@link DraftRefused}, 409) before anything is read or written.
 *
 * <pre>
 * DRAFT     --edit, check--> DRAFT     --request--> REQUESTED
 * REQUESTED --check, approve--> REQUESTED  --publish--> PUBLISHED
 * REQUESTED --reject--> REJECTED      --check--> REJECTED
 * </pre>
 */
enum DraftStatus {

	DRAFT, REQUESTED, PUBLISHED, REJECTED;

	/** A step of the workflow that needs the draft in a given state. */
	enum Step {

		EDIT, CHECK, REQUEST, APPROVE, REJECT, PUBLISH

	}

	private static final Map<DraftStatus, Map<Step, DraftStatus>> ALLOWED = new EnumMap<>(DraftStatus.class);

	static {
		allow(DRAFT, Step.EDIT, DRAFT);
		allow(DRAFT, Step.CHECK, DRAFT);
		allow(DRAFT, Step.REQUEST, REQUESTED);
		allow(REQUESTED, Step.CHECK, REQUESTED);
		allow(REQUESTED, Step.APPROVE, REQUESTED);
		allow(REQUESTED, Step.REJECT, REJECTED);
		allow(REQUESTED, Step.PUBLISH, PUBLISHED);
		allow(REJECTED, Step.CHECK, REJECTED);
	}

	private static void allow(DraftStatus from, Step step, DraftStatus to) {
		ALLOWED.computeIfAbsent(from, (state) -> new EnumMap<>(Step.class)).put(step, to);
	}

	boolean allows(Step step) {
		return ALLOWED.getOrDefault(this, Map.of()).containsKey(step);
	}

	/**
	 * The state after the step, or the refusal that names why the step is not allowed.
	 */
	DraftStatus after(Step step, String id) {
		DraftStatus next = ALLOWED.getOrDefault(this, Map.of()).get(step);
		if (next != null) {
			return next;
		}
		throw switch (step) {
			case EDIT -> new DraftRefused("not-a-draft",
					"The draft " + id + " is " + this + ": only a DRAFT is edited; a published version never.");
			case REQUEST -> new DraftRefused("not-a-draft", "The draft " + id + " is " + this + ".");
			case CHECK -> new DraftRefused("published", "The version " + id + " is published; its checks are done.");
			case APPROVE, REJECT, PUBLISH -> new DraftRefused("not-requested",
					"The draft " + id + " is " + this + "; only a requested draft is approved or rejected.");
		};
	}

}
