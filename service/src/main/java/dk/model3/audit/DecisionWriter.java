package dk.model3.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores decisions with group commit: requests that arrive while a commit is under way
 * wait together and go into the next transaction, one commit for all of them. A request
 * returns only once its row is committed (and, on the embedded database, written to its
 * file); if that fails or takes longer than {@code commitWait} it throws
 * {@link RecordsUnavailable} and the decision is not answered. How long each decision
 * waited for its commit is the timer {@value #COMMIT_WAIT}.
 */
final class DecisionWriter implements DisposableBean {

	// enough to keep a commit's cost shared under any load a few cores give
	private static final int MAX_BATCH = 256;

	static final String COMMIT_WAIT = "triage.records.commit";

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Durability durability;

	private final RecordsHealth health;

	private final Duration commitWait;

	private final Timer committed;

	private final Thread thread;

	private volatile boolean running = true;

	DecisionWriter(JdbcTemplate jdbc, TransactionTemplate transactions, Durability durability, RecordsHealth health,
			Duration commitWait, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.durability = durability;
		this.health = health;
		this.commitWait = commitWait;
		this.committed = Timer.builder(COMMIT_WAIT)
			.description("Time a decision waited for its row to be committed, before it was answered")
			.tag("database", durability.embedded() ? "embedded" : "external")
			.publishPercentileHistogram()
			// from a tenth of a millisecond (a commit on a quiet machine) to the longest
			// wait
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(commitWait)
			.register(meters);
		this.thread = new Thread(this::run, "decision-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stores the decision; returns once it is committed. */
	void write(DecisionRecord decision, String caseworker) {
		Pending pending = new Pending(DecisionRecords.row(decision, caseworker), new CompletableFuture<>());
		long queued = System.nanoTime();
		this.queue.add(pending);
		try {
			pending.done().get(this.commitWait.toMillis(), TimeUnit.MILLISECONDS);
			this.committed.record(System.nanoTime() - queued, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw new RecordsUnavailable(ex.getCause());
		}
		catch (TimeoutException ex) {
			this.health.failed(ex);
			throw new RecordsUnavailable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RecordsUnavailable(ex);
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (this.running) {
			try {
				Pending first = this.queue.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Pending> batch) {
		try {
			List<Object[]> rows = batch.stream().map(Pending::row).toList();
			if (rows.size() == 1) {
				// one statement in auto-commit: one round trip instead of begin, insert,
				// commit
				this.jdbc.update(DecisionRecords.INSERT_DECISION, rows.get(0));
			}
			else {
				this.transactions
					.executeWithoutResult((status) -> this.jdbc.batchUpdate(DecisionRecords.INSERT_DECISION, rows));
			}
			this.durability.committed();
			this.health.succeeded();
			batch.forEach((pending) -> pending.done().complete(null));
		}
		catch (RuntimeException ex) {
			this.health.failed(ex);
			batch.forEach((pending) -> pending.done().completeExceptionally(ex));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		this.thread.join(this.commitWait.toMillis());
	}

	private record Pending(Object[] row, CompletableFuture<Void> done) {

	}

}
