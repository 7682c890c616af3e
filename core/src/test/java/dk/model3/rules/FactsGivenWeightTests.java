package dk.model3.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts an explanation says were given weight (forvaltningsloven § 24, stk. 2) are
 * the citizen's own facts with the values they had: each is a field of the request with
 * its value, never a derived fact reported from the pattern that mentions it; and
 * together they are what decided: changing any field no rule reported never changes the
 * outcome. Held over a large seeded population of both shipped versions.
 */
class FactsGivenWeightTests {

	private static final int PROFILES = 4_000;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void everyReportedFactIsTheCitizensOwnWithItsValueAndTheyDecide(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		List<String> wrong = new ArrayList<>();
		for (Profile profile : GoldenAnswers.sample(20260101L, PROFILES)) {
			Decision decision = rules.evaluate(profile);
			Set<String> reported = new HashSet<>();
			for (FiredRule fired : decision.explanation()) {
				fired.facts().forEach((name, value) -> {
					if (!ProfileFields.NAMES.contains(name)) {
						wrong.add(
								fired.rule().id() + " reports " + name + " = " + value + ", not a fact of the request");
					}
					else if (!Objects.equals(value, ProfileFields.value(profile, name))) {
						wrong.add(fired.rule().id() + " reports " + name + " = " + value + " for " + profile);
					}
				});
				reported.addAll(fired.facts().keySet());
			}
			for (Profile changed : changedOutside(profile, reported)) {
				Decision other = rules.evaluateUnshared(changed);
				if (other.status() != decision.status() || other.tier() != decision.tier()
						|| other.responsibleArea() != decision.responsibleArea()) {
					wrong.add(decision.decidingRuleId() + " gave weight to " + reported + " only, but " + changed
							+ " is decided otherwise than " + profile);
				}
			}
		}
		assertThat(wrong).as("facts given weight that are false or leave out what decided").isEmpty();
	}

