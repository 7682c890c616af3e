package dk.model3.decisions;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import dk.model3.audit.ReviewRecord;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.triage.JsonBodyReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision calls of the contract: a decision's justification, the reason codes, the
 * caseworker's review and the summary of reviews.
 */
@RestController
class DecisionsController {

	static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private static final Logger log = LoggerFactory.getLogger(DecisionsController.class);

	private final Justifications justifications;

	private final Reviews reviews;

	private final JsonBodyReader bodies;

	DecisionsController(Justifications justifications, Reviews reviews, JsonBodyReader bodies) {
		this.justifications = justifications;
		this.reviews = reviews;
		this.bodies = bodies;
	}

	@GetMapping("/api/v1/decisions/{decisionId}/justification")
	ResponseEntity<String> justification(@PathVariable String decisionId,
			@RequestParam(defaultValue = "da") String lang, Principal principal) {
		if (!Justifications.LANGUAGES.contains(lang)) {
			throw new InvalidRequest(
					List.of(new FieldError("lang", "must be one of " + Justifications.LANGUAGES + " (default da)")));
		}
		return ResponseEntity.ok()
			.contentType(TEXT_UTF8)
			.body(this.justifications.text(decisionId, lang, principal.getName(), "JUSTIFICATION_API"));
	}

	@GetMapping(path = "/api/v1/review-reasons", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Reason> reasons() {
		return this.reviews.reasons()
			.stream()
			.map((reason) -> new Reason(reason.name(), reason.text().da(), reason.text().en()))
			.toList();
	}

	@PostMapping(path = "/api/v1/decisions/{decisionId}/review", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReviewRecord> review(@PathVariable String decisionId, @RequestBody(required = false) byte[] body,
			Principal principal) {
		ReviewRecord review = this.reviews.review(decisionId, this.bodies.read(body), principal.getName());
		log.info("review decisionId={} rulesVersion={} decidingRule={} result={} status={} tier={} reason={}",
				review.decisionId(), review.rulesVersion(), review.decidingRuleId(), review.result(), review.status(),
				review.tier(), review.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(review);
	}

	@GetMapping(path = "/api/v1/reviews/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	ReviewSummary summary(@RequestParam(required = false) String version) {
		return this.reviews.summary(version);
	}

	/** A reason code with its Danish and English text. */
	record Reason(String code, String da, String en) {

	}

}
