package dk.model3.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.versions.ConditionalOnVersionStore;

import org.springframework.stereotype.Component;

/**
 * The request and approval steps of the lifecycle, the four eyes: a draft whose checks
 * passed on its files as they are now, with a change note, is requested for publication;
 * someone who took no part in it approves what they saw, or rejects it. An approval
 * starts the publication ({@link DraftPublication}) off the request thread. A version
 * never comes into force before the day it is published.
 */
@Component
@ConditionalOnVersionStore
class DraftDecisions {

	private final DraftRecords records;

	private final DraftCheckRuns checks;

	private final DraftPublication publication;

	private final RuleLoader loader;

	private final Clock clock;

	DraftDecisions(DraftRecords records, DraftCheckRuns checks, DraftPublication publication, RuleLoader loader,
			Clock clock) {
		this.records = records;
		this.checks = checks;
		this.publication = publication;
		this.loader = loader;
		this.clock = clock;
	}

	void request(String id, String user) {
		this.records.locked(() -> {
			DraftState state = this.records.state(id).require(DraftStatus.Step.REQUEST);
			RuleVersionFiles files = this.records.files(id);
			if (ChangeNote.of(files.files().get(RuleVersionFiles.DESCRIPTOR),
					this.records.fromDescriptor(state)) == null) {
				throw new NoteMissing(id);
			}
			requireChecksPassed(id);
			requireNotBackwards(id, Drafts.inForceFrom(files));
			this.records.write(state.take(DraftStatus.Step.REQUEST, user, null, null,
					DraftState.event("requested", user, files.checksum(), null)), user, "Request publication");
			return null;
		});
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
	void decide(String id, boolean approve, String comment, Drafts.Seen seen, String user) {
		this.records.locked(() -> {
			DraftState state = this.records.state(id);
			if (state.involves(user)) {
				throw new ApproverTookPart("The draft " + id + " was created, edited or requested by " + user
						+ "; a POLICY user who took no part in it must approve or reject it.");
			}
			state.require(approve ? DraftStatus.Step.APPROVE : DraftStatus.Step.REJECT);
			CheckResults results = requireChecksPassed(id);
			String checksum = results.checksum();
			if (!approve) {
				this.records.write(state.take(DraftStatus.Step.REJECT, state.requestedBy(), user, comment,
						DraftState.event("rejected", user, checksum, comment)), user, "Reject: " + comment);
				return null;
			}
			requireAsSeen(id, (seen != null) ? seen : new Drafts.Seen(null, null));
			this.publication.requireNotRunning(id);
			this.records.write(state.take(DraftStatus.Step.APPROVE, state.requestedBy(), user, comment,
					DraftState.event("approved", user, checksum, comment)), user, "Approve: " + comment);
			this.publication.start(id, state.requestedBy(), user, results, this.loader.sources(),
					(detail) -> published(id, state.requestedBy(), user, comment, checksum, detail));
			return null;
		});
	}

	// what the approver saw is what the draft holds now, and it is not in force already
	private void requireAsSeen(String id, Drafts.Seen seen) {
		LocalDate seenDate = seen.date();
		RuleVersionFiles files = this.records.files(id);
		LocalDate inForceFrom = Drafts.inForceFrom(files);
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
	}

	// the publication's last step, under the drafts' lock like every write of a state
	private void published(String id, String requestedBy, String user, String comment, String checksum, String detail) {
		this.records.locked(() -> {
			this.records.write(this.records.state(id)
				.take(DraftStatus.Step.PUBLISH, requestedBy, user, comment,
						DraftState.event("published", user, checksum, detail)),
					user, "Published");
			return null;
		});
	}

	private CheckResults requireChecksPassed(String id) {
		Drafts.ChecksView view = this.checks.view(id);
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

}
