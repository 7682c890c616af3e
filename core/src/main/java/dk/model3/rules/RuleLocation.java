package dk.model3.rules;

import java.util.Map;

/**
 * Where a rule stands in its version's files, found by its name, for problem reports: the
 * file name within the folder, the line and column of its declaration.
 */
public record RuleLocation(String folder, String file, int line, int column) {

	public static RuleLocation find(RuleVersionFiles files, String ruleName) {
		String declaration = "rule \"" + ruleName + "\"";
		// a name with a quote in it stands escaped in the file
		String escaped = "rule \"" + ruleName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		for (Map.Entry<String, String> entry : files.drlFiles().entrySet()) {
			String content = entry.getValue();
			int index = content.indexOf(declaration);
			if (index < 0) {
				index = content.indexOf(escaped);
			}
			if (index >= 0) {
				int line = (int) content.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
				int column = index - content.lastIndexOf('\n', index - 1);
				return new RuleLocation(files.folder(), entry.getKey(), line, column);
			}
		}
		return new RuleLocation(files.folder(), "?", 0, 0);
	}

	/** The file with its version folder, as problem reports name it. */
	String path() {
		return this.folder + "/" + this.file;
	}

	String where() {
		return path() + ":" + this.line + ":" + this.column;
	}

	public RuleProblem problem(String message) {
		return new RuleProblem(path(), this.line, this.column, message);
	}

}
