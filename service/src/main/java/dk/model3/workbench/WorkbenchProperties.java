package dk.model3.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dk.model3.rules.check.ProfileSpace;
import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code triage.workbench.*} settings.
 *
 * @param ages the ages of the completeness check's space, e.g. {@code 14-18,25,26}; empty
 * for the full bounded space of the {@code check} command
 * @param benefits the benefits of the space; empty for all
 * @param maxProblems the largest problem set of the space; 3 in the full space
 * @param departments the department counts of the space; empty for 0-3
 * @param population a JSON Lines file of triage requests for the impact preview; empty
 * for the committed 2,500 (fixtures/population-2500.jsonl, packaged in the jar)
 */
@ConfigurationProperties("triage.workbench")
public record WorkbenchProperties(@DefaultValue("") String ages, List<Benefit> benefits,
		@DefaultValue("3") int maxProblems, List<Integer> departments, @DefaultValue("") String population) {

	public WorkbenchProperties {
		benefits = (benefits != null) ? benefits.stream().filter(Objects::nonNull).toList() : List.of();
		departments = (departments != null) ? departments.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/**
	 * Whether the check runs over the full bounded space: only then is a pass recorded.
	 */
	boolean fullSpace() {
		return this.ages.isBlank() && this.benefits.isEmpty() && this.maxProblems == 3 && this.departments.isEmpty();
	}

	ProfileSpace space() {
		ProfileSpace bounded = ProfileSpace.bounded();
		if (fullSpace()) {
			return bounded;
		}
		return new ProfileSpace(this.ages.isBlank() ? bounded.ages() : parseAges(this.ages),
				this.benefits.isEmpty() ? Arrays.asList(Benefit.values()) : this.benefits,
				Arrays.asList(EmploymentPotential.values()), this.maxProblems,
				this.departments.isEmpty() ? bounded.departments() : this.departments);
	}

	static List<Integer> parseAges(String text) {
		List<Integer> ages = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] range = part.strip().split("-");
			int from = Integer.parseInt(range[0].strip());
			int to = (range.length > 1) ? Integer.parseInt(range[1].strip()) : from;
			for (int age = from; age <= to; age++) {
				ages.add(age);
			}
		}
		return ages;
	}

}
