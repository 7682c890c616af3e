package dk.model3.batch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.rules.Decision;
import dk.model3.rules.FiredRule;
import dk.model3.response.TriageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises responses from templates cut out of Jackson's own serialisation of
 * {@link TriageResponse}. Most of a response (rule texts in two languages, sources, why
 * not, next step) is the same for every decision of the same shape; only the case
 * reference, the date and the facts each rule used differ. A template is the shape's
 * serialised response with holes for those, found by serialising it once with sentinel
 * values; the facts of each rule are serialised by Jackson and kept per rule and value,
 * and each decision holds its parts with its facts in place. The bytes are Jackson's
 * bytes by construction ({@code BatchTests} holds them to the service's output line for
 * line); a shape whose sentinels cannot be found exactly once is serialised in full every
 * time.
 */
final class ResponseTemplates {

	private static final String REF = "REFSENTINEL:7e1c.batch";

	private static final LocalDate DATE = LocalDate.of(9999, 12, 31);

	private static final String FACTS = "FACTSSENTINEL7e1c";

	private static final int MAX_FACTS = 1 << 16;

	private final JsonMapper mapper;

	private static final int MAX_DATES = 1 << 12;

	// where the reference and the date go in a decision's pieces: told apart by identity
	private static final byte[] REF_HOLE = new byte[0];

	private static final byte[] DATE_HOLE = new byte[0];

	private final Map<Decision, Shape> shapes = new ConcurrentHashMap<>();

	private final Map<LocalDate, byte[]> dates = new ConcurrentHashMap<>();

	private final Map<FactsKey, byte[]> facts = new ConcurrentHashMap<>();

