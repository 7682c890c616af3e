package dk.model3.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.scenarios.ScenarioRunner;

/**
 * One rule version as shipped with the job: the text of its files and of
 * {@code sources.yaml}, read once on the driver and checked against the checksum the
 * evaluator says it must have. Executors compile from exactly these bytes, so every
 * executor runs the version whose checksum was checked.
 */
record ShippedVersion(String version, String folder, Map<String, String> files, String sourcesYaml,
		String checksum) implements Serializable {

	ShippedVersion {
		files = new TreeMap<>(files);
	}

	/**
	 * Reads the version folder from the rules root and refuses it unless its checksum is
	 * the expected one. Compiling it and running its scenarios ({@link #check}) is the
	 * slow part, which the job does while Spark reads the input.
	 */
	static ShippedVersion read(Path rulesRoot, String version, String expectedChecksum) {
		try {
			Path folder = rulesRoot.resolve(version);
			RuleVersionFiles files = RuleFolders.readFolder(folder);
			if (files == null) {
				throw new ChecksumMismatch("rule version " + version + ": " + folder + " has no "
						+ RuleVersionFiles.DESCRIPTOR + "; the rules root must hold one folder per version");
			}
			if (!files.problems().isEmpty()) {
				throw new ChecksumMismatch("rule version " + version + " cannot be read: " + files.problems());
			}
			String actual = files.checksum();
			if (!actual.equals(expectedChecksum)) {
				throw new ChecksumMismatch("rule version " + version + " in " + folder + " has checksum " + actual
						+ ", not the " + expectedChecksum + " the job was given; refusing to start");
			}
			RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(rulesRoot));
			return new ShippedVersion(version, files.folder(), files.files(), loader.folders().sourcesYaml(), actual);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compiles the version and runs its scenarios once here, so that a broken version
	 * stops the job before any output is written.
	 */
	void check() {
		CompiledRules rules = compile();
		ScenarioRunner.refuseOnFailure(rules, new RuleVersionFiles(this.folder, this.files, List.of()));
		if (!rules.version().equals(this.version)) {
			throw new ChecksumMismatch("folder " + this.version + " declares version " + rules.version());
		}
		// with a local master the driver is the executor: its tasks use this compiled
		// version instead of compiling the same text a second time
		ExecutorRules.remember(this.checksum, rules);
	}

	/**
	 * Compiles the shipped text. The compiler reads {@code sources.yaml} through a rules
	 * root, so the executor gives it a private temporary one holding just that file.
	 */
	CompiledRules compile() {
		try {
			Path root = Files.createTempDirectory("triage-rules-");
			try {
				Files.writeString(root.resolve(RuleFolders.SOURCES), this.sourcesYaml);
				RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(root));
				return loader.compiler().compile(new RuleVersionFiles(this.folder, this.files, List.of()));
			}
			finally {
				Files.deleteIfExists(root.resolve(RuleFolders.SOURCES));
				Files.deleteIfExists(root);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
