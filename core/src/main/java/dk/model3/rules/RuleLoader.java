package dk.model3.rules;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiles a version folder and runs its scenarios: a version is accepted only when both
 * pass.
 */
public final class RuleLoader {

	private final RuleFolders folders;

	public RuleLoader(RuleFolders folders) {
		this.folders = folders;
	}

	public RuleFolders folders() {
		return this.folders;
	}

	public List<SourceDocument> sources() {
		return SourceDocument.parse(this.folders.sourcesYaml());
	}

	public RuleCompiler compiler() {
		return new RuleCompiler(sources());
	}

	/** Compiles and verifies one version, or throws {@link RuleVersionRefused}. */
	public CompiledRules load(RuleVersionFiles files) {
		CompiledRules rules = compiler().compile(files);
		List<ScenarioResult> failed = ScenarioRunner.run(rules, ScenarioRunner.scenariosOf(rules))
			.stream()
			.filter((result) -> !result.passed())
			.toList();
		if (!failed.isEmpty()) {
			String file = files.folder() + "/" + RuleVersionFiles.SCENARIOS;
			throw new RuleVersionRefused(rules.version(),
					failed.stream()
						.map((result) -> new RuleProblem(file, result.scenario().line(), 0,
								"scenario \"" + result.scenario().name() + "\" fails: "
										+ String.join("; ", result.differences())))
						.toList());
		}
		return rules;
	}

	/**
	 * Every version of the rules a command reads ({@link RuleFolders#forCommand}), with
	 * where they came from and each refused version told on messages.
	 */
	public static RuleVersions forCommand(Path rulesDir, PrintStream messages) {
		RuleLoader loader = new RuleLoader(RuleFolders.forCommand(rulesDir));
		RuleVersions versions = new RuleVersions();
		loader.loadAll(versions);
		messages.println("rules from " + loader.folders().describe());
		for (RuleVersions.Entry entry : versions.entries()) {
			if (entry.state() == RuleVersions.State.REFUSED) {
				messages.println("rule version " + entry.version() + " refused: " + entry.problems());
			}
		}
		return versions;
	}

	/**
	 * Loads every version folder into the registry: accepted ones active, the others
	 * refused.
	 */
	public void loadAll(RuleVersions versions) {
		for (RuleVersionFiles files : this.folders.versions()) {
			try {
				versions.activate(load(files));
			}
			catch (RuleVersionRefused ex) {
				versions.refuse(ex.version(), files.checksum(), ex.problems());
			}
		}
	}

}
