package dk.model3.triage;

import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.CprNumbers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Parses a request body strictly: malformed JSON and repeated keys are refused with where
 * they are, as a 400 rather than a parser's stack trace.
 */
@Component
public class JsonBodyReader {

	// request threads are platform threads: a parse buffer per thread instead of
	// Jackson's shared pool, whose queue cost a few per cent of a triage's CPU
	// under load
	private final JsonMapper mapper = JsonMapper
		.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	public JsonNode read(byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidRequest(java.util.List.of(new FieldError("", "the body is empty; send a JSON object")));
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
			throw new InvalidRequest(java.util.List
				.of(new FieldError("", "is not valid JSON" + where + ": " + CprNumbers.mask(ex.getOriginalMessage()))));
		}
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

}
