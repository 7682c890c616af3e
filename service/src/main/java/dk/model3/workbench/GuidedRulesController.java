package dk.model3.workbench;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.versions.ConditionalOnVersionStore;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guided view's JSON calls: a draft's rules, one rule as a form, and a save of its
 * values and texts ({@link GuidedRules}); role POLICY like every call under
 * /api/v1/drafts.
 */
@RestController
@ConditionalOnVersionStore
class GuidedRulesController {

	private final GuidedRules rules;

	GuidedRulesController(GuidedRules rules) {
		this.rules = rules;
	}

	@GetMapping(path = "/api/v1/drafts/{id}/rules", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The draft's rule files and their rules: id and Danish name",
			description = "[{\"file\", \"readable\", \"rules\": [{\"file\", \"ruleId\", \"name\"}]}]; a file that "
					+ "does not parse is readable: false, with no rules (edit it as text).")
	List<GuidedRules.FileEntry> list(@PathVariable String id) {
		DraftIds.require(id, "/id");
		return this.rules.list(id);
	}

	@GetMapping(path = "/api/v1/drafts/{id}/rules/{ruleId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One rule as the guided form shows it",
			description = "{\"file\", \"ruleId\", \"name\", \"texts\": [{\"name\", \"value\"}], \"sources\", "
					+ "\"conditions\": [{\"words\", \"fields\": [{\"index\", \"label\", \"kind\": NUMBER|CHOICE|YES_NO, "
					+ "\"value\", \"choices\": [{\"value\", \"words\"}]}]}], \"seen\"}: the conditions in Danish, each "
					+ "value that may change with its index. 404 for a rule no readable file of the draft has.")
	GuidedRules.Form form(@PathVariable String id, @PathVariable String ruleId) {
		DraftIds.require(id, "/id");
		return this.rules.form(id, ruleId);
	}

	@PutMapping(path = "/api/v1/drafts/{id}/rules/{ruleId}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Changes a rule's values and texts; the file is saved and validated as a file save is",
			description = "Body {\"values\": {\"0\": \"30\"}, \"texts\": {\"da\": \"…\"}, \"seen\": \"sha256:…\"} "
					+ "(all optional): values by their index, a whole number from 0 to 150, one of the field's "
					+ "choices, or true/false; texts by name (da, en, nextDa, nextEn, source, section, statute), "
					+ "only those the rule has, without quotes or backslashes; seen, the form's checksum of the "
					+ "file. Only the tokens of what changed are rewritten. 200 {\"file\", \"changed\", "
					+ "\"problems\"}; 400 invalid-rule-edit naming each field (/values/0, /texts/da); 409 "
					+ "rule-file-changed when the file is no longer the one seen.")
	Map<String, Object> save(@PathVariable String id, @PathVariable String ruleId,
			@RequestBody(required = false) JsonNode body, Principal user) {
		DraftIds.require(id, "/id");
		if (body == null || !body.isObject()) {
			throw new InvalidDraftRequest("", "a JSON object with values, texts and seen");
		}
		Map<Integer, String> values = new LinkedHashMap<>();
		JsonNode sentValues = body.path("values");
		if (!sentValues.isMissingNode() && !sentValues.isObject()) {
			throw new InvalidDraftRequest("/values",
					"values: an object of the values by their index, e.g. {\"0\": \"30\"}");
		}
		for (Map.Entry<String, JsonNode> value : sentValues.properties()) {
			if (!value.getKey().matches("\\d{1,4}") || !value.getValue().isValueNode()) {
				throw new InvalidDraftRequest("/values/" + value.getKey(),
						"values: each key is a value's index (0, 1 …) and each value a number, a choice or true/false");
			}
			values.put(Integer.parseInt(value.getKey()), value.getValue().asString());
		}
		Map<String, String> texts = new LinkedHashMap<>();
		JsonNode sentTexts = body.path("texts");
		if (!sentTexts.isMissingNode() && !sentTexts.isObject()) {
			throw new InvalidDraftRequest("/texts", "texts: an object of the texts by name, e.g. {\"da\": \"…\"}");
		}
		for (Map.Entry<String, JsonNode> text : sentTexts.properties()) {
			if (!text.getValue().isString()) {
				throw new InvalidDraftRequest("/texts/" + text.getKey(), "texts: each text is a string");
			}
			texts.put(text.getKey(), text.getValue().asString());
		}
		String seen = body.path("seen").isString() ? body.path("seen").asString() : null;
		GuidedRules.Saved saved = this.rules.save(id, ruleId, values, texts, seen, user.getName());
		return Map.of("file", saved.file(), "changed", saved.changed(), "problems", saved.problems());
	}

}
