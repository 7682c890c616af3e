package dk.model3.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.model3.rules.check.ExpectedTierSizes;
import dk.model3.request.CsvRows;
import dk.model3.response.ResponseJson;

import tools.jackson.databind.json.JsonMapper;

/**
 * One batch run: a reader thread cuts the input into chunks, workers classify chunks in
 * parallel, and this thread writes the results in input order. The queue of chunks in
 * flight is bounded, so memory depends on the chunk size and the number of workers, never
 * on the size of the file.
 */
final class BatchRun {

	/** Rejects kept for the summary and the report; the rejects file has all of them. */
	static final int REJECT_SAMPLES = 50;

	private static final Future<ChunkResult> END = CompletableFuture.completedFuture(null);

	private final BatchSettings settings;

	private final Classifier classifier;

	private final int threads;

	private final int chunkSize;

	private final java.util.function.Function<CsvRows, LineHandler> handlers;

	BatchRun(BatchSettings settings, Classifier classifier, int threads, int chunkSize) {
		this(settings, classifier, threads, chunkSize, (csv) -> new LineProcessor(settings, classifier, csv));
	}

	BatchRun(BatchSettings settings, Classifier classifier, int threads, int chunkSize,
			java.util.function.Function<CsvRows, LineHandler> handlers) {
		this.settings = settings;
		this.classifier = classifier;
		this.threads = threads;
		this.chunkSize = chunkSize;
		this.handlers = handlers;
	}

	/** Totals of a run, for the summary. */
	static final class Totals {

		long in;

		long out;

		long rejected;

		final Map<String, Long> rejectsByKind = new TreeMap<>();

		final List<Reject> rejectSamples = new ArrayList<>();

		final Tally primary = new Tally();

		final Tally compared = new Tally();

		final Comparison comparison = new Comparison();

		double seconds;

		long evaluations;

	}

