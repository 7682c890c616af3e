package dk.model3.authoring;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import picocli.CommandLine.Option;

/**
 * Where the commands read rules from: {@code --rules-dir}, else as every command of the
 * jar does ({@link RuleFolders#forCommand}).
 */
final class RulesDirOption {

	@Option(names = "--rules-dir", paramLabel = "DIR",
			description = "The rules folder (default: ./rules when it exists, else the rules packaged in the jar).")
	Path directory;

	RuleFolders folders() {
		try {
			return RuleFolders.forCommand(this.directory);
		}
		catch (UncheckedIOException ex) {
			throw new CannotRun("The rules folder " + this.directory + " does not exist.");
		}
	}

	RuleLoader loader() {
		return new RuleLoader(folders());
	}

	/** The files of one version folder, or a {@link CannotRun} listing the folders. */
	RuleVersionFiles version(RuleLoader loader, String version) {
		return loader.folders()
			.versions()
			.stream()
			.filter((files) -> files.folder().equals(version))
			.findFirst()
			.orElseThrow(() -> new CannotRun(
					"There is no version folder \"" + version + "\" in " + loader.folders().describe() + ". Versions: "
							+ String.join(", ",
									loader.folders().versions().stream().map(RuleVersionFiles::folder).toList())
							+ "."));
	}

	/**
	 * Compiles a version (without running its scenarios); a refused version is printed as
	 * a {@link CannotRun} with every problem.
	 */
	CompiledRules compile(RuleLoader loader, String version, ProblemPrinter printer) {
		RuleVersionFiles files = version(loader, version);
		try {
			return loader.compiler().compile(files);
		}
		catch (RuleVersionRefused ex) {
			throw new CannotRun(printer.refusal(ex), 1);
		}
	}

}
