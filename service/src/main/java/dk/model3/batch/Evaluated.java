package dk.model3.batch;

import java.util.List;

import dk.model3.response.ResponseTemplates;
import dk.model3.rules.Decision;

/**
 * A decision as the batch keeps it: prepared to write (its shape, shared with every
 * decision that differs only in facts, and its response as parts with the facts in
 * place). Small, so the memo holds many.
 */
final class Evaluated {

	private final ResponseTemplates.Prepared prepared;

	Evaluated(ResponseTemplates.Prepared prepared) {
		this.prepared = prepared;
	}

	ResponseTemplates.Shape shape() {
		return this.prepared.shape();
	}

	/** The decision with its facts left out: status, tier, area, flags, rules. */
	Decision decision() {
		return shape().decision();
	}

	/** Status and tier, as the transition matrix labels them. */
	String outcome() {
		return shape().outcome();
	}

	List<String> ruleIds() {
		return shape().ruleIds();
	}

	ResponseTemplates.Prepared prepared() {
		return this.prepared;
	}

}