	Totals run(InputFile input, Outputs outputs, Progress progress) throws IOException, InterruptedException {
		long started = System.nanoTime();
		LineReader lines = new LineReader(input.stream());
		CsvRows csv = null;
		Totals totals = new Totals();
		if (input.format() == InputFile.Format.CSV) {
			Line header = lines.next();
			if (header == null) {
				throw new IllegalArgumentException("the CSV file is empty; it needs a header row");
			}
			csv = CsvHeader.read(new String(header.bytes(), StandardCharsets.UTF_8));
		}
		LineHandler processor = this.handlers.apply(csv);
		JsonMapper mapper = (this.classifier != null) ? this.classifier.templates().mapper() : ResponseJson.mapper();
		ExecutorService workers = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, "batch-worker");
			thread.setDaemon(true);
			return thread;
		});
		BlockingQueue<Future<ChunkResult>> inFlight = new ArrayBlockingQueue<>(this.threads * 2);
		// enough spare blocks for every chunk that can be in flight, being built or
		// written
		long perChunk = (long) this.chunkSize * 4500 / Bytes.BLOCK + 1;
		Bytes.Blocks blocks = new Bytes.Blocks((int) Math.min(perChunk * (this.threads * 3 + 2), 1024));
		Throwable[] readFailure = new Throwable[1];
		Thread reader = new Thread(() -> read(lines, processor, workers, inFlight, blocks, readFailure),
				"batch-reader");
		reader.setDaemon(true);
		reader.start();
		try (OutputStream out = outputs.open(outputs.output());
				OutputStream rejects = outputs.open(outputs.rejects());
				OutputStream changed = (this.settings != null && this.settings.compareWith() != null)
						? outputs.open(outputs.changed()) : OutputStream.nullOutputStream()) {
			while (true) {
				Future<ChunkResult> next = inFlight.take();
				if (next == END) {
					break;
				}
				ChunkResult chunk = next.get();
				chunk.output.writeTo(out);
				chunk.output.release();
				chunk.changed.writeTo(changed);
				for (Reject reject : chunk.rejects) {
					rejects.write(mapper.writeValueAsBytes(reject));
					rejects.write('\n');
					totals.rejectsByKind.merge(reject.kind(), 1L, Long::sum);
					if (totals.rejectSamples.size() < REJECT_SAMPLES) {
						totals.rejectSamples.add(reject);
					}
				}
				totals.in += chunk.lines;
				totals.out += chunk.written;
				totals.rejected += chunk.rejects.size();
				totals.primary.merge(chunk.primary);
				totals.compared.merge(chunk.compared);
				totals.comparison.merge(chunk.comparison);
				progress.update(totals.in);
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a worker failed", ex.getCause());
		}
		finally {
			workers.shutdownNow();
			reader.interrupt();
		}
		if (readFailure[0] instanceof IOException ex) {
			throw ex;
		}
		if (readFailure[0] != null) {
			throw new IllegalStateException("reading the input failed: " + readFailure[0].getMessage(), readFailure[0]);
		}
		progress.finish(totals.in);
		totals.seconds = (System.nanoTime() - started) / 1e9;
		return totals;
	}

	private void read(LineReader lines, LineHandler processor, ExecutorService workers,
			BlockingQueue<Future<ChunkResult>> inFlight, Bytes.Blocks blocks, Throwable[] failure) {
		try {
			while (true) {
				List<Line> chunk = new ArrayList<>(this.chunkSize);
				Line line;
				while (chunk.size() < this.chunkSize && (line = lines.next()) != null) {
					chunk.add(line);
				}
				if (chunk.isEmpty()) {
					break;
				}
				inFlight.put(workers.submit(() -> {
					ChunkResult result = new ChunkResult(blocks);
					for (Line each : chunk) {
						processor.process(each, result);
					}
					return result;
				}));
				if (chunk.size() < this.chunkSize) {
					break;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Throwable ex) {
			// the writer waits for END: whatever stops the reading, it must get there
			failure[0] = ex;
		}
		try {
			inFlight.put(END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The summary of a finished run. */
	static Map<String, Object> summary(Totals totals, Map<String, Object> run, String primaryLabel,
			String compareLabel) {
		Map<String, Object> summary = new LinkedHashMap<>(run);
		Map<String, Object> lines = new LinkedHashMap<>();
		lines.put("in", totals.in);
		lines.put("out", totals.out);
		lines.put("rejected", totals.rejected);
		lines.put("balanced", totals.in == totals.out + totals.rejected);
		lines.put("statement", "in " + totals.in + " = out " + totals.out + " + rejected " + totals.rejected
				+ ((totals.in == totals.out + totals.rejected) ? "" : " DOES NOT ADD UP"));
		summary.put("lines", lines);
		summary.put("seconds", Math.round(totals.seconds * 1000) / 1000.0);
		summary.put("linesPerSecond", (totals.seconds > 0) ? Math.round(totals.in / totals.seconds) : 0);
		summary.put("rejectsByKind", totals.rejectsByKind);
		summary.put("rejectSamples", totals.rejectSamples);
		Map<String, Tally> tallies = new LinkedHashMap<>();
		tallies.put(primaryLabel, totals.primary);
		if (compareLabel != null) {
			tallies.put(compareLabel, totals.compared);
		}
		summary.put("expectedSizesSource", ExpectedTierSizes.SOURCE);
		summary.put("expectedSizes", ExpectedSizes.against(tallies));
		Map<String, Object> results = new LinkedHashMap<>();
		tallies.forEach((label, tally) -> results.put(label, tally.toMap()));
		summary.put("results", results);
		if (compareLabel != null) {
			Map<String, Object> comparison = new LinkedHashMap<>();
			comparison.put("before", primaryLabel);
			comparison.put("after", compareLabel);
			comparison.putAll(totals.comparison.toMap());
			summary.put("comparison", comparison);
		}
		return summary;
	}

}
