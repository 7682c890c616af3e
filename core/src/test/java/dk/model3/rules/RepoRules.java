package dk.model3.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;

/**
 * The rule versions in the repository's {@code rules/} folder, compiled once per test
 * run.
 */
public final class RepoRules {

	/** Tests run in {@code service/}; the rules policy staff edit are one level up. */
	public static final Path DIRECTORY = Path.of("..", "rules");

	private static final Map<String, CompiledRules> COMPILED = new ConcurrentHashMap<>();

	private RepoRules() {
	}

	public static RuleLoader loader() {
		return new RuleLoader(RuleFolders.inDirectory(DIRECTORY));
	}

	public static List<RuleVersionFiles> versions() {
		return RuleFolders.inDirectory(DIRECTORY).versions();
	}

	/** The files of one shipped version. */
	public static RuleVersionFiles version(String id) {
		return versions().stream().filter((files) -> files.folder().equals(id)).findFirst().orElseThrow();
	}

	/** The files of one version folder among those a loader reads. */
	public static RuleVersionFiles files(RuleLoader loader, String version) {
		return loader.folders()
			.versions()
			.stream()
			.filter((files) -> files.folder().equals(version))
			.findFirst()
			.orElseThrow();
	}

	public static CompiledRules compiled(String version) {
		return COMPILED.computeIfAbsent(version, (id) -> loader().compiler().compile(version(id)));
	}

}
