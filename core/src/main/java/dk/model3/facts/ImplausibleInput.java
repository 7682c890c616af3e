package dk.model3.facts;

import java.util.List;

/**
 * The conclusion of a plausibility rule: the request's answers to these fields cannot all
 * be true (a benefit that does not fit the age, a youth field for an adult). Not an
 * outcome: the answer is still given, with the rule's text as a warning the caseworker
 * sees before acting.
 *
 * @param fields the request fields the warning names, as the contract spells them
 */
public record ImplausibleInput(List<String> fields) {

	public ImplausibleInput {
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a warning names at least one field");
		}
		fields = List.copyOf(fields);
	}

	/**
	 * The fields whose answers do not fit together, e.g. {@code of("benefit", "age")}.
	 */
	public static ImplausibleInput of(String... fields) {
		return new ImplausibleInput(List.of(fields));
	}

}
