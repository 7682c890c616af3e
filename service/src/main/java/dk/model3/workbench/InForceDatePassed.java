package dk.model3.workbench;

import java.time.LocalDate;

/**
 * A version never applies backwards: its in-force date lies before the day it would be
 * published (in Copenhagen). Refused at the publication request and at the approval: 409,
 * naming {@code inForceFrom}.
 */
class InForceDatePassed extends RuntimeException {

	private final LocalDate inForceFrom;

	private final LocalDate today;

	InForceDatePassed(String id, LocalDate inForceFrom, LocalDate today) {
		super("The version " + id + " would come into force on " + inForceFrom + ", before today (" + today
				+ "): a version never applies backwards. Set inForceFrom in version.yaml to today or later, run the"
				+ " checks and request publication again.");
		this.inForceFrom = inForceFrom;
		this.today = today;
	}

	LocalDate inForceFrom() {
		return this.inForceFrom;
	}

	LocalDate today() {
		return this.today;
	}

}
