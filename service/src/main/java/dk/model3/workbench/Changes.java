package dk.model3.workbench;

import java.util.List;

/**
 * A draft against the version it was made from, as a second pair of eyes reads it: rule
 * by rule (each condition and text that changed, in Danish with the rule file's text
 * before and after), the scenarios added, removed and changed, and every file that
 * changed. {@code checksum} names this diff: the page's approval sends it, so an approval
 * shows its approver had the diff in front of them.
 *
 * @param from the version the draft was made from
 * @param draft the draft's id
 * @param checksum {@code sha256:…} of the two versions' checksums: the same files, the
 * same diff
 */
record Changes(String from, String draft, String checksum, List<RuleChange> rules, ScenarioChanges scenarios,
		List<FileChange> files) {

	/** Nothing changed at all. */
	public boolean none() {
		return this.rules.isEmpty() && this.files.isEmpty();
	}

	/**
	 * One rule added, removed or changed.
	 *
	 * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
	 * @param text the rule's Danish text ({@code @da})
	 * @param da the whole change as one Danish sentence, e.g. "F-05: alder under 25 →
	 * under 30"
	 */
	record RuleChange(String ruleId, String change, String file, String text, String da, List<Line> conditions,
			List<Line> texts) {
	}

	/**
	 * One change in Danish, with the rule file's (or scenario file's) text before and
	 * after: {@code before} null for something added, {@code after} null for something
	 * removed.
	 */
	record Line(String da, String before, String after) {
	}

	/** The scenarios added, removed and changed, each by its name. */
	record ScenarioChanges(List<Line> added, List<Line> removed, List<Line> changed) {

		public boolean none() {
			return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
		}

	}

	/** A file of the version folder added, removed or changed. */
	record FileChange(String file, String change, String da) {
	}

}
