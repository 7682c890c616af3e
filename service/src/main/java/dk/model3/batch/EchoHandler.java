package dk.model3.batch;

import dk.model3.request.InvalidRequest;
import dk.model3.triage.JsonBodyReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's baselines: parses each line as the batch does and writes it back,
 * without triage, followed by a filler of spaces (trailing white space keeps a JSON line
 * valid). With no filler it writes what it read; with the filler it writes as many bytes
 * as the batch's answers, so what is left between its rate and the batch's is the cost of
 * triage itself rather than of a twenty times larger output.
 */
final class EchoHandler implements LineHandler {

	private final JsonBodyReader json = new JsonBodyReader();

	private final JsonMapper mapper;

	private final byte[] filler;

	EchoHandler(JsonMapper mapper, byte[] filler) {
		this.mapper = mapper;
		this.filler = filler;
	}

	@Override
	public void process(Line line, ChunkResult result) {
		result.lines++;
		try {
			result.output.append(this.mapper.writeValueAsBytes(this.json.read(line.bytes())));
			result.output.append(this.filler);
			result.output.append((byte) '\n');
			result.written++;
		}
		catch (InvalidRequest ex) {
			result.rejects.add(new Reject(line.number(), "bad JSON", ex.getMessage(), java.util.List.of()));
		}
	}

}
