package dk.model3.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.request.RequestReader;
import dk.model3.response.ResponseJson;
import dk.model3.response.TriageResponse;
import dk.model3.rules.scenarios.Scenario;
import dk.model3.rules.scenarios.ScenarioRunner;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers of a compiled version as text, one JSON line per profile: the contract
 * response (what the API and the batch write, without a decision id) and the trace (every
 * rule that fired, in order). {@link GoldenAnswersTests} holds them to committed copies.
 */
public final class GoldenAnswers {

	static final LocalDate DATE = LocalDate.parse("2024-03-01");

	/** The README's table of one request per kind of outcome. */
	static final List<String> README_REQUESTS = List.of(
			"{\"citizenRef\":\"a1\",\"age\":35,\"benefit\":\"SICKNESS_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"ANXIETY\",\"SUBSTANCE_ABUSE\"]}",
			"{\"citizenRef\":\"a2\",\"age\":22,\"benefit\":\"EDUCATION_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"SEVERE_MENTAL_ILLNESS\"]}",
			"{\"citizenRef\":\"a3\",\"age\":50,\"benefit\":\"DISABILITY_PENSION\"}",
			"{\"citizenRef\":\"a4\",\"age\":33,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"DEVELOPMENTAL_DISABILITY\"],\"measuresSentence\":true}",
			"{\"citizenRef\":\"a5\",\"age\":16,\"benefit\":\"NONE\",\"problems\":[\"ADHD\"]}",
			"{\"citizenRef\":\"a6\",\"age\":17,\"benefit\":\"NONE\",\"problems\":[\"SOCIAL_PROBLEMS\"],\"placedOutOfHome\":true}",
			"{\"citizenRef\":\"a7\",\"age\":45,\"benefit\":\"SICKNESS_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"MENTAL_HEALTH_PROBLEMS\",\"SUBSTANCE_ABUSE\"],\"brainInjuryCoordination\":true}",
			"{\"citizenRef\":\"a8\",\"age\":45,\"benefit\":\"SICKNESS_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"brainInjuryCoordination\":true}",
			"{\"citizenRef\":\"a9\",\"age\":41,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"SEVERE_MENTAL_ILLNESS\"],\"brainInjuryCoordination\":true}",
			"{\"citizenRef\":\"a10\",\"age\":22,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"VERY_LIMITED\",\"problems\":[\"HOMELESSNESS\"]}",
			"{\"citizenRef\":\"a11\",\"age\":45,\"benefit\":\"SICKNESS_BENEFIT\",\"employmentPotential\":\"VERY_LIMITED\",\"problems\":[\"MENTAL_HEALTH_PROBLEMS\"]}",
			"{\"citizenRef\":\"c1\",\"age\":14,\"benefit\":\"NONE\",\"problems\":[\"HOMELESSNESS\"]}",
			"{\"citizenRef\":\"c2\",\"age\":70,\"benefit\":\"OLD_AGE_PENSION\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"HOMELESSNESS\"]}",
			"{\"citizenRef\":\"b1\",\"age\":30,\"benefit\":\"CASH_BENEFIT\",\"problems\":[\"ANXIETY\"]}",
			"{\"citizenRef\":\"b2\",\"age\":30,\"benefit\":\"CASH_BENEFIT\",\"problems\":[\"SEVERE_SUBSTANCE_ABUSE\"]}",
			"{\"citizenRef\":\"b3\",\"age\":16,\"benefit\":\"NONE\",\"problems\":[\"ANXIETY\",\"SUBSTANCE_ABUSE\"]}",
			"{\"citizenRef\":\"b4\",\"age\":40,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"HOMELESSNESS\"]}",
			"{\"citizenRef\":\"b6\",\"age\":40,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"MENTAL_HEALTH_PROBLEMS\",\"SOCIAL_PROBLEMS\"],\"departmentsInvolved\":3}",
			"{\"citizenRef\":\"b5\",\"age\":19,\"benefit\":\"EDUCATION_BENEFIT\",\"employmentPotential\":\"PRESENT\",\"problems\":[\"ANXIETY\",\"ADHD\"],\"departmentsInvolved\":2}");

	private static final JsonMapper JSON = ResponseJson.mapper();

	private GoldenAnswers() {
	}

	/** Every scenario of the version, by name. */
	static List<String> scenarios(CompiledRules rules) {
		List<String> lines = new ArrayList<>();
		for (Scenario scenario : ScenarioRunner.scenariosOf(rules)) {
			lines.add(line(rules, scenario.name(), ScenarioRunner.request(scenario).profile()));
		}
		return lines;
	}

	static List<String> readme(CompiledRules rules) {
		List<String> lines = new ArrayList<>();
		for (String request : README_REQUESTS) {
			var read = RequestReader.read((ObjectNode) JSON.readTree(request));
			lines.add(line(rules, read.citizenRef(), read.profile()));
		}
		return lines;
	}

	/** Profiles drawn from the whole input space with a fixed seed. */
	public static List<Profile> sample(long seed, int count) {
		Random random = new Random(seed);
		List<Profile> profiles = new ArrayList<>(count);
		Benefit[] benefits = Benefit.values();
		EmploymentPotential[] potentials = EmploymentPotential.values();
		for (int i = 0; i < count; i++) {
			Set<Problem> problems = EnumSet.noneOf(Problem.class);
			// mostly few problems, as people have, sometimes many
			double chance = random.nextBoolean() ? 0.08 : 0.3;
			for (Problem problem : Problem.values()) {
				if (random.nextDouble() < chance) {
					problems.add(problem);
				}
			}
			int age = random.nextBoolean() ? random.nextInt(126) : 12 + random.nextInt(20);
			profiles.add(new Profile(age, benefits[random.nextInt(benefits.length)],
					potentials[random.nextInt(potentials.length)], problems, random.nextInt(4) == 0,
					random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextInt(4) == 0,
					random.nextInt(5) == 0 ? null : random.nextInt(21)));
		}
		return profiles;
	}

	static List<String> sampled(CompiledRules rules, List<Profile> profiles) {
		List<String> lines = new ArrayList<>(profiles.size());
		for (int i = 0; i < profiles.size(); i++) {
			lines.add(line(rules, "s" + i, profiles.get(i)));
		}
		return lines;
	}

	static String line(CompiledRules rules, String name, Profile profile) {
		ObjectNode line = JSON.createObjectNode();
		line.put("name", name);
		line.set("profile", JSON.valueToTree(profile));
		line.set("response", JSON.valueToTree(TriageResponse.of(name, DATE, rules.evaluate(profile))));
		line.set("fired", JSON.valueToTree(rules.firedRules(profile).stream().map(RuleMetadata::id).toList()));
		Trace trace = rules.trace(profile);
		ObjectNode traced = line.putObject("trace");
		traced.set("fired", JSON.valueToTree(trace.fired()));
		traced.set("outcomeRules", JSON.valueToTree(trace.outcomeRules()));
		traced.set("outcomes", JSON.valueToTree(trace.outcomes()));
		// sets of enums, in a fixed order (an immutable set's order changes from run to
		// run)
		traced.set("ruledOut", JSON.valueToTree(trace.ruledOut().stream().sorted().toList()));
		traced.set("flags", JSON.valueToTree(trace.flags().stream().sorted().toList()));
		traced.set("flagRules", JSON.valueToTree(trace.flagRules()));
		return JSON.writeValueAsString(line);
	}

}
