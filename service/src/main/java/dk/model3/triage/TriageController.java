package dk.model3.triage;

import dk.model3.response.TriageResponse;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/triage. */
@RestController
class TriageController {

	private static final Logger log = LoggerFactory.getLogger(TriageController.class);

	private final Triage triage;

	private final JsonBodyReader bodies;

	TriageController(Triage triage, JsonBodyReader bodies) {
		this.triage = triage;
		this.bodies = bodies;
	}

	@PostMapping(path = "/api/v1/triage", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	TriageResponse triage(@RequestBody byte[] body, HttpServletRequest http) {
		TriageRequest request = RequestReader.read(this.bodies.read(body));
		TriageResponse response = this.triage.decide(request,
				http.isUserInRole("POLICY") ? Triage.Pinning.ANY_ACTIVE : Triage.Pinning.IN_FORCE_ONLY);
		// the decision id and the outcome, never the case reference or the profile: the
		// decision log holds the reference only as a keyed hash, and a clear reference
		// here at the same moment would undo that
		log.info("triage decisionId={} rulesVersion={} status={} tier={} flags={}", response.decisionId(),
				response.rulesVersion(), response.status(), response.tier(), response.flags());
		return response;
	}

}
