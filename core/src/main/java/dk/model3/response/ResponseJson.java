package dk.model3.response;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for responses written outside the API (the batch, the Spark job):
 * Jackson's defaults, as Spring Boot configures the API's mapper with no
 * {@code spring.jackson.*} properties set. {@code BatchApiIntegrationTests} holds the two
 * byte for byte to the same responses; if the API's mapper gains settings, that test
 * fails and this must follow.
 */
public final class ResponseJson {

	private ResponseJson() {
	}

	public static JsonMapper mapper() {
		return JsonMapper.builder().build();
	}

}