	/*
	 * Within one constraint, an "||" reports only the sides that held: a field a rule
	 * reports that the rule reads nowhere but in sides of an "||" on the profile (not in
	 * another constraint, not behind a derived fact it matches or excludes) must be read
	 * by a side that held for the citizen. The sides are told here from the rule file's
	 * text, independently of the service's reading.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void aFieldReportedFromAnOrInsideAConstraintIsOnASideThatHeld(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		Map<String, List<OrConstraints.Side>> sidesByRule = new HashMap<>();
		Map<String, Set<String>> readElsewhere = new HashMap<>();
		OrConstraints.of(rules).forEach((ruleId, read) -> {
			sidesByRule.put(ruleId, read.sides());
			readElsewhere.put(ruleId, read.elsewhere());
		});
		assertThat(sidesByRule.values().stream().mapToInt(List::size).sum()).as("sides of an || read in %s", version)
			.isGreaterThan(10);
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Profile profile : GoldenAnswers.sample(20260102L, PROFILES)) {
			for (FiredRule fired : rules.evaluate(profile).explanation()) {
				List<OrConstraints.Side> sides = sidesByRule.getOrDefault(fired.rule().id(), List.of());
				for (String field : fired.facts().keySet()) {
					List<OrConstraints.Side> reading = sides.stream()
						.filter((side) -> side.field().equals(field))
						.toList();
					if (reading.isEmpty() || readElsewhere.get(fired.rule().id()).contains(field)) {
						continue;
					}
					checked++;
					if (reading.stream().noneMatch((side) -> side.holds(profile))) {
						wrong.add(fired.rule().id() + " reports " + field + " = " + fired.facts().get(field)
								+ ", but no side of its || that reads it held: " + reading);
					}
				}
			}
		}
		assertThat(checked).as("reported facts of an || checked").isPositive();
		assertThat(wrong).as("facts reported from a side of an || that did not hold").isEmpty();
	}

	@Test
	void onlyTheSideOfAnOrInsideOneConstraintThatHeldIsReported() {
		Decision decision = RepoRules.compiled("2023.01")
			.evaluate(new Profile(16, Benefit.NONE, EmploymentPotential.UNKNOWN, EnumSet.of(Problem.ANXIETY), false,
					false, false, true, null));

		assertThat(factsOf(decision, "F-06")).containsOnlyKeys("age", "serviceActMeasures")
			.containsEntry("serviceActMeasures", true);
	}

	@Test
	void twoModerateProblemsAreReportedAsTheProblemsNotAsVeryComplex() {
		Decision decision = RepoRules.compiled("2021.03")
			.evaluate(profile(35, Benefit.SICKNESS_BENEFIT, EmploymentPotential.PRESENT,
					EnumSet.of(Problem.ANXIETY, Problem.SUBSTANCE_ABUSE), false, false, false));

		assertThat(factsOf(decision, "D-05"))
			.containsExactly(Map.entry("problems", List.of(Problem.SUBSTANCE_ABUSE, Problem.ANXIETY)));
		assertThat(decision.explanation()).noneMatch((fired) -> fired.rule().id().equals("D-04"));
	}

	@Test
	void aYouthAnchoredThroughMeasuresShowsTheMeasuresAndTheProblemsThatMakeThemComplex() {
		Decision decision = RepoRules.compiled("2021.03")
			.evaluate(profile(16, Benefit.NONE, EmploymentPotential.UNKNOWN,
					EnumSet.of(Problem.SOCIAL_PROBLEMS, Problem.SUBSTANCE_ABUSE), false, false, true));

		assertThat(factsOf(decision, "D-10")).containsKeys("age", "serviceActMeasures", "problems")
			.doesNotContainKey("placedOutOfHome")
			.containsEntry("serviceActMeasures", true);
	}

	@Test
	void noPotentialWithoutASentenceIsNotReportedAsASentence() {
		Decision decision = RepoRules.compiled("2021.03")
			.evaluate(profile(40, Benefit.CASH_BENEFIT, EmploymentPotential.NONE, EnumSet.of(Problem.ANXIETY), false,
					false, false));

		// "benefit == DISABILITY_PENSION || employmentPotential == NONE || …": the side
		// that held
		assertThat(factsOf(decision, "D-06")).containsOnlyKeys("employmentPotential")
			.containsEntry("employmentPotential", EmploymentPotential.NONE);
	}

	private static Map<String, Object> factsOf(Decision decision, String ruleId) {
		return decision.explanation()
			.stream()
			.filter((fired) -> fired.rule().id().equals(ruleId))
			.findFirst()
			.orElseThrow(() -> new AssertionError(ruleId + " is not in the explanation"))
			.facts();
	}

	private static Profile profile(int age, Benefit benefit, EmploymentPotential potential, Set<Problem> problems,
			boolean measuresSentence, boolean placedOutOfHome, boolean serviceActMeasures) {
		return new Profile(age, benefit, potential, problems, false, measuresSentence, placedOutOfHome,
				serviceActMeasures, null);
	}

	// the profile with one field not reported changed, for each such field, to a value
	// on the other side of what the rules test
	private static List<Profile> changedOutside(Profile p, Set<String> reported) {
		List<Profile> changed = new ArrayList<>();
		if (!reported.contains("age")) {
			for (int age : new int[] { 10, 16, 20, 27, 40, 70 }) {
				changed.add(new Profile(age, p.benefit(), p.employmentPotential(), p.problems(),
						p.brainInjuryCoordination(), p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(),
						p.departmentsInvolved()));
			}
		}
		if (!reported.contains("benefit")) {
			for (Benefit benefit : Benefit.values()) {
				changed.add(new Profile(p.age(), benefit, p.employmentPotential(), p.problems(),
						p.brainInjuryCoordination(), p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(),
						p.departmentsInvolved()));
			}
		}
		if (!reported.contains("employmentPotential")) {
			for (EmploymentPotential potential : EmploymentPotential.values()) {
				changed.add(new Profile(p.age(), p.benefit(), potential, p.problems(), p.brainInjuryCoordination(),
						p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(), p.departmentsInvolved()));
			}
		}
		if (!reported.contains("problems")) {
			for (Set<Problem> problems : List.of(Set.<Problem>of(), Set.of(Problem.ANXIETY),
					Set.of(Problem.HOMELESSNESS), Set.of(Problem.ANXIETY, Problem.SOCIAL_PROBLEMS),
					Set.of(Problem.DEVELOPMENTAL_DISABILITY))) {
				changed.add(new Profile(p.age(), p.benefit(), p.employmentPotential(), problems,
						p.brainInjuryCoordination(), p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(),
						p.departmentsInvolved()));
			}
		}
		if (!reported.contains("brainInjuryCoordination")) {
			changed.add(new Profile(p.age(), p.benefit(), p.employmentPotential(), p.problems(),
					!p.brainInjuryCoordination(), p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(),
					p.departmentsInvolved()));
		}
		if (!reported.contains("measuresSentence")) {
			changed.add(new Profile(p.age(), p.benefit(), p.employmentPotential(), p.problems(),
					p.brainInjuryCoordination(), !p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(),
					p.departmentsInvolved()));
		}
		if (!reported.contains("placedOutOfHome")) {
			changed.add(new Profile(p.age(), p.benefit(), p.employmentPotential(), p.problems(),
					p.brainInjuryCoordination(), p.measuresSentence(), !p.placedOutOfHome(), p.serviceActMeasures(),
					p.departmentsInvolved()));
		}
		if (!reported.contains("serviceActMeasures")) {
			changed.add(new Profile(p.age(), p.benefit(), p.employmentPotential(), p.problems(),
					p.brainInjuryCoordination(), p.measuresSentence(), p.placedOutOfHome(), !p.serviceActMeasures(),
					p.departmentsInvolved()));
		}
		if (!reported.contains("departmentsInvolved")) {
			for (Integer departments : new Integer[] { null, 0, 3 }) {
				changed.add(new Profile(p.age(), p.benefit(), p.employmentPotential(), p.problems(),
						p.brainInjuryCoordination(), p.measuresSentence(), p.placedOutOfHome(), p.serviceActMeasures(),
						departments));
			}
		}
		return changed;
	}

}
