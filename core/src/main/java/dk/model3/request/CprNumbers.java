package dk.model3.request;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers that could be CPR numbers, the one test for refusing them and for masking
 * them wherever input is repeated back. A CPR number is a date of birth (DDMMYY) and four
 * digits; people write it with any separator, so separators between digits are ignored:
 * {@code 010190-1234}, {@code 010190.1234}, {@code 01-01-90-1234} are all the same
 * number.
 */
public final class CprNumbers {

	/** The text put in place of a CPR-shaped number. */
	public static final String MASK = "[masked]";

	// a run of digits, separators allowed between them (each step consumes a digit, so
	// matching stays linear)
	private static final Pattern DIGIT_RUN = Pattern.compile("[0-9](?:[-._:/\\s]*[0-9])*");

	private static final Pattern SEPARATORS = Pattern.compile("[-._:/\\s]+");

	private static final int[] DAYS_IN_MONTH = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	private CprNumbers() {
	}

	/** True when ten digits of the text, separators aside, could be a CPR number. */
	public static boolean contains(String text) {
		if (text == null || digits(text) < 10) {
			return false;
		}
		Matcher run = DIGIT_RUN.matcher(text);
		while (run.find()) {
			if (holdsCpr(run.group())) {
				return true;
			}
		}
		return false;
	}

	// every request's reference is checked: most hold too few digits to be looked at
	// closer
	private static int digits(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
		}
		return digits;
	}

	/**
	 * The text with every run of digits that could hold a CPR number replaced by
	 * {@link #MASK}, separators included.
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		return DIGIT_RUN.matcher(text)
			.replaceAll((run) -> holdsCpr(run.group()) ? Matcher.quoteReplacement(MASK)
					: Matcher.quoteReplacement(run.group()));
	}

	// true when consecutive groups of digits, separators dropped, make exactly ten digits
	// that start with a birth date
	private static boolean holdsCpr(String run) {
		String[] groups = SEPARATORS.split(run);
		for (int first = 0; first < groups.length; first++) {
			StringBuilder digits = new StringBuilder();
			for (int last = first; last < groups.length && digits.length() < 10; last++) {
				digits.append(groups[last]);
			}
			if (digits.length() == 10 && isBirthDate(digits.toString())) {
				return true;
			}
		}
		return false;
	}

	// DDMMYY with a day that month can have (29 February in any year: the century is
	// unknown)
	private static boolean isBirthDate(String digits) {
		int day = Integer.parseInt(digits, 0, 2, 10);
		int month = Integer.parseInt(digits, 2, 4, 10);
		return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
	}

}
