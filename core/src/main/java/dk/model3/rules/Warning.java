package dk.model3.rules;

import java.util.List;

/**
 * Input the rules find implausible, for the caseworker to check before acting: the
 * request fields it concerns and the plausibility rule's text.
 */
public record Warning(List<String> fields, Text text) {

	public Warning {
		fields = List.copyOf(fields);
	}

}
