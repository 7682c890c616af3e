package dk.model3.batch;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dk.model3.response.Explain;
import dk.model3.response.OutcomeView;
import dk.model3.response.ResponseTemplates;
import dk.model3.rules.Decision;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short line {@code batch --explain ids} and {@code --explain none} write for an
 * answer: {@code citizenRef}, {@code status}, {@code tier}, {@code responsibleArea},
 * {@code flags}, {@code warnings}, {@code rulesVersion}, {@code rulesChecksum} and, for
 * {@code ids}, the deciding {@code ruleIds}. Everything after the case reference is the
 * same for every citizen of one decision shape, so it is written once per shape.
 */
final class ShortAnswers {

	private static final byte[] START = "{\"citizenRef\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] AFTER_REF = "\",".getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper mapper;

	private final boolean ruleIds;

	private final Map<ResponseTemplates.Shape, byte[]> rests = new ConcurrentHashMap<>();

	ShortAnswers(JsonMapper mapper, Explain explain) {
		if (explain == Explain.FULL) {
			throw new IllegalArgumentException("the full answer is written by the response templates");
		}
		this.mapper = mapper;
		this.ruleIds = explain == Explain.IDS;
	}

	/** Writes the line for a citizen whose decision has this shape. */
	void write(ResponseTemplates.Shape shape, String citizenRef, Consumer<byte[]> out) {
		out.accept(START);
		// the request reader allows only A-Z a-z 0-9 . _ : - in a case reference: nothing
		// to escape
		out.accept(citizenRef.getBytes(StandardCharsets.ISO_8859_1));
		out.accept(AFTER_REF);
		byte[] rest = this.rests.get(shape);
		if (rest == null) {
			rest = rest(shape.decision());
			byte[] raced = this.rests.putIfAbsent(shape, rest);
			rest = (raced != null) ? raced : rest;
		}
		out.accept(rest);
	}

	// the object's fields after the case reference, without its opening brace
	private byte[] rest(Decision decision) {
		byte[] object = this.mapper.writeValueAsBytes(OutcomeView.of(decision, this.ruleIds));
		byte[] rest = new byte[object.length - 1];
		System.arraycopy(object, 1, rest, 0, rest.length);
		return rest;
	}

}
