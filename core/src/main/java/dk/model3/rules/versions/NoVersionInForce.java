package dk.model3.rules.versions;

import java.time.LocalDate;

/** No rule version was in force on the assessment date. */
public class NoVersionInForce extends RuntimeException {

	public NoVersionInForce(LocalDate date, LocalDate earliest) {
		super("no rule version is in force on " + date
				+ ((earliest != null) ? "; the earliest version applies from " + earliest : "; no version is loaded"));
	}

}
