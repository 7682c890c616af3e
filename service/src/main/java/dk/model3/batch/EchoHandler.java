package dk.model3.batch;

import dk.model3.request.InvalidRequest;
import dk.model3.triage.JsonBodyReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's baseline: parses each line as the batch does and writes it back,
 * without triage. What is left between the two rates is the cost of triage itself.
 */
final class EchoHandler implements LineHandler {

	private final JsonBodyReader json = new JsonBodyReader();

	private final JsonMapper mapper;

	EchoHandler(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void process(Line line, ChunkResult result) {
		result.lines++;
		try {
			result.output.append(this.mapper.writeValueAsBytes(this.json.read(line.bytes())));
			result.output.append((byte) '\n');
			result.written++;
		}
		catch (InvalidRequest ex) {
			result.rejects.add(new Reject(line.number(), "bad JSON", ex.getMessage(), java.util.List.of()));
		}
	}

}
