package dk.model3.batch;

import java.util.List;

import dk.model3.rules.Decision;

/**
 * A decision as the batch keeps it: its shape (shared with every decision that differs
 * only in facts) and its response as parts with the facts in place, the holes for the
 * case reference and the date left open. Small, so the memo holds many.
 */
final class Evaluated {

	private final ResponseTemplates.Shape shape;

	private final byte[][] pieces;

	private final Decision whole;

	/**
	 * @param pieces the response's parts, or null when the shape has no template
	 * @param whole the decision with its facts, kept only when there are no parts
	 */
	Evaluated(ResponseTemplates.Shape shape, byte[][] pieces, Decision whole) {
		this.shape = shape;
		this.pieces = pieces;
		this.whole = whole;
	}

	ResponseTemplates.Shape shape() {
		return this.shape;
	}

	/** The decision with its facts left out: status, tier, area, flags, rules. */
	Decision decision() {
		return this.shape.decision();
	}

	/** Status and tier, as the transition matrix labels them. */
	String outcome() {
		return this.shape.outcome();
	}

	List<String> ruleIds() {
		return this.shape.ruleIds();
	}

	byte[][] pieces() {
		return this.pieces;
	}

	Decision whole() {
		return this.whole;
	}

}
