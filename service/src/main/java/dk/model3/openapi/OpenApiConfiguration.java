package dk.model3.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.versions.RuleVersions;
import dk.model3.security.SecurityProperties;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the triage endpoint by the contract. The controller reads raw bytes (strict
 * parsing in one place), so the request schema, the examples and the problem responses
 * are added here rather than inferred.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String TRIAGE_PATH = "/api/v1/triage";

	private static final String PROBLEM = ApiOperations.PROBLEM;

	@Bean
	OpenAPI triageOpenApi(SecurityProperties security) {
		boolean jwt = security.mode() == SecurityProperties.Mode.JWT;
		SecurityScheme scheme = jwt
				? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
				: new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic");
		return new OpenAPI()
			.info(new Info().title("Model 3 triage")
				.version("v1")
				.description("Sorts citizens with complex problems into the three tiers of model 3, "
						+ "with the reasons, the source paragraph and the next step."))
			.components(new Components().addSecuritySchemes("credentials", scheme))
			.addSecurityItem(new SecurityRequirement().addList("credentials"));
	}

	@Bean
	OpenApiCustomizer triageOperation(RuleVersions versions) {
		return (openApi) -> {
			ModelConverters.getInstance()
				.readAll(TriageRequestDocument.class)
				.forEach(openApi.getComponents()::addSchemas);
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			PathItem item = (openApi.getPaths() != null) ? openApi.getPaths().get(TRIAGE_PATH) : null;
			if (item != null && item.getPost() != null) {
				describe(item.getPost(), OutcomeExamples.of(versions));
			}
			ApiOperations.describe(openApi);
			describeStatute(openApi);
			// relative: the document is served by the service it describes
			openApi.servers(List.of(new Server().url("/").description("this service")));
		};
	}

	private static void describe(Operation operation, List<OutcomeExamples.Example> examples) {
		operation.summary("Triage one citizen")
			.description("Places the profile in one tier, or says why it is out of scope or needs manual review. "
					+ "The rule version is the pinned one, or the one in force on the assessment date.");
		Map<String, Example> requests = new LinkedHashMap<>();
		Map<String, Example> responses = new LinkedHashMap<>();
		for (OutcomeExamples.Example example : examples) {
			requests.put(example.name(), new Example().summary(example.summary()).value(example.request()));
			responses.put(example.name(), new Example().summary(example.summary()).value(example.response()));
		}
		operation.requestBody(new RequestBody().required(true)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/TriageRequest"))
						.examples(requests))));
		ApiResponses apiResponses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		ApiResponse ok = apiResponses.get("200");
		if (ok != null && ok.getContent() != null) {
			ok.description("The decision: exactly one status, one responsible area, the reasons.");
			ok.getContent().values().forEach((media) -> media.examples(responses));
		}
		problem(apiResponses, "400", "The request breaks the contract; errors names every offending field.");
		problem(apiResponses, "401", "No or wrong credentials.");
		problem(apiResponses, "403", "The caller's role may not triage.");
		problem(apiResponses, "404", "The pinned rule version is not active.");
		problem(apiResponses, "413", "The body is larger than the limit.");
		problem(apiResponses, "415", "The body is not application/json.");
		problem(apiResponses, "422", "No rule version is in force on the assessment date.");
		operation.responses(apiResponses);
	}

	// the field is left out of a source where no source document names a statute
	private static void describeStatute(OpenAPI openApi) {
		Schema<?> source = (openApi.getComponents().getSchemas() != null)
				? openApi.getComponents().getSchemas().get("SourceRef") : null;
		if (source != null && source.getProperties() != null && source.getProperties().get("statute") != null) {
			source.getProperties()
				.get("statute")
				.description("The statute the rule rests on, as a source document names it "
						+ "(e.g. \"Serviceloven\"); present only where a source names one.");
		}
	}

	private static void problem(ApiResponses responses, String status, String description) {
		ApiOperations.problem(responses, status, description);
	}

	private static Schema<?> problemSchema() {
		Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema().description("JSON pointer"))
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(error));
	}

}