	ResponseTemplates(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * A decision ready to write: its shape (canonical, shared by every decision that
	 * differs only in facts) and its response as parts with the facts already in place,
	 * so writing a line copies bytes and looks nothing up.
	 */
	Evaluated evaluated(Decision decision) {
		Shape shape = shapeOf(decision);
		Template template = shape.template();
		if (template.parts == null) {
			return new Evaluated(shape, null, decision);
		}
		List<byte[]> pieces = new ArrayList<>(2 * template.kinds.length + 1);
		for (int i = 0; i < template.kinds.length; i++) {
			if (template.parts[i].length > 0) {
				pieces.add(template.parts[i]);
			}
			int kind = template.kinds[i];
			pieces.add((kind == -2) ? REF_HOLE : (kind == -1) ? DATE_HOLE : facts(decision.explanation().get(kind)));
		}
		pieces.add(template.parts[template.kinds.length]);
		return new Evaluated(shape, pieces.toArray(new byte[0][]), null);
	}

	/** The canonical shape of a decision: the decision with its facts left out. */
	Shape shapeOf(Decision decision) {
		Decision key = withFacts(decision, (i) -> Map.of());
		Shape shape = this.shapes.get(key);
		if (shape == null) {
			shape = new Shape(key, cut(decision));
			Shape raced = this.shapes.putIfAbsent(key, shape);
			shape = (raced != null) ? raced : shape;
		}
		return shape;
	}

	private Template cut(Decision decision) {
		int rules = decision.explanation().size();
		Decision sentinels = withFacts(decision, (i) -> Map.of(FACTS + i, 0));
		byte[] whole = this.mapper.writeValueAsBytes(TriageResponse.of(REF, DATE, sentinels));
		List<int[]> holes = new ArrayList<>();
		// hole kinds: -2 the reference, -1 the date, i >= 0 the facts of rule i
		if (!find(whole, ascii("\"" + REF + "\""), -2, holes) || !find(whole, ascii("\"" + DATE + "\""), -1, holes)) {
			return Template.WHOLE;
		}
		for (int i = 0; i < rules; i++) {
			if (!find(whole, this.mapper.writeValueAsBytes(Map.of(FACTS + i, 0)), i, holes)) {
				return Template.WHOLE;
			}
		}
		holes.sort(Comparator.comparingInt((int[] hole) -> hole[0]));
		byte[][] parts = new byte[holes.size() + 1][];
		int[] kinds = new int[holes.size()];
		int from = 0;
		for (int i = 0; i < holes.size(); i++) {
			int[] hole = holes.get(i);
			if (hole[0] < from) {
				return Template.WHOLE;
			}
			parts[i] = Arrays.copyOfRange(whole, from, hole[0]);
			kinds[i] = hole[2];
			from = hole[0] + hole[1];
		}
		parts[holes.size()] = Arrays.copyOfRange(whole, from, whole.length);
		return new Template(parts, kinds);
	}

	/** Appends the response for a citizen with this decision. */
	void write(Evaluated evaluated, Bytes out, String citizenRef, LocalDate date) {
		byte[][] pieces = evaluated.pieces();
		if (pieces == null) {
			out.append(this.mapper.writeValueAsBytes(TriageResponse.of(citizenRef, date, evaluated.whole())));
			return;
		}
		for (byte[] piece : pieces) {
			if (piece == REF_HOLE) {
				// validated to 1-64 of A-Z a-z 0-9 . _ : - by the request reader: no
				// escaping
				out.append((byte) '"');
				out.append(citizenRef.getBytes(StandardCharsets.ISO_8859_1));
				out.append((byte) '"');
			}
			else if (piece == DATE_HOLE) {
				out.append(date(date));
			}
			else {
				out.append(piece);
			}
		}
	}

	// the date as Jackson writes it, quotes included
	private byte[] date(LocalDate date) {
		byte[] bytes = this.dates.get(date);
		if (bytes == null) {
			bytes = this.mapper.writeValueAsBytes(date);
			if (this.dates.size() < MAX_DATES) {
				this.dates.putIfAbsent(date, bytes);
			}
		}
		return bytes;
	}

	private byte[] facts(FiredRule fired) {
		FactsKey key = new FactsKey(fired.rule().id(), fired.facts());
		byte[] bytes = this.facts.get(key);
		if (bytes == null) {
			bytes = this.mapper.writeValueAsBytes(fired.facts());
			if (this.facts.size() < MAX_FACTS) {
				this.facts.putIfAbsent(key, bytes);
			}
		}
		return bytes;
	}

	private static Decision withFacts(Decision decision, java.util.function.IntFunction<Map<String, Object>> facts) {
		List<FiredRule> explanation = new ArrayList<>(decision.explanation().size());
		for (int i = 0; i < decision.explanation().size(); i++) {
			explanation.add(new FiredRule(decision.explanation().get(i).rule(), facts.apply(i)));
		}
		return new Decision(decision.status(), decision.tier(), decision.responsibleArea(), decision.flags(),
				explanation, decision.whyNot(), decision.missingFacts(), decision.nextStep(), decision.rulesVersion(),
				decision.rulesChecksum());
	}

	// records where the needle is, if it is there exactly once
	private static boolean find(byte[] haystack, byte[] needle, int kind, List<int[]> holes) {
		int at = indexOf(haystack, needle, 0);
		if (at < 0 || indexOf(haystack, needle, at + 1) >= 0) {
			return false;
		}
		holes.add(new int[] { at, needle.length, kind });
		return true;
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

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** The facts one rule used, as a key: the rule fixes their order. */
	private record FactsKey(String ruleId, Map<String, Object> facts) {

	}

	/**
	 * What decisions that differ only in their facts share: the decision with the facts
	 * left out (for the tallies and the comparison), its template, the outcome label and
	 * the rule ids. One instance per shape, so tallies can count by identity.
	 */
	static final class Shape {

		private final Decision decision;

		private final Template template;

		private final String outcome;

		private final List<String> ruleIds;

		private Shape(Decision decision, Template template) {
			this.decision = decision;
			this.template = template;
			this.outcome = (decision.tier() != null) ? decision.status() + " " + decision.tier()
					: decision.status().toString();
			this.ruleIds = decision.ruleIds();
		}

		/** The decision with its facts left out. */
		Decision decision() {
			return this.decision;
		}

		Template template() {
			return this.template;
		}

		/** Status and tier, as the transition matrix labels them. */
		String outcome() {
			return this.outcome;
		}

		List<String> ruleIds() {
			return this.ruleIds;
		}

	}

	/** A response cut into parts around its holes; {@link #WHOLE}: no holes found. */
	static final class Template {

		static final Template WHOLE = new Template(null, null);

		private final byte[][] parts;

		private final int[] kinds;

		private Template(byte[][] parts, int[] kinds) {
			this.parts = parts;
			this.kinds = kinds;
		}

	}

}
