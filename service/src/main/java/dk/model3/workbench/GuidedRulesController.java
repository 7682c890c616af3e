package dk.model3.workbench;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.language.RuleEdit;
import dk.model3.versions.ConditionalOnVersionStore;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	@GetMapping(path = "/api/v1/drafts/{id}/rules/new-flag", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The template of a new flag rule: a free id, the flags, sources and conditions it offers",
			description = "{\"draft\", \"suggestedId\", \"flags\": [{\"value\", \"words\"}], \"sources\": "
					+ "[{\"file\", \"title\"}], \"conditions\": [{\"name\", \"kind\": NUMBER|CHOICE, \"choices\"}], "
					+ "\"seen\"}: seen is the checksum of flags.drl, for the POST that adds the rule.")
	GuidedRules.TemplateForm template(@PathVariable String id) {
		DraftIds.require(id, "/id");
		return this.rules.template(id);
	}

	@PostMapping(path = "/api/v1/drafts/{id}/rules", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "Adds a flag rule from the template at the end of flags.drl; saved and validated as a file save is",
			description = "Body {\"id\": \"F-20\", \"flag\": \"KUI_NETWORK_MEETING\", \"conditions\": "
					+ "{\"AGE_UNDER\": \"30\", \"TIER\": \"CROSS_SECTOR\"}, \"texts\": {\"da\", \"en\", \"source\", "
					+ "\"section\", \"nextDa\", \"nextEn\"}, \"seen\": \"sha256:…\"} (seen optional: the template's "
					+ "checksum of flags.drl). 201 {\"file\", \"ruleId\", \"changed\", \"problems\"} with Location; 400 "
					+ "invalid-rule-edit naming each field (/id, /flag, /conditions/AGE_UNDER, /texts/da); 404 for an "
					+ "unknown draft; 409 rule-file-changed when flags.drl is no longer the one seen, 409 not-a-draft "
					+ "when the draft cannot be edited.")
	ResponseEntity<Map<String, Object>> addFlag(@PathVariable String id, @RequestBody(required = false) JsonNode body,
			Principal user) {
		DraftIds.require(id, "/id");
		if (body == null || !body.isObject()) {
			throw new InvalidDraftRequest("", "a JSON object with id, flag, conditions, texts and seen");
		}
		String ruleId = string(body, "id");
		String flag = string(body, "flag");
		Map<String, String> texts = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> text : object(body, "texts").properties()) {
			if (!TEMPLATE_TEXTS.contains(text.getKey())) {
				throw new InvalidDraftRequest("/texts/" + text.getKey(),
						"texts: one of " + String.join(", ", TEMPLATE_TEXTS));
			}
			if (!text.getValue().isString()) {
				throw new InvalidDraftRequest("/texts/" + text.getKey(), "texts: each text is a string");
			}
			texts.put(text.getKey(), text.getValue().asString());
		}
		Map<RuleEdit.TemplateCondition, String> conditions = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> condition : object(body, "conditions").properties()) {
			RuleEdit.TemplateCondition known = Arrays.stream(RuleEdit.TemplateCondition.values())
				.filter((each) -> each.name().equals(condition.getKey()))
				.findFirst()
				.orElseThrow(() -> new InvalidDraftRequest("/conditions/" + condition.getKey(),
						"conditions: one of the template's conditions (GET …/rules/new-flag)"));
			if (!condition.getValue().isValueNode() || condition.getValue().isNull()) {
				throw new InvalidDraftRequest("/conditions/" + condition.getKey(),
						"conditions: each value is a number or a choice");
			}
			conditions.put(known, condition.getValue().asString());
		}
		GuidedRules.Saved saved = this.rules.addFlag(id, new RuleEdit.FlagTemplate(ruleId, flag, texts, conditions),
				string(body, "seen"), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/drafts/" + id + "/rules/" + ruleId.strip()))
			.body(Map.of("file", saved.file(), "ruleId", ruleId.strip(), "changed", saved.changed(), "problems",
					saved.problems()));
	}

	@PostMapping(path = "/api/v1/drafts/{id}/rules/{ruleId}/removal", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Removes a flag rule from flags.drl; saved and validated as a file save is",
			description = "Body {\"seen\": \"sha256:…\"} (optional: the form's checksum of the file). 200 "
					+ "{\"file\", \"ruleId\", \"changed\", \"problems\"}; 400 invalid-rule-edit naming /ruleId for a "
					+ "rule of another file (removed in the text editor); 404 for an unknown draft or rule; 409 "
					+ "rule-file-changed when the file is no longer the one seen, 409 not-a-draft when the draft "
					+ "cannot be edited.")
	Map<String, Object> remove(@PathVariable String id, @PathVariable String ruleId,
			@RequestBody(required = false) JsonNode body, Principal user) {
		DraftIds.require(id, "/id");
		if (body != null && !body.isObject() && !body.isMissingNode()) {
			throw new InvalidDraftRequest("", "a JSON object with seen, or no body");
		}
		String seen = (body != null) ? string(body, "seen") : null;
		GuidedRules.Saved saved = this.rules.remove(id, ruleId, seen, user.getName());
		return Map.of("file", saved.file(), "ruleId", ruleId, "changed", saved.changed(), "problems", saved.problems());
	}

	private static final List<String> TEMPLATE_TEXTS = List.of("da", "en", "source", "section", "nextDa", "nextEn");

	// a string field of the body, or null when left out; anything else names the field
	private static String string(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidDraftRequest("/" + field, field + ": a string");
		}
		return value.asString();
	}

	// an object field of the body, empty when left out; anything else names the field
	private static JsonNode object(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!value.isObject()) {
			throw new InvalidDraftRequest("/" + field, field + ": an object by name, e.g. {\"da\": \"…\"}");
		}
		return value;
	}

}
