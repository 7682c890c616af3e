package dk.model3.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule version that does not compile or breaks the rule-file conventions; it never goes
 * live.
 */
public class RuleVersionRefused extends RuntimeException {

	private final String version;

	private final List<RuleProblem> problems;

	public RuleVersionRefused(String version, List<RuleProblem> problems) {
		super("rule version " + version + " refused: "
				+ problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
		this.version = version;
		this.problems = List.copyOf(problems);
	}

	public String version() {
		return this.version;
	}

	public List<RuleProblem> problems() {
		return this.problems;
	}

}
