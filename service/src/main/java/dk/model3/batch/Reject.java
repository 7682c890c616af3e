package dk.model3.batch;

import java.util.List;

import dk.model3.request.FieldError;
import dk.model3.request.CprNumbers;

/**
 * A rejected line: its number, the kind of fault and the reason. Never the line's
 * content, which may hold what the service must not store; any CPR-shaped number in a
 * parser's message is masked too.
 */
record Reject(long line, String kind, String reason, List<FieldError> errors) {

	Reject {
		reason = CprNumbers.mask(reason);
		errors = errors.stream()
			.map((error) -> new FieldError(CprNumbers.mask(error.field()), CprNumbers.mask(error.message())))
			.toList();
	}

}
