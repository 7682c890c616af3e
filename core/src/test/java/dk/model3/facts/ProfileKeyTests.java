package dk.model3.facts;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key: one per profile, or a profile would be given another's decision; one per value
 * of a rule's fields, or a rule would show another profile's facts.
 */
class ProfileKeyTests {

	@Test
	void givesDifferentProfilesDifferentKeys() {
		Random random = new Random(42);
		Map<Long, Profile> seen = new HashMap<>();
		Map<Long, Profile> seenMixed = new HashMap<>();
		for (int i = 0; i < 200_000; i++) {
			Profile profile = random(random);
			long key = ProfileKey.of(profile);
			assertThat(key).isNotEqualTo(ProfileKey.NONE);
			Profile before = seen.putIfAbsent(key, profile);
			if (before != null) {
				assertThat(before).isEqualTo(profile);
			}
			Profile beforeMixed = seenMixed.putIfAbsent(ProfileKey.mixed(key), profile);
			if (beforeMixed != null) {
				assertThat(beforeMixed).isEqualTo(profile);
			}
		}
		assertThat(seen).hasSizeGreaterThan(100_000);
	}

	@Test
	void tellsApartEachFieldAtItsExtremes() {
		Profile base = new Profile(0, null, null, Set.of(), false, false, false, false, null);
		Set<Long> keys = new java.util.HashSet<>();
		keys.add(ProfileKey.of(base));
		keys.add(ProfileKey.of(new Profile(125, null, null, Set.of(), false, false, false, false, null)));
		keys.add(ProfileKey.of(new Profile(0, Benefit.NONE, null, Set.of(), false, false, false, false, null)));
		keys.add(ProfileKey.of(new Profile(0, Benefit.CASH_BENEFIT, null, Set.of(), false, false, false, false, null)));
		keys.add(ProfileKey
			.of(new Profile(0, null, EmploymentPotential.UNKNOWN, Set.of(), false, false, false, false, null)));
		keys.add(ProfileKey
			.of(new Profile(0, null, null, EnumSet.allOf(Problem.class), false, false, false, false, null)));
		keys.add(ProfileKey.of(new Profile(0, null, null, Set.of(), true, false, false, false, null)));
		keys.add(ProfileKey.of(new Profile(0, null, null, Set.of(), false, true, false, false, null)));
		keys.add(ProfileKey.of(new Profile(0, null, null, Set.of(), false, false, true, false, null)));
		keys.add(ProfileKey.of(new Profile(0, null, null, Set.of(), false, false, false, true, null)));
		keys.add(ProfileKey.of(new Profile(0, null, null, Set.of(), false, false, false, false, 0)));
		keys.add(ProfileKey.of(new Profile(0, null, null, Set.of(), false, false, false, false, 20)));
		assertThat(keys).hasSize(12).doesNotContain(ProfileKey.NONE);
		assertThat(ProfileKey.of(new Profile(300, null, null, Set.of(), false, false, false, false, null)))
			.isEqualTo(ProfileKey.NONE);
	}

	@Test
	void givesProfilesTheSameKeyOfSomeFieldsExactlyWhenThoseFieldsAreEqual() {
		Random random = new Random(7);
		List<List<String>> fieldLists = List.of(List.of("age"), List.of("problems", "serviceActMeasures"),
				List.of("benefit", "employmentPotential", "departmentsInvolved"),
				List.of("brainInjuryCoordination", "measuresSentence", "placedOutOfHome"),
				List.copyOf(ProfileFields.NAMES));
		for (int i = 0; i < 50_000; i++) {
			// few values, so that many pairs agree on some fields
			Profile one = random(random, 3);
			Profile other = random(random, 3);
			for (List<String> fields : fieldLists) {
				boolean equal = fields.stream()
					.allMatch((field) -> Objects.equals(ProfileFields.value(one, field),
							ProfileFields.value(other, field)));
				assertThat(ProfileKey.of(one, fields) == ProfileKey.of(other, fields))
					.as("%s of %s and %s", fields, one, other)
					.isEqualTo(equal);
			}
		}
	}

	private static Profile random(Random random, int values) {
		Profile profile = random(random);
		return new Profile(profile.age() % values, profile.benefit(), profile.employmentPotential(),
				EnumSet.of(Problem.values()[random.nextInt(values)]), profile.brainInjuryCoordination(),
				profile.measuresSentence(), profile.placedOutOfHome(), profile.serviceActMeasures(),
				profile.departmentsInvolved());
	}

	private static Profile random(Random random) {
		Set<Problem> problems = EnumSet.noneOf(Problem.class);
		for (Problem problem : Problem.values()) {
			if (random.nextInt(4) == 0) {
				problems.add(problem);
			}
		}
		Benefit[] benefits = Benefit.values();
		EmploymentPotential[] potentials = EmploymentPotential.values();
		return new Profile(random.nextInt(126), benefits[random.nextInt(benefits.length)],
				potentials[random.nextInt(potentials.length)], problems, random.nextBoolean(), random.nextBoolean(),
				random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? random.nextInt(21) : null);
	}

}
