package dk.model3.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.authoring.RuleCopies;
import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule text must be true for every citizen its rule fires for: a why-not that says
 * "neither placed nor complex" must never fire for a complex youth. The texts are read
 * for what they deny about the citizen ({@link DanishDenials}); each denial is held
 * against the facts the rules themselves derived for the profile (derived.drl's facts,
 * read off the rules that fired) and the profile's own fields, over seeded random
 * profiles around every threshold the rules use.
 */
class WhyNotTruthTests {

	private static final long SEED = 20210318L;

	private static final int PROFILES = 30_000;

	// both sides of every age threshold the rules use (15, 16, 18, 25/26, 29/30), and
	// old-age pension ages
	private static final List<Integer> AGES = List.of(14, 15, 16, 17, 18, 19, 24, 25, 26, 29, 30, 45, 67, 80);

	private static final Pattern DERIVATION = Pattern
		.compile("rule \"([A-Z][A-Z0-9]*-\\d{2})[^\"]*\".*?insertLogical\\(new (\\w+)\\(\\)\\)", Pattern.DOTALL);

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void everyTextIsTrueForEveryProfileItsRuleFiresFor(String version) {
		Report report = check(RepoRules.compiled(version));

		assertThat(report.contradictions()).isEmpty();
		assertThat(report.unexercised()).as("rules with a denial that no sampled profile made fire").isEmpty();
	}

	@Test
	void catchesTheWhyNotThatCalledAComplexYouthNotComplex() {
		Path rules = RuleCopies.copy(this.temp);
		Path whyNot = rules.resolve("2021.03/whynot.drl");
		// W3-02 fires for every youth; in words that deny complex problems it would tell
		// a complex youth that the problems are not complex
		RuleCopies.edit(whyNot, "Den unge er 15-17 år. Modellens sociale lag gælder voksne fra 18 år;",
				"Den unge har ikke komplekse problemer. Modellens sociale lag gælder voksne fra 18 år;");

		Report report = check(RuleCopies.compile(rules, "2021.03"));

		assertThat(report.contradictions()).anySatisfy(
				(contradiction) -> assertThat(contradiction).startsWith("W3-02 denies Complex").contains("\"age\":1"));
	}

	@Test
	void readsDenialsInsideNeitherNorAndAfterNoButNotPlacesOutOfHome() {
		assertThat(names(DanishDenials.in("Den unge er hverken anbragt eller har komplekse problemer.")))
			.containsExactly("Complex", "placedOutOfHome");
		assertThat(names(DanishDenials.in("Borgeren har ingen af kendetegnene på meget komplekse problemer.")))
			.containsExactly("VeryComplex");
		assertThat(names(DanishDenials.in("Den unge er anbragt uden for hjemmet, eller har komplekse problemer.")))
			.isEmpty();
		assertThat(names(DanishDenials.in("Borgerens beskæftigelsespotentiale er ikke vurderet.")))
			.containsExactly("assessed potential");
		assertThat(names(DanishDenials.in("Potentialet er ikke vurderet som intet eller meget begrænset.")))
			.containsExactly("NONE or VERY_LIMITED potential");
	}

	private static List<String> names(List<DanishDenials.Term> terms) {
		return terms.stream().map(DanishDenials.Term::name).toList();
	}

	record Report(List<String> contradictions, Set<String> unexercised) {
	}

	private static Report check(CompiledRules rules) {
		Map<String, String> derivedFactOf = derivedFacts(rules);
		Map<String, List<DanishDenials.Term>> denials = new HashMap<>();
		for (RuleMetadata rule : rules.rules()) {
			List<DanishDenials.Term> terms = new ArrayList<>(DanishDenials.in(rule.text().da()));
			if (rule.nextStep() != null) {
				terms.addAll(DanishDenials.in(rule.nextStep().da()));
			}
			if (!terms.isEmpty()) {
				denials.put(rule.id(), terms);
			}
		}
		Map<String, String> contradictions = new LinkedHashMap<>();
		Set<String> exercised = new HashSet<>();
		Random random = new Random(SEED);
		for (int i = 0; i < PROFILES; i++) {
			Profile profile = randomProfile(random);
			Trace trace = rules.trace(profile);
			Set<String> derived = new HashSet<>();
			for (String id : trace.fired()) {
				if (derivedFactOf.containsKey(id)) {
					derived.add(derivedFactOf.get(id));
				}
			}
			DanishDenials.Citizen citizen = new DanishDenials.Citizen(profile, derived);
			for (String id : trace.fired()) {
				for (DanishDenials.Term term : denials.getOrDefault(id, List.of())) {
					exercised.add(id);
					if (term.holds().test(citizen)) {
						contradictions.putIfAbsent(id + " " + term.name(), id + " denies " + term.name()
								+ " but fired for " + json(profile) + " (derived: " + derived + ")");
					}
				}
			}
		}
		Set<String> unexercised = new HashSet<>(denials.keySet());
		unexercised.removeAll(exercised);
		return new Report(List.copyOf(contradictions.values()), unexercised);
	}

	// which fact each rule of derived.drl derives, read off the rule itself
	private static Map<String, String> derivedFacts(CompiledRules rules) {
		Map<String, String> facts = new HashMap<>();
		Matcher matcher = DERIVATION.matcher(rules.files().files().get("derived.drl"));
		while (matcher.find()) {
			facts.put(matcher.group(1), matcher.group(2));
		}
		assertThat(facts).as("derived facts read from derived.drl").isNotEmpty();
		return facts;
	}

	private static Profile randomProfile(Random random) {
		Set<Problem> problems = EnumSet.noneOf(Problem.class);
		int count = random.nextInt(4);
		Problem[] all = Problem.values();
		while (problems.size() < count) {
			problems.add(all[random.nextInt(all.length)]);
		}
		Integer[] departments = { null, 0, 1, 2, 3 };
		return new Profile(AGES.get(random.nextInt(AGES.size())), pick(random, Benefit.values()),
				pick(random, EmploymentPotential.values()), problems, random.nextBoolean(), random.nextBoolean(),
				random.nextBoolean(), random.nextBoolean(), departments[random.nextInt(departments.length)]);
	}

	private static <T> T pick(Random random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String json(Profile profile) {
		return "{\"age\":" + profile.age() + ",\"benefit\":\"" + profile.benefit() + "\",\"employmentPotential\":\""
				+ profile.employmentPotential() + "\",\"problems\":" + profile.problems()
				+ ",\"brainInjuryCoordination\":" + profile.brainInjuryCoordination() + ",\"measuresSentence\":"
				+ profile.measuresSentence() + ",\"placedOutOfHome\":" + profile.placedOutOfHome()
				+ ",\"serviceActMeasures\":" + profile.serviceActMeasures() + ",\"departmentsInvolved\":"
				+ profile.departmentsInvolved() + "}";
	}

}
