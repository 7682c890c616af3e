package dk.model3.response;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of an answer a caller asks for: the batch's {@code --explain} and the API's
 * {@code ?explain=}. The whole response, or the {@link OutcomeView} with or without the
 * ids of the rules that decided.
 */
public enum Explain {

	/** The contract's response, with the explanation, why-not and next step. */
	FULL,

	/** The outcome, warnings, version and checksum, and the deciding rule ids. */
	IDS,

	/** As {@link #IDS} without the rule ids. */
	NONE;

	/**
	 * The mode as callers name it ({@code full}, {@code ids}, {@code none}), if it is
	 * one.
	 */
	public static Optional<Explain> named(String name) {
		for (Explain explain : values()) {
			if (explain.toString().equals(name)) {
				return Optional.of(explain);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
