package dk.model3.batch;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for batch output: Jackson's defaults, as Spring Boot configures the
 * API's mapper with no {@code spring.jackson.*} properties set.
 * {@code BatchApiIntegrationTests} holds the two byte for byte to the same responses; if
 * the API's mapper gains settings, that test fails and this must follow.
 */
final class BatchJson {

	private BatchJson() {
	}

	static JsonMapper mapper() {
		return JsonMapper.builder().build();
	}

}
