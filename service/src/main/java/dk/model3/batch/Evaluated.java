package dk.model3.batch;

import java.time.LocalDate;
import java.util.List;

import dk.model3.rules.Decision;
import dk.model3.triage.TriageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision with its response pre-serialised around the two values that differ between
 * citizens with the same profile: the case reference and the assessment date. The
 * fragments are cut from Jackson's own serialisation of {@link TriageResponse}, so the
 * bytes are the API's bytes; when they cannot be cut cleanly, every response is
 * serialised in full.
 */
final class Evaluated {

	private static final String REF = "REFSENTINEL:7e1c.batch";

	private static final LocalDate DATE = LocalDate.of(9999, 12, 31);

	private final Decision decision;

	private final String outcome;

	private final List<String> ruleIds;

	private final byte[] head;

	private final byte[] middle;

	private final byte[] tail;

	private Evaluated(Decision decision, byte[] head, byte[] middle, byte[] tail) {
		this.decision = decision;
		this.outcome = (decision.tier() != null) ? decision.status() + " " + decision.tier()
				: decision.status().toString();
		this.ruleIds = decision.ruleIds();
		this.head = head;
		this.middle = middle;
		this.tail = tail;
	}

	/** A decision with its fragments cut, for reuse across citizens with its profile. */
	static Evaluated fragmented(Decision decision, JsonMapper mapper) {
		byte[] whole = mapper.writeValueAsBytes(TriageResponse.of(REF, DATE, decision));
		byte[] ref = ("\"" + REF + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] date = ("\"" + DATE + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int at = indexOf(whole, ref, 0);
		int dateAt = (at < 0) ? -1 : indexOf(whole, date, at + ref.length);
		if (at < 0 || dateAt < 0 || indexOf(whole, ref, at + 1) >= 0 || indexOf(whole, date, dateAt + 1) >= 0
				|| indexOf(whole, date, 0) != dateAt) {
			return plain(decision);
		}
		return new Evaluated(decision, java.util.Arrays.copyOfRange(whole, 0, at),
				java.util.Arrays.copyOfRange(whole, at + ref.length, dateAt),
				java.util.Arrays.copyOfRange(whole, dateAt + date.length, whole.length));
	}

	/** A decision serialised in full each time. */
	static Evaluated plain(Decision decision) {
		return new Evaluated(decision, null, null, null);
	}

	Decision decision() {
		return this.decision;
	}

	/** Status and tier, as the transition matrix labels them. */
	String outcome() {
		return this.outcome;
	}

	List<String> ruleIds() {
		return this.ruleIds;
	}

	/**
	 * Appends the response for this citizen; the reference is validated to safe ASCII by
	 * the request reader, so it needs no escaping.
	 */
	void write(Bytes out, String citizenRef, LocalDate assessmentDate, JsonMapper mapper) {
		int year = assessmentDate.getYear();
		if (this.head == null || year < 0 || year > 9999) {
			out.append(mapper.writeValueAsBytes(TriageResponse.of(citizenRef, assessmentDate, this.decision)));
			return;
		}
		out.append(this.head);
		out.append((byte) '"');
		out.appendAscii(citizenRef);
		out.append((byte) '"');
		out.append(this.middle);
		out.append((byte) '"');
		out.appendAscii(assessmentDate.toString());
		out.append((byte) '"');
		out.append(this.tail);
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
