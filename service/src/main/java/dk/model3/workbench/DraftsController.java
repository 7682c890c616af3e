package dk.model3.workbench;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import dk.model3.versions.ConditionalOnVersionStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workbench's JSON calls (contract: "The rule workbench"), for the pages and for
 * scripts; role POLICY (security configuration).
 */
@RestController
@ConditionalOnVersionStore
class DraftsController {

	private final Drafts drafts;

	private final DraftChanges changes;

	DraftsController(Drafts drafts, DraftChanges changes) {
		this.drafts = drafts;
		this.changes = changes;
	}

	@GetMapping(path = "/api/v1/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Drafts.DraftView> list() {
		return this.drafts.all();
	}

	@PostMapping(path = "/api/v1/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Drafts.DraftView> create(@RequestBody JsonNode body, Principal user) {
		if (body == null || !body.isObject()) {
			throw new InvalidDraftRequest("", "a JSON object with id, from, inForceFrom, title and titleDa");
		}
		Drafts.DraftView created = this.drafts.create(text(body, "id"), text(body, "from"), text(body, "inForceFrom"),
				text(body, "title"), text(body, "titleDa"), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/drafts/" + created.id())).body(created);
	}

	@GetMapping(path = "/api/v1/drafts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Drafts.DraftView draft(@PathVariable String id) {
		DraftIds.require(id, "/id");
		return this.drafts.view(id);
	}

	@GetMapping(path = "/api/v1/drafts/{id}/files/{name:.+}", produces = "text/plain;charset=UTF-8")
	String file(@PathVariable String id, @PathVariable String name) {
		DraftIds.require(id, "/id");
		return this.drafts.file(id, name);
	}

	@PutMapping(path = "/api/v1/drafts/{id}/files/{name:.+}", consumes = MediaType.TEXT_PLAIN_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> save(@PathVariable String id, @PathVariable String name,
			@RequestBody(required = false) String text, Principal user) {
		DraftIds.require(id, "/id");
		return Map.of("problems", this.drafts.save(id, name, (text != null) ? text : "", user.getName()));
	}

	/** A whole version folder as a zip replaces the draft's files. */
	@PutMapping(path = "/api/v1/drafts/{id}/files", consumes = "application/zip",
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> upload(@PathVariable String id, @RequestBody(required = false) byte[] zip, Principal user) {
		DraftIds.require(id, "/id");
		if (zip == null || zip.length == 0) {
			throw new InvalidDraftRequest("zip",
					"The zip is refused: the body is empty; send the zip of a version folder.");
		}
		return Map.of("problems", this.drafts.upload(id, VersionZip.read(zip), user.getName()));
	}

	@PostMapping(path = "/api/v1/drafts/{id}/checks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> runChecks(@PathVariable String id,
			@RequestBody(required = false) String population, Principal user) {
		DraftIds.require(id, "/id");
		// a body, if any, is a population for the preview: JSON Lines of triage requests
		ReferencePopulation uploaded = (population != null && !population.isBlank())
				? ReferencePopulation.uploaded("the population sent", population) : null;
		boolean started = this.drafts.startChecks(id, user.getName(), uploaded);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/drafts/" + id + "/checks"))
			.body(Map.of("running", true, "started", started));
	}

	@GetMapping(path = "/api/v1/drafts/{id}/checks", produces = MediaType.APPLICATION_JSON_VALUE)
	ChecksJson checks(@PathVariable String id) {
		DraftIds.require(id, "/id");
		return ChecksJson.of(this.drafts.checksView(id));
	}

	@GetMapping(path = "/api/v1/drafts/{id}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The draft against the version it was made from, rule by rule, in Danish",
			description = "{\"from\", \"draft\", \"checksum\", \"rules\": [{\"ruleId\", \"change\": "
					+ "ADDED|REMOVED|CHANGED, \"file\", \"text\", \"da\", \"conditions\": [{\"da\", \"before\", "
					+ "\"after\"}], \"texts\": [{\"da\", \"before\", \"after\"}]}], \"scenarios\": {\"added\", "
					+ "\"removed\", \"changed\"}, \"files\": [{\"file\", \"change\", \"da\"}]}. Each change has "
					+ "a Danish sentence (da), e.g. \"F-05: alder under 25 → under 30\", and the rule file's text "
					+ "before and after (null for what was added or removed). checksum names this diff; an "
					+ "approval may send it as \"changes\" (the page does), and is refused (409 "
					+ "changed-since-seen, naming /changes) when the diff is another now.")
	Changes changes(@PathVariable String id) {
		DraftIds.require(id, "/id");
		return this.changes.of(id);
	}

	/**
	 * {@code {"da":"…","en":"…"}}: the change note, required before a publication
	 * request; it becomes the version's change notes in its {@code version.yaml}.
	 */
	@PutMapping(path = "/api/v1/drafts/{id}/note", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the draft's change note, in Danish and English",
			description = "Body {\"da\": \"…\", \"en\": \"…\"}, each 1-2000 characters. Required before a "
					+ "publication request (409 note-missing without). Written into the draft's version.yaml "
					+ "(changes, and changes under da:) as one save: the checks must run again.")
	Map<String, Object> note(@PathVariable String id, @RequestBody JsonNode body, Principal user) {
		DraftIds.require(id, "/id");
		if (body == null || !body.isObject()) {
			throw new InvalidDraftRequest("", "a JSON object with da and en");
		}
		ChangeNote note = ChangeNote.sent(text(body, "da"), text(body, "en"));
		return Map.of("note", note, "problems", this.drafts.note(id, note, user.getName()));
	}

	@PostMapping(path = "/api/v1/drafts/{id}/publication-request", produces = MediaType.APPLICATION_JSON_VALUE)
	Drafts.DraftView request(@PathVariable String id, Principal user) {
		DraftIds.require(id, "/id");
		return this.drafts.request(id, user.getName());
	}

	/**
	 * {@code {"approve":true,"comment":"…","checksum":"sha256:…","inForceFrom":"YYYY-MM-DD"}}:
	 * an approval names the checksum and the in-force date its approver saw (the page
	 * sends what it showed), and may name the checksum of the changes they read
	 * ({@code "changes"}, required from the page); a rejection needs none.
	 */
	@PostMapping(path = "/api/v1/drafts/{id}/approval", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approve or reject a requested draft",
			description = "A rejection answers 200 with the draft, now REJECTED. An approval answers 202 with the "
					+ "draft and \"publication\": {\"state\": \"PUBLISHING\"}: the publication (merge and tag, "
					+ "activation) runs off the request thread; poll GET /api/v1/drafts/{id} (the Location) until "
					+ "\"state\" is PUBLISHED, or \"publication\".\"state\" is FAILED with a \"detail\".")
	@ApiResponse(responseCode = "202", description = "approved; the publication runs, poll the Location")
	@ApiResponse(responseCode = "200", description = "rejected")
	ResponseEntity<Drafts.DraftView> approval(@PathVariable String id, @RequestBody JsonNode body, Principal user) {
		DraftIds.require(id, "/id");
		if (body == null || !body.isObject() || !body.path("approve").isBoolean()) {
			throw new InvalidDraftRequest("/approve", "approve: true or false");
		}
		JsonNode comment = body.path("comment");
		if (!comment.isMissingNode() && !comment.isString()) {
			throw new InvalidDraftRequest("/comment", "comment: a text");
		}
		boolean approve = body.get("approve").asBoolean();
		String seenChanges = text(body, "changes");
		if (approve && seenChanges != null) {
			this.changes.requireSeen(id, seenChanges);
		}
		Drafts.DraftView decided = this.drafts.decide(id, approve, comment.isString() ? comment.asString() : "",
				new Drafts.Seen(text(body, "checksum"), text(body, "inForceFrom")), user.getName());
		if (!approve) {
			return ResponseEntity.ok(decided);
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/drafts/" + id)).body(decided);
	}

	@GetMapping(path = "/api/v1/versions/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	DraftHistory.History history(@PathVariable String id) {
		DraftIds.require(id, "/id");
		return this.drafts.history(id);
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidDraftRequest("/" + field, field + ": a text");
		}
		return value.asString();
	}

}
