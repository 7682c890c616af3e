package dk.model3.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each age limit of the policy lives once: where a derived fact holds an age limit (a
 * child is under 15, a youth 15-17, an adult from 18, the youth effort 18-29, the joint
 * plan from 25), the tier, flag and why-not rules match that fact and never compare the
 * age with the same limit again, so a policy editor who moves the limit changes one rule
 * and every rule that shares it follows. (The plausibility rules keep their own ages:
 * each is its own reading of a benefit rule, not a limit of the model.)
 */
class AgeThresholdsTests {

	private static final Pattern RULE = Pattern.compile("(?s)rule \"([^\"]+)\".*?\\nwhen\\n(.*?)\\nthen\\n");

	private static final Pattern AGE = Pattern.compile("\\bage\\s*(<=|>=|<|>|==)\\s*(\\d+)");

	private static final Set<String> DECIDING_FILES = Set.of("tiers.drl", "flags.drl", "whynot.drl");

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void noDecidingRuleComparesTheAgeWithALimitADerivedFactHolds(String version) {
		RuleVersionFiles files = RepoRules.version(version);
		Map<Integer, List<String>> derived = limits(files.drlFiles().get("derived.drl"));
		assertThat(derived).as("the age limits derived facts hold in %s", version).containsKeys(15, 18);

		List<String> repeated = new ArrayList<>();
		for (String file : new TreeSet<>(files.drlFiles().keySet())) {
			if (!DECIDING_FILES.contains(file)) {
				continue;
			}
			limits(files.drlFiles().get(file)).forEach((limit, rules) -> {
				if (derived.containsKey(limit)) {
					repeated.add(file + ": " + rules + " compare the age at " + limit + ", which " + derived.get(limit)
							+ " already hold");
				}
			});
		}
		assertThat(repeated).as("age limits written twice in %s", version).isEmpty();
	}

	// each age limit the conditions compare with, as the first age on its upper side, and
	// the rules that do
	private static Map<Integer, List<String>> limits(String drl) {
		Map<Integer, List<String>> limits = new TreeMap<>();
		Matcher rule = RULE.matcher(drl);
		while (rule.find()) {
			String id = rule.group(1).substring(0, rule.group(1).indexOf(' '));
			Matcher age = AGE.matcher(rule.group(2));
			while (age.find()) {
				int value = Integer.parseInt(age.group(2));
				int limit = switch (age.group(1)) {
					case "<", ">=" -> value;
					case "<=", ">" -> value + 1;
					default -> value;
				};
				limits.computeIfAbsent(limit, (key) -> new ArrayList<>()).add(id);
			}
		}
		return limits;
	}

}
