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
 * values; the facts of each rule are serialised by Jackson and kept per rule and value.
 * The bytes are Jackson's bytes by construction ({@code BatchTests} holds them to the
 * service's output line for line); a shape whose sentinels cannot be found exactly once
 * is serialised in full every time.
 */
final class ResponseTemplates {

	private static final String REF = "REFSENTINEL:7e1c.batch";

	private static final LocalDate DATE = LocalDate.of(9999, 12, 31);

	private static final String FACTS = "FACTSSENTINEL7e1c";

	private static final int MAX_FACTS = 1 << 16;

	private final JsonMapper mapper;

	private final Map<Decision, Template> templates = new ConcurrentHashMap<>();

	private final Map<FactsKey, byte[]> facts = new ConcurrentHashMap<>();

	ResponseTemplates(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	/** The template for a decision's shape: the decision with its facts left out. */
	Template templateOf(Decision decision) {
		Decision shape = withFacts(decision, (i) -> Map.of());
		Template template = this.templates.get(shape);
		if (template == null) {
			template = cut(decision);
			this.templates.putIfAbsent(shape, template);
		}
		return template;
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

	/** Appends the response for a citizen with a decision of this template's shape. */
	void write(Template template, Bytes out, String citizenRef, LocalDate date, Decision decision) {
		int year = date.getYear();
		if (template.parts == null || year < 0 || year > 9999) {
			out.append(this.mapper.writeValueAsBytes(TriageResponse.of(citizenRef, date, decision)));
			return;
		}
		for (int i = 0; i < template.kinds.length; i++) {
			out.append(template.parts[i]);
			int kind = template.kinds[i];
			if (kind == -2) {
				// validated to 1-64 of A-Z a-z 0-9 . _ : - by the request reader: no
				// escaping
				out.append((byte) '"');
				out.appendAscii(citizenRef);
				out.append((byte) '"');
			}
			else if (kind == -1) {
				out.append((byte) '"');
				out.appendAscii(date.toString());
				out.append((byte) '"');
			}
			else {
				out.append(facts(decision.explanation().get(kind)));
			}
		}
		out.append(template.parts[template.kinds.length]);
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
