package dk.model3.batch;

import java.io.PrintStream;
import java.nio.file.Path;

import dk.model3.rules.RuleFolders;
import dk.model3.rules.RuleLoader;
import dk.model3.rules.RuleVersions;

/** Loads the rule versions for a command: a directory, or those packaged in the jar. */
final class Rules {

	private Rules() {
	}

	static RuleVersions load(Path directory, PrintStream messages) {
		RuleVersions versions = new RuleVersions();
		new RuleLoader((directory != null) ? RuleFolders.inDirectory(directory) : RuleFolders.packaged())
			.loadAll(versions);
		for (RuleVersions.Entry entry : versions.entries()) {
			if (entry.state() == RuleVersions.State.REFUSED) {
				messages.println("rule version " + entry.version() + " refused: " + entry.problems());
			}
		}
		return versions;
	}

}
