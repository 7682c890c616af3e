package dk.model3.publishing;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.versions.RuleVersions;

/**
 * A rule's name as a Danish page shows it beside its id: the first sentence of its Danish
 * text ({@code @da}), from the version that has it; the id alone when no active version
 * has the rule (a version retired since).
 */
public final class RuleNames {

	private final RuleVersions versions;

	public RuleNames(RuleVersions versions) {
		this.versions = versions;
	}

	/**
	 * The rule's Danish name in this version, or "" when the version or rule is unknown.
	 */
	public String of(String version, String ruleId) {
		CompiledRules rules;
		try {
			rules = (version != null) ? this.versions.byId(version) : null;
		}
		catch (RuntimeException ex) {
			rules = null;
		}
		if (rules == null) {
			return "";
		}
		for (RuleMetadata rule : rules.rules()) {
			if (rule.id().equals(ruleId)) {
				return firstSentence(rule.text().da());
			}
		}
		return "";
	}

	static String firstSentence(String text) {
		int end = text.indexOf(". ");
		return (end > 0) ? text.substring(0, end + 1) : text;
	}

}
