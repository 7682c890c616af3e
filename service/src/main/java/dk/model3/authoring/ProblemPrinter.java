package dk.model3.authoring;

import java.util.stream.Collectors;

import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionRefused;

/**
 * Prints problems as {@code file:line:column: message}, the form editors and CI logs turn
 * into links. Paths are given from the rules folder the command read, so the editor can
 * open them as printed.
 */
final class ProblemPrinter {

	private final RuleFolders folders;

	ProblemPrinter(RuleFolders folders) {
		this.folders = folders;
	}

	String path(String file) {
		if (this.folders.isDirectory()) {
			return this.folders.directory().resolve(file).toString();
		}
		return "rules/" + file;
	}

	/** A location from the rules ({@code folder/file:line:column}) as a path to open. */
	String location(String where) {
		if (where == null) {
			return "?";
		}
		return this.folders.isDirectory() ? this.folders.directory().resolve(where).toString() : "rules/" + where;
	}

	String problem(RuleProblem problem) {
		// a problem without a known position (a missing file, say) points at its first
		// line
		int line = Math.max(problem.line(), 1);
		int column = Math.max(problem.column(), 1);
		return path(problem.file()) + ":" + line + ":" + column + ": " + problem.message();
	}

	String refusal(RuleVersionRefused refused) {
		int count = refused.problems().size();
		return refused.problems().stream().map(this::problem).collect(Collectors.joining(System.lineSeparator()))
				+ System.lineSeparator() + "Version " + refused.version() + " has " + count + " problem"
				+ ((count == 1) ? "" : "s") + " and cannot be published.";
	}

}
