package dk.model3.rules.check;

import java.util.stream.Stream;

import dk.model3.facts.Profile;
import dk.model3.rules.CompiledRules;

/**
 * Compares two rule versions over a stream of profiles (the bounded space, or a
 * population). No command-line code here: batch evaluation uses it as well. A parallel
 * stream is compared in parallel; the examples are the first ones in stream order either
 * way.
 */
public final class VersionDiff {

	private VersionDiff() {
	}

	public static DiffReport compare(CompiledRules older, CompiledRules newer, Stream<Profile> profiles) {
		return profiles.collect(DiffReport::new,
				(report, profile) -> report.add(profile, older.trace(profile), newer.trace(profile)),
				DiffReport::merge);
	}

}
