package dk.model3.response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.Decision;

/**
 * The outcome of a decision without its explanation: what a caller counting tiers and
 * flags needs, a few hundred bytes against the full response's several thousand. The
 * batch's {@code --explain ids|none} lines and the API's {@code ?explain=ids|none}
 * answers are this view, so both say the same in the same order.
 */
public final class OutcomeView {

	private OutcomeView() {
	}

	/**
	 * {@code status}, {@code tier}, {@code responsibleArea}, {@code flags},
	 * {@code warnings}, {@code rulesVersion}, {@code rulesChecksum} and, with
	 * {@code ruleIds}, the ids of the rules that decided; in that order.
	 */
	public static Map<String, Object> of(Decision decision, boolean ruleIds) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("status", decision.status());
		fields.put("tier", decision.tier());
		fields.put("responsibleArea", decision.responsibleArea());
		fields.put("flags", List.copyOf(decision.flags()));
		fields.put("warnings", decision.warnings());
		fields.put("rulesVersion", decision.rulesVersion());
		fields.put("rulesChecksum", decision.rulesChecksum());
		if (ruleIds) {
			fields.put("ruleIds", decision.ruleIds());
		}
		return fields;
	}

}
