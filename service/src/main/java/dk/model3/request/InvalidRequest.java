package dk.model3.request;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that breaks the contract; lists every offending field, not just the first.
 */
public class InvalidRequest extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidRequest(List<FieldError> errors) {
		super(errors.stream().map((error) -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
