package dk.model3.rules;

import java.util.Map;

/** Where a rule stands in its version's files, found by its name, for problem reports. */
record RuleLocation(String file, int line) {

	static RuleLocation find(RuleVersionFiles files, String ruleName) {
		String declaration = "rule \"" + ruleName + "\"";
		for (Map.Entry<String, String> entry : files.drlFiles().entrySet()) {
			int index = entry.getValue().indexOf(declaration);
			if (index >= 0) {
				int line = (int) entry.getValue().substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
				return new RuleLocation(entry.getKey(), line);
			}
		}
		return new RuleLocation("?", 0);
	}

	RuleProblem problem(String message) {
		return new RuleProblem(this.file, this.line, 0, message);
	}

}
