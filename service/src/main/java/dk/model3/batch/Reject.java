package dk.model3.batch;

import java.util.List;

import dk.model3.request.FieldError;
import dk.model3.request.RequestReader;

/**
 * A rejected line: its number, the kind of fault and the reason. Never the line's
 * content, which may hold what the service must not store; any CPR-shaped number in a
 * parser's message is masked too.
 */
record Reject(long line, String kind, String reason, List<FieldError> errors) {

	Reject {
		reason = RequestReader.maskCpr(reason);
		errors = errors.stream()
			.map((error) -> new FieldError(RequestReader.maskCpr(error.field()),
					RequestReader.maskCpr(error.message())))
			.toList();
	}

}
