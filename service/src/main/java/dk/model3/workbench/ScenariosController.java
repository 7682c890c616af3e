package dk.model3.workbench;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.model3.versions.ConditionalOnVersionStore;
import tools.jackson.databind.JsonNode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * One scenario of a draft saved as JSON, the scenario table's save for scripts:
 * {@code PUT /api/v1/drafts/{id}/scenarios} with {@code name}, {@code given} (request
 * fields), {@code expect} and, to replace a scenario, {@code replaces} (its name). The
 * answer is a file save's: the problems the validation found. A value outside the
 * contract is a 400 problem naming the field.
 */
@RestController
@ConditionalOnVersionStore
class ScenariosController {

	private final ScenarioTable table;

	ScenariosController(ScenarioTable table) {
		this.table = table;
	}

	@PutMapping(path = "/api/v1/drafts/{id}/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> save(@PathVariable String id, @RequestBody(required = false) JsonNode body, Principal user) {
		DraftIds.require(id, "/id");
		if (body == null || !body.isObject()) {
			throw new InvalidDraftRequest("", "a JSON object with name, given and expect (and replaces)");
		}
		return Map.of("problems", this.table.save(id, form(body), user.getName()));
	}

	// the body in the form's fields: the same checks whichever way a scenario comes
	static ScenarioForm form(JsonNode body) {
		JsonNode given = body.path("given");
		JsonNode expect = body.path("expect");
		if (!given.isObject()) {
			throw new InvalidDraftRequest("/given", "given: the request fields of the citizen, as an object");
		}
		for (String field : List.of("citizenRef", "assessmentDate", "rulesVersion")) {
			if (given.has(field)) {
				throw new InvalidDraftRequest("/given/" + field, field + ": a scenario gives no " + field);
			}
		}
		if (!expect.isObject()) {
			throw new InvalidDraftRequest("/expect", "expect: the expected outcome, as an object");
		}
		JsonNode warnings = expect.path("warnings");
		if (!warnings.isMissingNode() && !warnings.isNull()
				&& (!warnings.isArray() || warnings.size() > ScenarioForm.MAX_WARNINGS)) {
			throw new InvalidDraftRequest("/expect/warnings", "warnings: at most " + ScenarioForm.MAX_WARNINGS
					+ " warnings, each a list of the fields it names, e.g. [[\"age\", \"benefit\"]]");
		}
		List<List<String>> expected = new ArrayList<>();
		for (int i = 0; i < warnings.size(); i++) {
			if (!warnings.get(i).isArray()) {
				throw new InvalidDraftRequest("/expect/warnings/" + i,
						"warnings: each warning a list of the fields it names, e.g. [\"age\", \"benefit\"]");
			}
			expected.add(strings(warnings.get(i)));
		}
		JsonNode missing = expect.path("missingFacts");
		if (!missing.isMissingNode() && !missing.isNull() && !missing.isArray()) {
			throw new InvalidDraftRequest("/expect/missingFacts",
					"missingFacts: a list of the fields a manual review names as missing");
		}
		return new ScenarioForm(text(body, "replaces"), text(body, "name"), text(given, "age"), text(given, "benefit"),
				text(given, "employmentPotential"), strings(given.path("problems")),
				text(given, "brainInjuryCoordination"), text(given, "measuresSentence"), text(given, "placedOutOfHome"),
				text(given, "serviceActMeasures"), text(given, "departmentsInvolved"), text(expect, "status"),
				text(expect, "tier"), text(expect, "responsibleArea"), strings(expect.path("flags")),
				String.join(", ", strings(expect.path("rules"))), strings(missing),
				(warnings.isMissingNode() || warnings.isNull()) ? ScenarioForm.UNCHECKED
						: expected.isEmpty() ? ScenarioForm.NONE : ScenarioForm.LISTED,
				ScenarioForm.warningFields(expected));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((item) -> values.add(item.asString()));
		return values;
	}

	/** The workbench's problems, for this controller too. */
	@RestControllerAdvice(assignableTypes = ScenariosController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class ScenarioProblems extends WorkbenchProblems {

	}

}
