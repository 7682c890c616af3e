package dk.model3.triage;

import java.util.List;

import dk.model3.request.CprNumbers;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
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
		requireBody(body);
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	/**
	 * The triage request a body holds, read field by field without building its tree (the
	 * API's body and every line of a batch).
	 */
	public TriageRequest request(byte[] body) {
		requireBody(body);
		try (JsonParser parser = this.mapper.createParser(body)) {
			return RequestReader.read(parser);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	private static void requireBody(byte[] body) {
		if (body == null || body.length == 0) {
			throw new MalformedJson("the body is empty; send a JSON object");
		}
	}

	private static MalformedJson malformed(JacksonException ex) {
		String where = (ex.getLocation() != null)
				? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
		return new MalformedJson("is not valid JSON" + where + ": " + CprNumbers.mask(ex.getOriginalMessage()));
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

	/** A body that is not one JSON value: refused before any field is read. */
	public static final class MalformedJson extends InvalidRequest {

		MalformedJson(String message) {
			super(List.of(new FieldError("", message)));
		}

	}

}
