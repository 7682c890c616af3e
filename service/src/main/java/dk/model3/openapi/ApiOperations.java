package dk.model3.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import dk.model3.audit.ReviewRecord;
import dk.model3.decisions.ReviewReason;
import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;

/**
 * A summary and the problem responses for every operation, so integrators (and Redocly's
 * recommended rules) find what each call does and how it fails; the review call's body,
 * which the controller reads as bytes, described by the contract; and {@code tier} as
 * nullable wherever it appears.
 */
final class ApiOperations {

	static final String PROBLEM = "ProblemDetail";

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	private static final String REVIEW = "/api/v1/decisions/{decisionId}/review";

	private static final String JUSTIFICATION = "/api/v1/decisions/{decisionId}/justification";

	private record Described(String summary, String description, Map<String, String> problems) {

	}

	private static final Map<String, Described> OPERATIONS = Map.of("POST " + REVIEW,
			new Described("Record the caseworker's review of a decision",
					"ACCEPTED follows the recommendation; OVERRIDDEN gives the outcome the caseworker chose, with "
							+ "a reason code from GET /api/v1/review-reasons (no free text). Recorded in the decision "
							+ "log before the answer; a decision is reviewed once.",
					Map.of("400", "The body breaks the contract; errors names every offending field.", "404",
							"No decision with this id is in the decision log.", "409",
							"The decision was already reviewed; the problem carries the review.", "413",
							"The body is larger than the limit.", "415", "The body is not application/json.")),
			"GET " + JUSTIFICATION,
			new Described("Get the written justification of a decision",
					"Plain text for the case file: the result, each rule applied with its text and source (title, "
							+ "section), the facts given weight, why each other tier did not apply, the version and "
							+ "checksum.",
					Map.of("400", "lang is neither da nor en.", "404",
							"No decision with this id is in the decision log.")),
			"GET /api/v1/review-reasons",
			new Described(
					"List the reason codes for an override", "Each code with its Danish and English text.", Map.of()),
			"GET /api/v1/reviews/summary",
			new Described("Summarise caseworkers' reviews",
					"Accepted and overridden, per deciding rule, per recommended tier and per reason, for one rule "
							+ "version or all. For policy staff.",
					Map.of()),
			"GET /api/v1/rules",
			new Described("List the rule versions", "Every version with its state, in-force date and checksum.",
					Map.of()),
			"POST /api/v1/admin/rules/reload",
			new Described("Reload the rule folder", "Loads new and changed versions; for policy staff.", Map.of()),
			"GET /api/v1/ping",
			new Described("Check the credentials", "Answers when the caller may use the API.", Map.of()));

	private ApiOperations() {
	}

	static void describe(OpenAPI openApi) {
		openApi.getComponents().addSchemas("ReviewRequest", reviewRequest());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
				describe(entry.getKey() + " " + path, entry.getValue());
			}
		});
		describeReview(openApi.getPaths().get(REVIEW));
		describeJustification(openApi.getPaths().get(JUSTIFICATION));
		nullableTier(openApi);
	}

	private static void describe(String key, Operation operation) {
		Described described = OPERATIONS.get(key);
		if (described != null) {
			operation.summary(described.summary()).description(described.description());
		}
		else if (operation.getSummary() == null) {
			// a call added without its own words still gets a readable summary
			operation.summary(sentence(operation.getOperationId()));
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		if (described != null) {
			described.problems().forEach((status, text) -> problem(responses, status, text));
		}
		if (!responses.containsKey("401")) {
			problem(responses, "401", "No or wrong credentials.");
		}
		if (!responses.containsKey("403")) {
			problem(responses, "403", "The caller's role may not make this call.");
		}
		operation.responses(responses);
	}

	private static void describeReview(PathItem item) {
		if (item == null || item.getPost() == null) {
			return;
		}
		Operation operation = item.getPost();
		operation.requestBody(new RequestBody().required(true)
			.content(new Content().addMediaType(JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/ReviewRequest")))));
		ApiResponse ok = operation.getResponses().remove("200");
		if (ok != null) {
			operation.getResponses().addApiResponse("201", ok.description("The stored review."));
		}
		pathParameter(operation);
	}

	private static void describeJustification(PathItem item) {
		if (item == null || item.getGet() == null) {
			return;
		}
		Operation operation = item.getGet();
		operation.getResponses()
			.addApiResponse("200",
					new ApiResponse().description("The justification, Danish or English.")
						.content(new Content().addMediaType("text/plain;charset=utf-8",
								new MediaType().schema(new StringSchema()))));
		pathParameter(operation);
		if (operation.getParameters() != null) {
			operation.getParameters()
				.stream()
				.filter((parameter) -> "lang".equals(parameter.getName()))
				.forEach((parameter) -> parameter.description("da (default) or en")
					.schema(new StringSchema()._enum(List.of("da", "en"))._default("da")));
		}
	}

	private static void pathParameter(Operation operation) {
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				if ("decisionId".equals(parameter.getName())) {
					parameter.description("The decisionId of a triage answer.");
				}
			}
		}
	}

	private static Schema<?> reviewRequest() {
		Schema<?> tier = enumSchema(Tier.values()).description("Required when status is PLACED, otherwise null.");
		nullable(tier);
		Schema<?> schema = new ObjectSchema()
			.description("ACCEPTED alone, or OVERRIDDEN with status, tier, responsibleArea and reason.")
			.addProperty("result", enumSchema(ReviewRecord.Result.values()))
			.addProperty("status", enumSchema(Status.values()))
			.addProperty("tier", tier)
			.addProperty("responsibleArea", enumSchema(Area.values()))
			.addProperty("reason",
					enumSchema(ReviewReason.values()).description("A code of GET /api/v1/review-reasons"));
		schema.required(List.of("result"));
		schema.additionalProperties(false);
		return schema;
	}

	private static Schema<?> enumSchema(Enum<?>[] values) {
		StringSchema schema = new StringSchema();
		for (Enum<?> value : values) {
			schema.addEnumItem(value.name());
		}
		return schema;
	}

	// the contract's tier is null unless the status is PLACED
	@SuppressWarnings("rawtypes")
	private static void nullableTier(OpenAPI openApi) {
		for (Schema schema : openApi.getComponents().getSchemas().values()) {
			Map<String, Schema> properties = schema.getProperties();
			if (properties != null && properties.get("tier") != null && properties.get("tier").get$ref() == null) {
				nullable(properties.get("tier"));
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void nullable(Schema schema) {
		Set<String> types = new LinkedHashSet<>((schema.getTypes() != null) ? schema.getTypes() : Set.of("string"));
		types.add("null");
		schema.setTypes(types);
		if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
			schema.getEnum().add(null);
		}
	}

	static void problem(ApiResponses responses, String status, String description) {
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType(
							org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	private static String sentence(String operationId) {
		if (operationId == null || operationId.isEmpty()) {
			return "Call";
		}
		String words = operationId.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("_\\d+$", "").toLowerCase();
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
