package dk.model3.audit;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Writes a {@link DecisionRecord} as its log line with Jackson's streaming generator: the
 * same bytes as the mapper's own serialisation of the record ({@code DecisionLineTests}
 * holds them to it for every kind of decision), at a fraction of the cost, since a line
 * is written before every answer the API gives. Reading a line stays with the mapper.
 */
final class DecisionLine {

	// request threads are platform threads: a buffer per thread instead of
	// Jackson's shared pool, whose queue cost a few per cent of a triage's CPU
	// under load
	private static final JsonFactory JSON = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	private DecisionLine() {
	}

	/** The record as JSON, followed by a newline. */
	static byte[] of(DecisionRecord record) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("kind", record.kind());
			json.writeStringProperty("decisionId", record.decisionId());
			json.writeName("time");
			json.writeString(record.time().toString());
			json.writeStringProperty("citizenRefHmac", record.citizenRefHmac());
			json.writeName("assessmentDate");
			json.writeString(record.assessmentDate().toString());
			json.writeStringProperty("rulesVersion", record.rulesVersion());
			json.writeBooleanProperty("versionPinned", record.versionPinned());
			json.writeStringProperty("rulesChecksum", record.rulesChecksum());
			json.writeName("facts");
			json.writeStartObject();
			for (Map.Entry<String, Object> fact : record.facts().entrySet()) {
				json.writeName(fact.getKey());
				fact(json, fact.getValue());
			}
			json.writeEndObject();
			DecisionRecord.Result outcome = record.outcome();
			json.writeName("outcome");
			json.writeStartObject();
			json.writeStringProperty("status", name(outcome.status()));
			json.writeStringProperty("tier", name(outcome.tier()));
			json.writeStringProperty("responsibleArea", name(outcome.responsibleArea()));
			strings(json, "flags", outcome.flags());
			strings(json, "missingFacts", outcome.missingFacts());
			json.writeEndObject();
			strings(json, "ruleIds", record.ruleIds());
			json.writeStringProperty("decidingRuleId", record.decidingRuleId());
			json.writeName("whyNot");
			json.writeStartArray();
			for (DecisionRecord.RuledOut ruledOut : record.whyNot()) {
				json.writeStartObject();
				json.writeStringProperty("tier", name(ruledOut.tier()));
				json.writeStringProperty("ruleId", ruledOut.ruleId());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeStringProperty("instance", record.instance());
			json.writeEndObject();
		}
		out.write('\n');
		return out.toByteArray();
	}

	// a fact is a profile field's value: a number, a yes or no, a category or a
	// list of them
	private static void fact(JsonGenerator json, Object value) {
		if (value == null) {
			json.writeNull();
		}
		else if (value instanceof Integer number) {
			json.writeNumber(number);
		}
		else if (value instanceof Boolean yes) {
			json.writeBoolean(yes);
		}
		else if (value instanceof Enum<?> category) {
			json.writeString(category.name());
		}
		else if (value instanceof Collection<?> values) {
			json.writeStartArray();
			for (Object each : values) {
				fact(json, each);
			}
			json.writeEndArray();
		}
		else {
			throw new IllegalArgumentException("a fact of type " + value.getClass().getName() + " has no log form");
		}
	}

	private static void strings(JsonGenerator json, String name, List<?> values) {
		json.writeName(name);
		json.writeStartArray();
		for (Object value : values) {
			json.writeString((value instanceof Enum<?> constant) ? constant.name() : value.toString());
		}
		json.writeEndArray();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
