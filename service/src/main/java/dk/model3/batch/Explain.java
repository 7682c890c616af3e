package dk.model3.batch;

import java.util.Locale;

/**
 * How much of each answer a batch writes ({@code batch --explain}): the whole response,
 * the outcome with the ids of the rules that decided, or the outcome alone.
 */
enum Explain {

	/** The contract's response, with the explanation, why-not and next step. */
	FULL,

	/** The outcome, warnings, version and checksum, and the deciding rule ids. */
	IDS,

	/** As {@link #IDS} without the rule ids. */
	NONE;

	/**
	 * The mode as the command line names it ({@code full}, {@code ids}, {@code none}).
	 */
	static Explain of(String name) {
		for (Explain explain : values()) {
			if (explain.name().equalsIgnoreCase(name)) {
				return explain;
			}
		}
		throw new IllegalArgumentException("--explain must be full, ids or none, not \"" + name + "\"");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
