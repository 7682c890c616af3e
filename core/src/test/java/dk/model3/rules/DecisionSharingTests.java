package dk.model3.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.authoring.RuleCopies;
import dk.model3.facts.Profile;
import dk.model3.response.ResponseJson;
import dk.model3.response.TriageResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profiles that meet the same conditions share a decision only where the compiled rules
 * prove it safe: then every answer is the one the rules give when run for that profile
 * alone, and otherwise sharing is off and says why.
 */
class DecisionSharingTests {

	private static final JsonMapper JSON = ResponseJson.mapper();

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void sharesDecisionsInTheShippedVersions(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		assertThat(rules.conditions()).isNotNull();
		assertThat(rules.sharing()).startsWith("profiles that meet the same");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void givesRandomProfilesTheAnswersTheRulesGiveEachAlone(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		// a seed of its own: other profiles than the golden copies'
		List<Profile> profiles = GoldenAnswers.sample(7_000_001L, 20_000);
		for (Profile profile : profiles) {
			Decision alone = rules.evaluateUnshared(profile);
			Decision shared = rules.evaluate(profile);
			assertThat(shared).as("%s", profile).isEqualTo(alone);
			assertThat(json(shared)).as("%s", profile).isEqualTo(json(alone));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void givesAnOutcomeViewTheRulesAnswerWithoutFactsOneInstancePerClass(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		List<Profile> profiles = GoldenAnswers.sample(7_000_002L, 10_000);
		Map<ProfileConditions.Bits, Decision> byClass = new HashMap<>();
		for (Profile profile : profiles) {
			Decision alone = rules.evaluateUnshared(profile);
			Decision withoutFacts = rules.evaluateWithoutFacts(profile);
			assertThat(withoutFacts).as("%s", profile).isEqualTo(factsLeftOut(alone));
			Decision first = byClass.computeIfAbsent(new ProfileConditions.Bits(rules.conditions().memoriesOf(profile)),
					(key) -> withoutFacts);
			assertThat(withoutFacts).as("one instance for the profiles of a class").isSameAs(first);
		}
		assertThat(byClass).as("classes among the profiles").hasSizeLessThan(profiles.size() / 2);
	}

	// every evaluation looks its class up in a concurrent map: a bucket of 8 or more
	// turns into a tree, searched on every lookup
	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void spreadsTheClassesOfAPopulationOverTheBucketsOfAHashTable(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		Set<ProfileConditions.Bits> classes = new HashSet<>();
		for (Profile profile : GoldenAnswers.sample(7_000_003L, 20_000)) {
			classes.add(new ProfileConditions.Bits(rules.conditions().memoriesOf(profile)));
		}
		int buckets = Integer.highestOneBit(classes.size() * 4 / 3) * 2;
		Map<Integer, Integer> perBucket = new HashMap<>();
		for (ProfileConditions.Bits key : classes) {
			int hash = key.hashCode();
			perBucket.merge((hash ^ (hash >>> 16)) & (buckets - 1), 1, Integer::sum);
		}
		assertThat(classes).as("classes among the profiles").hasSizeGreaterThan(300);
		assertThat(Collections.max(perBucket.values())).as("most classes in one of %d buckets", buckets).isLessThan(8);
	}

	@Test
	void turnsSharingOffWhenARuleBindsAVariable() {
		Path rules = RuleCopies.copy(this.dir);
		RuleCopies.edit(rules.resolve("2023.01/derived.drl"), "Profile( age < 15 )", "Profile( $age : age, age < 15 )");
		CompiledRules compiled = RuleCopies.compile(rules, "2023.01");
		assertThat(compiled.conditions()).isNull();
		assertThat(compiled.sharing()).contains("D-01").contains("binds $age");
		// and the answers stay the rules' own
		Profile child = GoldenAnswers.sample(1, 1).get(0);
		assertThat(compiled.evaluate(child)).isEqualTo(compiled.evaluateUnshared(child));
	}

	@Test
	void turnsSharingOffWhenAConditionComparesTwoFields() {
		Path rules = RuleCopies.copy(this.dir);
		RuleCopies.edit(rules.resolve("2023.01/derived.drl"), "Profile( brainInjuryCoordination )",
				"Profile( brainInjuryCoordination || measuresSentence == placedOutOfHome )");
		CompiledRules compiled = RuleCopies.compile(rules, "2023.01");
		assertThat(compiled.conditions()).isNull();
		assertThat(compiled.sharing()).contains("D-07").contains("compares measuresSentence with placedOutOfHome");
	}

	@Test
	void readsComparisonsOfOneFieldWithConstants() {
		assertThat(ProfileConditions.refusal("age >= 15")).isNull();
		assertThat(ProfileConditions.refusal("problems.size() >= 2")).isNull();
		assertThat(ProfileConditions.refusal("problems not contains Problem.HOMELESSNESS")).isNull();
		assertThat(ProfileConditions
			.refusal("benefit == Benefit.DISABILITY_PENSION || employmentPotential == " + "EmploymentPotential.NONE"))
			.isNull();
		assertThat(ProfileConditions.refusal("departmentsInvolved != null && departmentsInvolved >= 2")).isNull();
		assertThat(ProfileConditions.refusal("!serviceActMeasures")).isNull();
	}

	@Test
	void refusesFunctionCallsAndForeignNames() {
		assertThat(ProfileConditions.refusal("isOld(age)")).contains("calls the function isOld");
		assertThat(ProfileConditions.refusal("problems.stream() != null")).contains("calls stream");
		assertThat(ProfileConditions.refusal("age > limit")).contains("reads limit");
		assertThat(ProfileConditions.refusal("age > departmentsInvolved"))
			.contains("compares age with departmentsInvolved");
	}

	private static Decision factsLeftOut(Decision decision) {
		return new Decision(decision.status(), decision.tier(), decision.responsibleArea(), decision.flags(),
				decision.explanation().stream().map((fired) -> new FiredRule(fired.rule(), Map.of())).toList(),
				decision.whyNot(), decision.missingFacts(), decision.nextStep(), decision.rulesVersion(),
				decision.rulesChecksum(), decision.decidingRuleId(), decision.warnings());
	}

	private static String json(Decision decision) {
		return JSON.writeValueAsString(TriageResponse.of("x", LocalDate.parse("2024-03-01"), decision));
	}

}
