package dk.model3.batch;

import java.util.List;
import java.util.regex.Pattern;

import dk.model3.request.FieldError;

/**
 * A rejected line: its number, the kind of fault and the reason. Never the line's
 * content, which may hold what the service must not store; any CPR-shaped number in a
 * parser's message is masked too.
 */
record Reject(long line, String kind, String reason, List<FieldError> errors) {

	private static final Pattern CPR = Pattern.compile("(?<!\\d)\\d{6}-?\\d{4}(?!\\d)");

	Reject {
		reason = mask(reason);
		errors = errors.stream().map((error) -> new FieldError(error.field(), mask(error.message()))).toList();
	}

	private static String mask(String text) {
		return (text != null) ? CPR.matcher(text).replaceAll("[masked]") : null;
	}

}
