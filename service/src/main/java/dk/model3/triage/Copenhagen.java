package dk.model3.triage;

import java.time.Clock;
import java.time.ZoneId;

/**
 * "Today" is today in Copenhagen, wherever the server runs: the service's one statement
 * of its time zone. Spring code takes the {@link Clock} bean built from it (so tests can
 * fix the date); the command line asks here.
 */
public final class Copenhagen {

	public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

	private Copenhagen() {
	}

	public static Clock clock() {
		return Clock.system(ZONE);
	}

}
