package dk.model3.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last run over a population sent with it, per draft, in this instance's memory only:
 * the preview with its citizens (case references and profiles), shown to whoever looks at
 * the draft's checks until the draft is checked again, the service stops, or an hour has
 * passed. The repository keeps the same run's counts only
 * ({@link CheckResults#withoutCitizens}).
 */
final class UploadedPreviews {

	static final Duration KEPT = Duration.ofHours(1);

	private record Run(CheckResults shown, Instant until) {
	}

	private final Map<String, Run> runs = new ConcurrentHashMap<>();

	private final Clock clock;

	UploadedPreviews(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A new run of the draft's checks: this one's citizens if it had a population sent.
	 */
	void ran(String id, CheckResults shown, boolean uploaded) {
		if (uploaded) {
			this.runs.put(id, new Run(shown, this.clock.instant().plus(KEPT)));
		}
		else {
			this.runs.remove(id);
		}
	}

	/**
	 * The kept results, with the citizens of the same run if this instance still has
	 * them.
	 */
	CheckResults shown(String id, CheckResults kept) {
		Run run = this.runs.get(id);
		if (run == null || kept == null) {
			return kept;
		}
		if (this.clock.instant().isAfter(run.until())) {
			this.runs.remove(id, run);
			return kept;
		}
		boolean same = run.shown().checksum().equals(kept.checksum()) && run.shown().at().equals(kept.at());
		return same ? kept.withPreview(run.shown().preview()) : kept;
	}

}
