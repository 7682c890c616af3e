package dk.model3.batch;

import java.util.List;

import dk.model3.response.ResponseTemplates;
import dk.model3.rules.Decision;

/**
 * A decision as the batch keeps it: its shape, shared with every decision that differs
 * only in facts, and, when the batch writes whole responses, its response prepared as
 * parts with the facts in place (null for {@code --explain ids} and {@code none}, which
 * write from the shape alone). Small, so the memo holds many.
 */
final class Evaluated {

	private final ResponseTemplates.Shape shape;

	private final ResponseTemplates.Prepared prepared;

	Evaluated(ResponseTemplates.Prepared prepared) {
		this.shape = prepared.shape();
		this.prepared = prepared;
	}

	Evaluated(ResponseTemplates.Shape shape) {
		this.shape = shape;
		this.prepared = null;
	}

	ResponseTemplates.Shape shape() {
		return this.shape;
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

	/** The whole response prepared to write; null when the batch writes short lines. */
	ResponseTemplates.Prepared prepared() {
		return this.prepared;
	}

}
