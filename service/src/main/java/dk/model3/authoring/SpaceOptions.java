package dk.model3.authoring;

import java.util.ArrayList;
import java.util.List;

import dk.model3.rules.check.ProfileSpace;
import picocli.CommandLine.Option;

/**
 * Narrows the bounded space for a quick run; the proof is the run without these options.
 */
final class SpaceOptions {

	@Option(names = "--ages", paramLabel = "AGES",
			description = "Only these ages, e.g. 15-19,40 (default: 0-30,31,40,50,66,67,80,125).")
	String ages;

	@Option(names = "--max-problems", paramLabel = "N",
			description = "Only problem sets of up to N problems (default: 3).")
	Integer maxProblems;

	ProfileSpace space() {
		ProfileSpace space = ProfileSpace.bounded();
		if (this.ages != null) {
			space = space.withAges(parseAges(this.ages));
		}
		if (this.maxProblems != null) {
			if (this.maxProblems < 0 || this.maxProblems > 3) {
				throw new CannotRun("--max-problems must be between 0 and 3.");
			}
			space = space.withMaxProblems(this.maxProblems);
		}
		return space;
	}

	boolean narrowed() {
		return this.ages != null || this.maxProblems != null;
	}

	static List<Integer> parseAges(String text) {
		List<Integer> ages = new ArrayList<>();
		try {
			for (String part : text.split(",")) {
				String[] range = part.strip().split("-");
				int from = Integer.parseInt(range[0].strip());
				int to = (range.length > 1) ? Integer.parseInt(range[1].strip()) : from;
				for (int age = from; age <= to; age++) {
					if (age < 0 || age > 125) {
						throw new CannotRun("Ages go from 0 to 125; got " + age + ".");
					}
					ages.add(age);
				}
			}
		}
		catch (NumberFormatException ex) {
			throw new CannotRun("--ages takes ages and ranges like 15-19,40; got \"" + text + "\".");
		}
		return ages;
	}

}
