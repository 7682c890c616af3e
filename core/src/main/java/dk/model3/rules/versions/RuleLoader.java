package dk.model3.rules.versions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.SourceDocument;
import dk.model3.rules.compile.RuleCompiler;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.scenarios.ScenarioRunner;

/**
 * Compiles a version folder and runs its scenarios: a version is accepted only when both
 * pass. {@link #load} does exactly that for one version and nothing else;
 * {@link #loadAll} loads every version of the folders, each on its own core, so a service
 * starting with two versions waits for the slower one, not for both in turn.
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
	 * Loads every version folder into the registry, in parallel: accepted ones active,
	 * the others refused, in the folders' order.
	 */
	public void loadAll(RuleVersions versions) {
		List<RuleVersionFiles> all = this.folders.versions();
		ExecutorService cores = Executors.newFixedThreadPool(
				Math.max(1, Math.min(all.size(), Runtime.getRuntime().availableProcessors())), (task) -> {
					Thread thread = new Thread(task, "rule-versions-load");
					thread.setDaemon(true);
					return thread;
				});
		try {
			List<Future<CompiledRules>> loads = new ArrayList<>();
			for (RuleVersionFiles files : all) {
				loads.add(cores.submit(() -> load(files)));
			}
			for (int i = 0; i < all.size(); i++) {
				try {
					versions.activate(loads.get(i).get());
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuleVersionRefused refused) {
						versions.refuse(refused.version(), all.get(i).checksum(), refused.problems());
					}
					else if (ex.getCause() instanceof RuntimeException cause) {
						throw cause;
					}
					else {
						throw new IllegalStateException(ex.getCause());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while loading rule versions", ex);
				}
			}
		}
		finally {
			cores.shutdownNow();
		}
	}

}
