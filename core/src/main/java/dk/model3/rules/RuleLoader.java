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
 * <p>
 * A service can go further and start compiling its packaged versions before anything asks
 * for them ({@link #startEarly}), beside the framework's own start.
 */
public final class RuleLoader {

	private static final ExecutorService AHEAD = Executors
		.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), (task) -> {
			Thread thread = new Thread(task, "rule-versions-ahead");
			thread.setDaemon(true);
			return thread;
		});

	// versions compiled before any loader asked for them, by folder, checksum and
	// sources:
	// a load of the same files takes the result instead of compiling again
	private static final Map<String, CompletableFuture<CompiledRules>> EARLY = new ConcurrentHashMap<>();

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

	/**
	 * Starts compiling and checking every version of these folders in the background, so
	 * that a later {@link #load} of the same files, by any loader, takes the result.
	 */
	public static void startEarly(RuleFolders folders) {
		RuleLoader loader = new RuleLoader(folders);
		for (RuleVersionFiles files : folders.versions()) {
			EARLY.computeIfAbsent(loader.earlyKey(files),
					(key) -> CompletableFuture.supplyAsync(() -> loader.loadNow(files), AHEAD));
		}
	}

	/** Whether a load of these files would take a version started early. */
	boolean startedEarly(RuleVersionFiles files) {
		return EARLY.containsKey(earlyKey(files));
	}

	/** Compiles and verifies one version, or throws {@link RuleVersionRefused}. */
	public CompiledRules load(RuleVersionFiles files) {
		startLoadingAhead(files);
		CompletableFuture<CompiledRules> early = EARLY.remove(earlyKey(files));
		if (early != null) {
			try {
				return early.join();
			}
			catch (CompletionException ex) {
				// only a version that loaded is shared: a refusal, or a folder gone
				// since,
				// is this loader's own to find, below
			}
		}
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

	// what a compiled version depends on: its files and the sources its rules cite
	private String earlyKey(RuleVersionFiles files) {
		return key(files) + "\n" + this.folders.sourcesYaml();
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
			if (!files.folder().equals(first.folder()) && !EARLY.containsKey(earlyKey(files))) {
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
