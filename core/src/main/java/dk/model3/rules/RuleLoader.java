package dk.model3.rules;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Compiles a version folder and runs its scenarios: a version is accepted only when both
 * pass.
 *
 * <p>
 * Compiling a version takes seconds, most of it on one core. So the first time a version
 * is loaded, the loader starts loading every other version of its folders in the
 * background, and a later {@link #load} of one of them (same folder, same checksum) takes
 * that result: a service starting with two versions waits for the slower one, not for
 * both in turn.
 */
public final class RuleLoader {

	private static final ExecutorService AHEAD = Executors
		.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), (task) -> {
			Thread thread = new Thread(task, "rule-versions-ahead");
			thread.setDaemon(true);
			return thread;
		});

	private final RuleFolders folders;

	private final Map<String, CompletableFuture<CompiledRules>> ahead = new ConcurrentHashMap<>();

	private boolean aheadStarted;

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
		startLoadingAhead(files);
		CompletableFuture<CompiledRules> loaded = this.ahead.remove(key(files));
		if (loaded != null) {
			try {
				return loaded.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}
		return loadNow(files);
	}

	private static String key(RuleVersionFiles files) {
		return files.folder() + " " + files.checksum();
	}

	private synchronized void startLoadingAhead(RuleVersionFiles first) {
		if (this.aheadStarted) {
			return;
		}
		this.aheadStarted = true;
		List<RuleVersionFiles> versions;
		try {
			versions = this.folders.versions();
		}
		catch (RuntimeException ex) {
			// the caller's own load says what is wrong with the folders
			return;
		}
		for (RuleVersionFiles files : versions) {
			if (!files.folder().equals(first.folder())) {
				this.ahead.put(key(files), CompletableFuture.supplyAsync(() -> loadNow(files), AHEAD));
			}
		}
	}

	private CompiledRules loadNow(RuleVersionFiles files) {
		CompiledRules rules = compiler().compile(files);
		ScenarioRunner.refuseOnFailure(rules, files);
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
