package dk.model3.decisions;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import dk.model3.audit.DecisionRecords;
import dk.model3.facts.Status;
import dk.model3.triage.Copenhagen;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mine visitationer": the signed-in caseworker's own decisions of the last 30 days. The
 * manual reviews nobody has followed up come first, then the recommendations not yet
 * reviewed, then the rest, each newest first: an unreviewed manual review is where a
 * citizen falls between two chairs.
 */
@Controller
class OwnDecisionsPage {

	static final Duration PERIOD = Duration.ofDays(30);

	static final int LIMIT = 500;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
		.withZone(Copenhagen.ZONE);

	private final DecisionRecords records;

	private final Clock clock;

	OwnDecisionsPage(DecisionRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	@GetMapping("/mine")
	String mine(Principal principal, Model model) {
		List<Row> rows = this.records.madeBy(principal.getName(), this.clock.instant().minus(PERIOD), LIMIT)
			.stream()
			.map((decision) -> new Row(decision.decisionId(), TIME.format(decision.time()), decision, order(decision),
					order(decision) < 2))
			.sorted(Comparator.comparingInt(Row::order))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("days", PERIOD.toDays());
		model.addAttribute("openManualReviews", rows.stream().filter((row) -> row.order() == 0).count());
		return "decisions/mine";
	}

	// a stable sort keeps the newest first within each group
	private static int order(DecisionRecords.OwnDecision decision) {
		if (decision.review() != null) {
			return 2;
		}
		return (decision.status() == Status.MANUAL_REVIEW) ? 0 : 1;
	}

	/** One line of the list. */
	record Row(String decisionId, String time, DecisionRecords.OwnDecision decision, int order, boolean open) {

	}

}
