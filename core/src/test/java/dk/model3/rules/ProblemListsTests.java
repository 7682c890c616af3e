package dk.model3.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each list of problems lives once: where several rules rest on the same list (the ten
 * problems beyond the four that limited support for 15-17 year olds covers), one rule
 * derives a fact from it and the others match that fact, so a policy editor who adds a
 * problem to the list changes one rule.
 */
class ProblemListsTests {

	private static final Pattern RULE = Pattern.compile("(?s)rule \"([^\"]+)\".*?\\nwhen\\n(.*?)\\nthen\\n");

	private static final Pattern PROBLEM = Pattern.compile("\\bProblem\\.([A-Z_]+)");

	// two or three problems together are a reading of their own (a marker, a pair);
	// a list is longer
	private static final int LIST = 4;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void noTwoRulesNameTheSameListOfProblems(String version) {
		RuleVersionFiles files = RepoRules.version(version);
		Map<Set<String>, List<String>> rulesByList = new HashMap<>();
		files.drlFiles().values().forEach((drl) -> {
			Matcher rule = RULE.matcher(drl);
			while (rule.find()) {
				Set<String> problems = new TreeSet<>();
				Matcher problem = PROBLEM.matcher(rule.group(2));
				while (problem.find()) {
					problems.add(problem.group(1));
				}
				if (problems.size() >= LIST) {
					rulesByList.computeIfAbsent(problems, (key) -> new ArrayList<>())
						.add(rule.group(1).substring(0, rule.group(1).indexOf(' ')));
				}
			}
		});
		assertThat(rulesByList).as("the lists of problems in %s", version).isNotEmpty();
		assertThat(rulesByList.values().stream().filter((rules) -> rules.size() > 1).toList())
			.as("rules that write the same list of problems in %s", version)
			.isEmpty();
	}

}
