package dk.model3.triage;

import java.io.IOException;

import dk.model3.response.ResponseTemplates;
import dk.model3.response.TriageResponse;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/triage. Reads the body and writes the answer itself: the answer's bytes
 * come from {@link ResponseTemplates}, the same bytes Spring's Jackson converter would
 * write (the templates are cut from this mapper's output), at a fraction of the cost per
 * request.
 */
@RestController
class TriageController {

	private static final Logger log = LoggerFactory.getLogger(TriageController.class);

	private final Triage triage;

	private final JsonBodyReader bodies;

	private final ResponseTemplates responses;

	TriageController(Triage triage, JsonBodyReader bodies, JsonMapper mapper) {
		this.triage = triage;
		this.bodies = bodies;
		this.responses = new ResponseTemplates(mapper);
	}

	@PostMapping(path = "/api/v1/triage", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = TriageResponse.class)))
	void triage(HttpServletRequest http, HttpServletResponse answer) throws IOException {
		TriageRequest request = RequestReader.read(this.bodies.read(http.getInputStream().readAllBytes()));
		Triage.Decided decided = this.triage.decided(request,
				http.isUserInRole("POLICY") ? Triage.Pinning.ANY_ACTIVE : Triage.Pinning.IN_FORCE_ONLY);
		// the decision id and the outcome, never the case reference or the profile: the
		// decision log holds the reference only as a keyed hash, and a clear reference
		// here at the same moment would undo that
		log.info("triage decisionId={} rulesVersion={} status={} tier={} flags={}", decided.decisionId(),
				decided.decision().rulesVersion(), decided.decision().status(), decided.decision().tier(),
				decided.decision().flags());
		byte[] body = this.responses.bytes(decided.decision(), decided.decisionId(), decided.citizenRef(),
				decided.assessmentDate());
		answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
		answer.setContentLength(body.length);
		answer.getOutputStream().write(body);
	}

}
