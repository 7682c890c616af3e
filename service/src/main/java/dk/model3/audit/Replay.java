package dk.model3.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.DecisionChange;
import dk.model3.response.TriageResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-classifies stored decisions under one version (each as its JSON). The stored facts
 * become a request read by the same {@link RequestReader} as the API, so a line is
 * checked like any input. Facts the original rules did not read were not logged and take
 * the contract's defaults; a required one the original decision did not need (the benefit
 * of an under-15, say) makes the line a reject, since inventing it would invent a
 * decision.
 */
final class Replay {

	private final CompiledRules rules;

	private final OutputStream output;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private long read;

	private long replayed;

	private long changed;

	Replay(CompiledRules rules, OutputStream output) {
		this.rules = rules;
		this.output = output;
	}

	void line(String line) throws IOException {
		if (line.isBlank()) {
			return;
		}
		JsonNode logged;
		try {
			logged = this.mapper.readTree(line);
		}
		catch (JacksonException ex) {
			this.read++;
			throw new InvalidRequest(
					List.of(new FieldError("", "is not a decision-log line: " + ex.getOriginalMessage())));
		}
		// a caseworker's review is not a decision to replay
		if (ReviewRecord.KIND.equals(text(logged.path("kind")))) {
			return;
		}
		this.read++;
		TriageRequest request = RequestReader.read(request(logged));
		Decision decision = this.rules.evaluate(request.profile());
		TriageResponse response = TriageResponse.of(request.citizenRef(), request.assessmentDate(), decision);
		this.output.write(this.mapper.writeValueAsBytes(response));
		this.output.write('\n');
		this.replayed++;
		if (changed(logged.path("outcome"), decision)) {
			this.changed++;
		}
	}

	private ObjectNode request(JsonNode logged) {
		ObjectNode request = this.mapper.createObjectNode();
		request.set("citizenRef", logged.get("citizenRefHmac"));
		request.set("assessmentDate", logged.get("assessmentDate"));
		request.put("rulesVersion", this.rules.version());
		JsonNode facts = logged.path("facts");
		for (Map.Entry<String, JsonNode> fact : facts.properties()) {
			request.set(fact.getKey(), fact.getValue());
		}
		return request;
	}

	// the logged outcome against the replayed one, as every comparison of decisions
	// judges
	private static boolean changed(JsonNode outcome, Decision decision) {
		DecisionChange.Result logged;
		try {
			Set<Flag> flags = EnumSet.noneOf(Flag.class);
			outcome.path("flags").valueStream().map(Replay::text).map(Flag::valueOf).forEach(flags::add);
			logged = new DecisionChange.Result(value(Status.class, outcome.path("status")),
					value(Tier.class, outcome.path("tier")), value(Area.class, outcome.path("responsibleArea")), flags);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// a value this service no longer has: the decision cannot be the same
			return true;
		}
		return DecisionChange.between(logged, DecisionChange.Result.of(decision)).any();
	}

	private static <E extends Enum<E>> E value(Class<E> type, JsonNode node) {
		String text = text(node);
		return (text != null) ? Enum.valueOf(type, text) : null;
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

	long read() {
		return this.read;
	}

	long replayed() {
		return this.replayed;
	}

	long changed() {
		return this.changed;
	}

}
