package dk.model3.workbench;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dk.model3.facts.Profile;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.compile.RuleCompiler;
import dk.model3.rules.SourceDocument;

/**
 * Where a draft's rules are compiled and run: two threads of their own
 * ({@code draft-worker-N}), never a request's thread. A task is given the draft's files
 * (immutable {@link RuleVersionFiles}), the list of sources and, for the checks, the
 * other values of a {@link DraftChecks.Input}; it holds no reference to the repository,
 * the users or any service object, and hands back its results as values. The completeness
 * check and the preview run their parallel streams inside this pool too, so no rule of a
 * draft runs on another thread. (A thread is not a sandbox: what keeps a rule file from
 * running code is the rule-language check that comes before the compiler.) The threads
 * load classes as the application does, whatever the thread that made the pool.
 */
final class DraftWorker implements AutoCloseable {

	private final ForkJoinPool pool = new ForkJoinPool(2, (owner) -> {
		ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
		thread.setName("draft-worker-" + thread.getPoolIndex());
		thread.setDaemon(true);
		// the compiler finds the rule engine's classes through the thread's context class
		// loader; a fork-join thread gets the system class loader, which in the packaged
		// jar sees none of the nested jars ("GeneratedFact cannot be resolved")
		thread.setContextClassLoader(DraftWorker.class.getClassLoader());
		return thread;
	}, null, false);

	// the version compiled last: a draft whose rule files did not change since (a
	// scenario saved, a row answered) takes its rules instead of compiling them again
	private final AtomicReference<CompiledRules> lastCompiled = new AtomicReference<>();

	/** Compiles the files: the problems, each at its file and line. */
	List<CheckResults.Problem> validate(RuleVersionFiles files, List<SourceDocument> sources) {
		List<SourceDocument> documents = List.copyOf(sources);
		return await(this.pool.submit(() -> {
			try {
				compile(files, documents);
				return List.of();
			}
			catch (RuleVersionRefused ex) {
				return DraftChecks.located(files, ex);
			}
		}));
	}

	/**
	 * Compiles the files and answers for one profile: what the draft says for a citizen.
	 */
	Decision answer(RuleVersionFiles files, List<SourceDocument> sources, Profile profile) {
		List<SourceDocument> documents = List.copyOf(sources);
		return await(this.pool.submit(() -> compile(files, documents).evaluate(profile)));
	}

	/** Runs every check; {@code progress} is told each check's name as it starts. */
	DraftChecks.Outcome check(DraftChecks.Input input, Consumer<String> progress) {
		return await(this.pool.submit(() -> {
			DraftChecks.Outcome outcome = DraftChecks.run(input, progress, this.lastCompiled.get());
			if (outcome.compiled() != null) {
				this.lastCompiled.set(outcome.compiled());
			}
			return outcome;
		}));
	}

	private CompiledRules compile(RuleVersionFiles files, List<SourceDocument> sources) {
		CompiledRules rules = new RuleCompiler(sources).compile(files, this.lastCompiled.get());
		this.lastCompiled.set(rules);
		return rules;
	}

	private static <T> T await(Future<T> task) {
		try {
			return task.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			task.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while the draft worker ran");
		}
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
