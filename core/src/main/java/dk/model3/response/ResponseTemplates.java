package dk.model3.response;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import dk.model3.facts.Outcome;
import dk.model3.facts.ProfileKey;
import dk.model3.rules.Decision;
import dk.model3.rules.FiredRule;
import dk.model3.rules.SharedDecision;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises {@link TriageResponse}s from templates cut out of Jackson's own
 * serialisation of them. Most of a response (rule texts in two languages, sources, why
 * not, next step) is the same for every decision of the same shape; only the decision id,
 * the case reference, the date and the facts each rule used differ. A template is the
 * shape's serialised response with holes for those, found by serialising it once with
 * sentinel values; the facts of each rule are serialised by Jackson and kept per rule and
 * value. The bytes are Jackson's bytes by construction ({@code ResponseTemplatesTests}
 * and the service's {@code BatchApiIntegrationTests} hold them to it); a shape whose
 * sentinels cannot be found exactly once is serialised in full every time.
 * <p>
 * The API writes each answer this way, and the batch keeps a decision's parts with its
 * facts in place ({@link #prepare}), so writing a line copies bytes and looks nothing up.
 */
public final class ResponseTemplates {

	private static final String REF = "REFSENTINEL:7e1c.batch";

	private static final String ID = "IDSENTINEL:7e1c.api";

	private static final LocalDate DATE = LocalDate.of(9999, 12, 31);

	private static final String FACTS = "FACTSSENTINEL7e1c";

	private static final int MAX_FACTS = 1 << 16;

	private static final int MAX_DATES = 1 << 12;

	// hole kinds; a kind >= 0 is the facts of that rule of the explanation
	private static final int ID_HOLE = -3;

	private static final int REF_HOLE = -2;

	private static final int DATE_HOLE = -1;

	// where the holes go in a prepared decision's pieces: told apart by identity
	private static final byte[] REF_PIECE = new byte[0];

	private static final byte[] DATE_PIECE = new byte[0];

	private static final byte[] QUOTE = { '"' };

	private final JsonMapper mapper;

	private final Map<Decision, Shape> shapes = new ConcurrentHashMap<>();

	private final Map<LocalDate, byte[]> dates = new ConcurrentHashMap<>();

	private final Map<FactsKey, byte[]> facts = new ConcurrentHashMap<>();

	private final Map<PackedFactsKey, byte[]> packedFacts = new ConcurrentHashMap<>();

	/**
	 * @param mapper the mapper whose bytes the templates copy
	 */
	public ResponseTemplates(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

	private void write(Decision decision, String decisionId, String citizenRef, LocalDate date, Consumer<byte[]> out) {
		Shape shape = shapeOf(decision);
		Template template = shape.template(this, decisionId != null);
		if (template == Template.WHOLE) {
			out.accept(this.mapper.writeValueAsBytes(TriageResponse.of(decisionId, citizenRef, date, decision)));
			return;
		}
		for (int i = 0; i < template.kinds.length; i++) {
			out.accept(template.parts[i]);
			int kind = template.kinds[i];
			if (kind == ID_HOLE) {
				quoted(decisionId, out);
			}
			else if (kind == REF_HOLE) {
				quoted(citizenRef, out);
			}
			else if (kind == DATE_HOLE) {
				out.accept(date(date));
			}
			else {
				FiredRule fired = decision.explanation().get(kind);
				out.accept(facts(fired.rule().id(), fired.facts()));
			}
		}
		out.accept(template.parts[template.kinds.length]);
	}

	/**
	 * The response to one decision as one array, for an answer of known length:
	 * {@code decisionId} null for an evaluation, which decides nothing and has no id.
	 */
	public byte[] bytes(Decision decision, String decisionId, String citizenRef, LocalDate date) {
		Pieces pieces = new Pieces();
		write(decision, decisionId, citizenRef, date, pieces::add);
		return pieces.joined();
	}

	/**
	 * A decision ready to write for any case reference and date, without a decision id:
	 * its shape, and its response as parts with the facts already in place.
	 */
	public Prepared prepare(Decision decision) {
		IntFunction<Map<String, Object>> facts = (rule) -> decision.explanation().get(rule).facts();
		return prepare(shapeOf(decision), facts,
				(rule) -> facts(decision.explanation().get(rule).rule().id(), facts.apply(rule)));
	}

	/**
	 * The same for a decision whose shape the caller found already (the batch, by the
	 * rules' instance for a class of profiles): nothing of the decision is hashed, and
	 * each rule's facts are found by their key, read only when not seen before.
	 */
	public Prepared prepare(Shape shape, SharedDecision decision) {
		return prepare(shape, decision::facts, (rule) -> packedFacts(decision, rule));
	}

	private Prepared prepare(Shape shape, IntFunction<Map<String, Object>> facts, IntFunction<byte[]> factsBytes) {
		Template template = shape.template(this, false);
		if (template == Template.WHOLE) {
			return new Prepared(shape, null, withFacts(shape.decision, facts));
		}
		List<FiredRule> rules = shape.decision.explanation();
		List<byte[]> pieces = new ArrayList<>(2 * template.kinds.length + 1);
		for (int i = 0; i < template.kinds.length; i++) {
			if (template.parts[i].length > 0) {
				pieces.add(template.parts[i]);
			}
			int kind = template.kinds[i];
			pieces.add((kind == REF_HOLE) ? REF_PIECE : (kind == DATE_HOLE) ? DATE_PIECE : factsBytes.apply(kind));
		}
		pieces.add(template.parts[template.kinds.length]);
		return new Prepared(shape, pieces.toArray(new byte[0][]), null);
	}

	/** Writes the response for a citizen with a prepared decision. */
	public void write(Prepared prepared, String citizenRef, LocalDate date, Consumer<byte[]> out) {
		if (prepared.pieces == null) {
			out.accept(this.mapper.writeValueAsBytes(TriageResponse.of(citizenRef, date, prepared.whole)));
			return;
		}
		for (byte[] piece : prepared.pieces) {
			if (piece == REF_PIECE) {
				quoted(citizenRef, out);
			}
			else if (piece == DATE_PIECE) {
				out.accept(date(date));
			}
			else {
				out.accept(piece);
			}
		}
	}

	/** The canonical shape of a decision: the decision with its facts left out. */
	public Shape shapeOf(Decision decision) {
		Decision key = withFacts(decision, (i) -> Map.of());
		Shape shape = this.shapes.get(key);
		if (shape == null) {
			shape = new Shape(key, decision);
			Shape raced = this.shapes.putIfAbsent(key, shape);
			shape = (raced != null) ? raced : shape;
		}
		return shape;
	}

	// the reference is validated to 1-64 of A-Z a-z 0-9 . _ : - by the request reader,
	// the
	// decision id is a UUID: neither needs escaping
	private static void quoted(String text, Consumer<byte[]> out) {
		out.accept(QUOTE);
		out.accept(text.getBytes(StandardCharsets.ISO_8859_1));
		out.accept(QUOTE);
	}

	private Template cut(Decision decision, boolean withId) {
		int rules = decision.explanation().size();
		Decision sentinels = withFacts(decision, (i) -> Map.of(FACTS + i, 0));
		byte[] whole = this.mapper.writeValueAsBytes(TriageResponse.of(withId ? ID : null, REF, DATE, sentinels));
		List<int[]> holes = new ArrayList<>();
		if (!find(whole, ascii("\"" + REF + "\""), REF_HOLE, holes)
				|| !find(whole, ascii("\"" + DATE + "\""), DATE_HOLE, holes)
				|| (withId && !find(whole, ascii("\"" + ID + "\""), ID_HOLE, holes))) {
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

	private byte[] facts(String ruleId, Map<String, Object> facts) {
		FactsKey key = new FactsKey(ruleId, facts);
		byte[] bytes = this.facts.get(key);
		if (bytes == null) {
			bytes = this.mapper.writeValueAsBytes(facts);
			if (this.facts.size() < MAX_FACTS) {
				this.facts.putIfAbsent(key, bytes);
			}
		}
		return bytes;
	}

	// by the packed values of the rule's fields: a long and a short list to hash, where
	// a map of the facts cost the batch a tenth of its time to build, hash and compare
	private byte[] packedFacts(SharedDecision decision, int rule) {
		long values = decision.factsKey(rule);
		if (values == ProfileKey.NONE) {
			return this.mapper.writeValueAsBytes(decision.facts(rule));
		}
		PackedFactsKey key = new PackedFactsKey(decision.fields(rule), values);
		byte[] bytes = this.packedFacts.get(key);
		if (bytes == null) {
			bytes = this.mapper.writeValueAsBytes(decision.facts(rule));
			if (this.packedFacts.size() < MAX_FACTS) {
				this.packedFacts.putIfAbsent(key, bytes);
			}
		}
		return bytes;
	}

	private static Decision withFacts(Decision decision, IntFunction<Map<String, Object>> facts) {
		List<FiredRule> explanation = new ArrayList<>(decision.explanation().size());
		for (int i = 0; i < decision.explanation().size(); i++) {
			explanation.add(new FiredRule(decision.explanation().get(i).rule(), facts.apply(i)));
		}
		return new Decision(decision.status(), decision.tier(), decision.responsibleArea(), decision.flags(),
				explanation, decision.whyNot(), decision.missingFacts(), decision.nextStep(), decision.rulesVersion(),
				decision.rulesChecksum(), null, decision.warnings());
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
	 * The fields a rule's facts are read from, in their order, and their values packed.
	 */
	private record PackedFactsKey(List<String> fields, long values) {

		// the values mixed, as the memo's key is: a record's hash folds a long's high
		// half onto its low one, where most of a profile's packed bits are
		@Override
		public int hashCode() {
			return 31 * this.fields.hashCode() + Long.hashCode(ProfileKey.mixed(this.values));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PackedFactsKey that && that.values == this.values
					&& that.fields.equals(this.fields);
		}

	}

	/**
	 * What decisions that differ only in their facts share: the decision with the facts
	 * left out (for tallies and comparisons), its templates, the outcome label and the
	 * rule ids. One instance per shape, so tallies can count by identity.
	 */
	public static final class Shape {

		private final Decision decision;

		// a decision of this shape with facts, to cut the templates from when first
		// needed
		private final Decision example;

		private final String outcome;

		private final List<String> ruleIds;

		// cut at most a few times under a race, each time to the same bytes
		private volatile Template withoutId;

		private volatile Template withId;

		private Shape(Decision decision, Decision example) {
			this.decision = decision;
			this.example = example;
			this.outcome = Outcome.label(decision.status(), decision.tier());
			this.ruleIds = decision.ruleIds();
		}

		/** The decision with its facts left out. */
		public Decision decision() {
			return this.decision;
		}

		/** Status and tier, as the transition matrix labels them. */
		public String outcome() {
			return this.outcome;
		}

		public List<String> ruleIds() {
			return this.ruleIds;
		}

		private Template template(ResponseTemplates templates, boolean withId) {
			Template template = withId ? this.withId : this.withoutId;
			if (template == null) {
				template = templates.cut(this.example, withId);
				if (withId) {
					this.withId = template;
				}
				else {
					this.withoutId = template;
				}
			}
			return template;
		}

	}

	/**
	 * A decision as a batch keeps it: its shape and its response as parts with the facts
	 * in place, the holes for the case reference and the date left open. Small, so a memo
	 * holds many.
	 */
	public static final class Prepared {

		private final Shape shape;

		private final byte[][] pieces;

		private final Decision whole;

		private Prepared(Shape shape, byte[][] pieces, Decision whole) {
			this.shape = shape;
			this.pieces = pieces;
			this.whole = whole;
		}

		public Shape shape() {
			return this.shape;
		}

	}

	/** Parts collected, then copied once into an array of their joined length. */
	private static final class Pieces {

		private byte[][] parts = new byte[64][];

		private int count;

		private int length;

		void add(byte[] part) {
			if (this.count == this.parts.length) {
				this.parts = Arrays.copyOf(this.parts, 2 * this.count);
			}
			this.parts[this.count++] = part;
			this.length += part.length;
		}

		byte[] joined() {
			byte[] joined = new byte[this.length];
			int at = 0;
			for (int i = 0; i < this.count; i++) {
				System.arraycopy(this.parts[i], 0, joined, at, this.parts[i].length);
				at += this.parts[i].length;
			}
			return joined;
		}

	}

	/** A response cut into parts around its holes; {@link #WHOLE}: no holes found. */
	private static final class Template {

		static final Template WHOLE = new Template(null, null);

		private final byte[][] parts;

		private final int[] kinds;

		private Template(byte[][] parts, int[] kinds) {
			this.parts = parts;
			this.kinds = kinds;
		}

	}

}
