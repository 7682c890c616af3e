package dk.model3.rules;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.model3.facts.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of a version's input space account for every profile of it exactly once,
 * and any profile meets the conditions of one of them.
 */
class ProfileClassesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void coverTheWholeInputSpace(String version) {
		ProfileClasses classes = ProfileClasses.of(RepoRules.compiled(version)).orElseThrow();
		assertThat(ProfileClasses.spaceSize()).isEqualTo(126L * 11 * 4 * 16_384 * 16 * 22);
		assertThat(classes.profiles()).isEqualTo(ProfileClasses.spaceSize());
		assertThat(classes.classes()).hasSizeGreaterThan(1).hasSizeLessThan(1_000_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void holdEveryProfileOfASample(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		ProfileConditions conditions = rules.conditions();
		Set<List<Long>> keys = new HashSet<>();
		for (ProfileClasses.ProfileClass profileClass : ProfileClasses.of(rules).orElseThrow().classes()) {
			assertThat(keys.add(key(conditions, profileClass.representative()))).isTrue();
		}
		for (Profile profile : GoldenAnswers.sample(99, 5_000)) {
			assertThat(keys).as("%s", profile).contains(key(conditions, profile));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void standForTheirProfilesInTheRules(String version) {
		CompiledRules rules = RepoRules.compiled(version);
		ProfileConditions conditions = rules.conditions();
		java.util.Map<List<Long>, Profile> representatives = new java.util.HashMap<>();
		for (ProfileClasses.ProfileClass profileClass : ProfileClasses.of(rules).orElseThrow().classes()) {
			representatives.put(key(conditions, profileClass.representative()), profileClass.representative());
		}
		for (Profile profile : GoldenAnswers.sample(4242, 5_000)) {
			assertThat(rules.trace(profile)).as("%s", profile)
				.isEqualTo(rules.trace(representatives.get(key(conditions, profile))));
		}
	}

	private static List<Long> key(ProfileConditions conditions, Profile profile) {
		return Arrays.stream(conditions.memoriesOf(profile)).boxed().toList();
	}

}
