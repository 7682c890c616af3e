package dk.model3.request;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that breaks the contract; lists every offending field, not just the first, up
 * to {@link #MAX_ERRORS}: the rest are counted in {@link #omitted()}, so that a request
 * with thousands of bad items gets an answer of a few hundred bytes.
 */
public class InvalidRequest extends RuntimeException {

	/** The most errors a refusal lists. */
	public static final int MAX_ERRORS = 20;

	private final List<FieldError> errors;

	private final int omitted;

	public InvalidRequest(List<FieldError> errors) {
		this(errors, 0);
	}

	InvalidRequest(List<FieldError> errors, int omitted) {
		super(message(errors, omitted));
		this.errors = List.copyOf(errors);
		this.omitted = omitted;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** Errors found beyond those listed. */
	public int omitted() {
		return this.omitted;
	}

	private static String message(List<FieldError> errors, int omitted) {
		String listed = errors.stream()
			.map((error) -> error.field() + ": " + error.message())
			.collect(Collectors.joining("; "));
		return (omitted > 0) ? listed + "; and " + omitted + " more" : listed;
	}

}
