package dk.model3.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.Callable;

import dk.model3.response.Explain;
import dk.model3.response.ResponseJson;
import dk.model3.population.PopulationFile;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code batch-benchmark}: generates a population, then in one JVM runs a baseline pass
 * (parse and write each line, no triage), the same baseline padded to the batch's output
 * size, and the batch (JSON Lines to JSON Lines with explanations) over it, and reports
 * the rates and the batch's ratio to each baseline; the target is set against the first.
 * Besides wall-clock rates it reports the process CPU time per line, because on a shared
 * machine the wall clock measures the neighbours too.
 */
@Command(name = "batch-benchmark", mixinStandardHelpOptions = true, description = {
		"Benchmarks the batch against a parse-and-write baseline, and that baseline padded to the batch's output size, on a generated population.",
		"Results go into docs/performance.md by hand; see the Batch section there." })
public final class BatchBenchmarkCommand implements Callable<Integer> {

	@Option(names = "--size", defaultValue = "1000000", description = "Profiles (default ${DEFAULT-VALUE}).")
	int size;

	@Option(names = "--seed", defaultValue = "7", description = "Population seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--dir", defaultValue = "target/benchmark",
			description = "Working directory for the population and outputs (default ${DEFAULT-VALUE}).")
	Path dir;

	@Option(names = "--threads", description = "Worker threads (default: the number of cores).")
	int threads = Runtime.getRuntime().availableProcessors();

	@Option(names = "--no-memo", description = "Evaluate every line, even a profile seen before.")
	boolean noMemo;

	@Option(names = "--memo", paramLabel = "N",
			description = "Distinct profiles kept per version (default ${DEFAULT-VALUE}).")
	int memo = Batch.MEMORY;

	@Option(names = "--warmup", defaultValue = "200000",
			description = "Profiles of a separate population run through both passes first, so the JIT has compiled the hot code (default ${DEFAULT-VALUE}; 0: measure cold).")
	int warmup;

	@Option(names = "--keep", description = "Keep the output files (they are large).")
	boolean keep;

	@Option(names = "--explain", paramLabel = "ids|none",
			description = "Also run --rounds rounds of the plain baseline, the padded one, the full batch and the batch writing short lines (batch --explain ids or none), and report each target as the median of its ratio per round.")
	String explain;

	@Option(names = "--rounds", defaultValue = "5",
			description = "With --explain: rounds of the four passes (default ${DEFAULT-VALUE}).")
	int rounds;

	@Option(names = "--population", paramLabel = "FILE",
			description = "Measure on this JSON Lines file (e.g. fixtures/population-2500.jsonl) instead of a generated one.")
	Path populationFile;

	@Option(names = "--check",
			description = "Exit 1 unless the batch reaches 150,000 profiles/s (issue 10) and half the baseline's rate.")
	boolean check;

	@Override
	public Integer call() throws Exception {
		PrintStream out = System.out;
		Explain shortMode = (this.explain != null) ? Explain.named(this.explain).orElse(Explain.FULL) : null;
		if (shortMode == Explain.FULL || this.rounds < 1) {
			System.err.println("--explain takes ids or none, and --rounds at least 1");
			return 2;
		}
		Files.createDirectories(this.dir);
		Path population = (this.populationFile != null) ? this.populationFile
				: this.dir.resolve("population-" + this.size + "-" + this.seed + ".jsonl");
		if (!Files.exists(population)) {
			out.printf("generating %,d profiles (seed %d) into %s%n", this.size, this.seed, population);
			PopulationFile.write(population, this.seed, this.size, LocalDate.parse("2022-06-01"), "BENCH");
		}
		RuleVersions versions = RuleLoader.forCommand(null, System.err);
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		out.printf("cores %d, worker threads %d, load average before %.2f%n", os.getAvailableProcessors(), this.threads,
				os.getSystemLoadAverage());

		byte[] filler = null;
		if (this.warmup > 0) {
			Path warm = this.dir.resolve("warmup-" + this.warmup + "-" + (this.seed + 1) + ".jsonl");
			if (!Files.exists(warm)) {
				PopulationFile.write(warm, this.seed + 1, this.warmup, LocalDate.parse("2022-06-01"), "WARM");
			}
			Path warmBaseline = this.dir.resolve("warmup-baseline.jsonl");
			Path warmTriaged = this.dir.resolve("warmup-triaged.jsonl");
			baseline(warm, warmBaseline, new byte[0]);
			triage(versions, warm, warmTriaged);
			// what the batch writes beyond the echo, per line, in spaces
			filler = new byte[(int) Math.max(0, (Files.size(warmTriaged) - Files.size(warmBaseline)) / this.warmup)];
			Arrays.fill(filler, (byte) ' ');
			baseline(warm, warmBaseline, filler);
			Files.deleteIfExists(warmBaseline);
			Files.deleteIfExists(warmTriaged);
			out.printf("warmed up on %,d other profiles%n", this.warmup);
		}

		Path baselineOut = this.dir.resolve("baseline.jsonl");
		long cpu = os.getProcessCpuTime();
		BatchRun.Totals baseline = baseline(population, baselineOut, new byte[0]);
		double baselineCpu = (os.getProcessCpuTime() - cpu) / 1e9;
		long baselineBytes = Files.size(baselineOut);
		if (!this.keep) {
			Files.deleteIfExists(baselineOut);
		}

		// the same, writing as many bytes as the batch: only with a warm-up,
		// which measured the batch's answer size on other profiles
		Path sameBytesOut = this.dir.resolve("baseline-same-bytes.jsonl");
		BatchRun.Totals sameBytes = null;
		double sameBytesCpu = 0;
		long sameBytesBytes = 0;
		if (filler != null) {
			cpu = os.getProcessCpuTime();
			sameBytes = baseline(population, sameBytesOut, filler);
			sameBytesCpu = (os.getProcessCpuTime() - cpu) / 1e9;
			sameBytesBytes = Files.size(sameBytesOut);
			if (!this.keep) {
				Files.deleteIfExists(sameBytesOut);
			}
		}

		Path triagedOut = this.dir.resolve("triaged.jsonl");
		cpu = os.getProcessCpuTime();
		BatchRun.Totals triaged = triage(versions, population, triagedOut);
		double triagedCpu = (os.getProcessCpuTime() - cpu) / 1e9;

		double baselineRate = baseline.in / baseline.seconds;
		double triagedRate = triaged.in / triaged.seconds;
		out.printf("load average after %.2f%n", os.getSystemLoadAverage());
		out.println("| pass | profiles | wall s | profiles/s (wall) | CPU µs per profile | output MB |");
		out.println("|---|---:|---:|---:|---:|---:|");
		row(out, "baseline: parse + write, no triage", baseline, baselineCpu, baselineBytes);
		if (sameBytes != null) {
			row(out, "baseline padded to the batch's bytes (" + filler.length + " spaces a line)", sameBytes,
					sameBytesCpu, sameBytesBytes);
		}
		row(out, "batch: triage with explanations" + (this.noMemo ? " (no memo)" : " (memo " + this.memo + ")"),
				triaged, triagedCpu, Files.exists(triagedOut) ? Files.size(triagedOut) : 0);
		double ratio = triagedRate / baselineRate;
		double cpuRatio = (baselineCpu / baseline.in) / (triagedCpu / triaged.in);
		out.printf("rule evaluations in the batch: %,d of %,d profiles%n", triaged.evaluations, triaged.in);
		out.printf("batch / baseline: %.2f (wall), %.2f (CPU per profile)%n", ratio, cpuRatio);
		if (sameBytes != null) {
			out.printf("batch / padded baseline: %.2f (wall), %.2f (CPU per profile); not the target's measure%n",
					triagedRate / (sameBytes.in / sameBytes.seconds),
					(sameBytesCpu / sameBytes.in) / (triagedCpu / triaged.in));
		}
		if (shortMode != null) {
			// each target as the median of its ratio per round, both passes of a ratio
			// run one after the other in that round, so they share the machine's load
			// and the JIT's warmth
			Rounds rounds = alternating(out, versions, population, shortMode, filler, os);
			out.printf("target, %s batch >= 0.5 of the plain baseline (issue 25): %.2f (median of the rounds), %s%n",
					shortMode, rounds.compact(), (rounds.compact() >= 0.5) ? "met" : "NOT met");
			if (filler != null) {
				out.printf(
						"target, full batch >= 0.8 of the padded baseline (issue 25): %.2f (median of the rounds), %s%n",
						rounds.padded(), (rounds.padded() >= 0.8) ? "met" : "NOT met");
			}
		}
		else if (sameBytes != null) {
			double padded = triagedRate / (sameBytes.in / sameBytes.seconds);
			out.printf("target, full batch >= 0.8 of the padded baseline (issue 25): %.2f (one pass), %s%n", padded,
					(padded >= 0.8) ? "met" : "NOT met");
		}
		boolean met = triagedRate >= 150_000 && ratio >= 0.5;
		out.printf("target (>= 150,000 profiles/s and >= 0.5 of baseline): %s%n", met ? "met" : "NOT met");
		if (!this.keep) {
			Files.deleteIfExists(triagedOut);
		}
		return (this.check && !met) ? 1 : 0;
	}

	/**
	 * The medians over the rounds of the short batch / plain baseline and full / padded.
	 */
	record Rounds(double compact, double padded) {
	}

	// each round runs the plain baseline, the padded one (with a warm-up, which measured
	// the padding), the full batch and the short one, each pass timed on its own
	private Rounds alternating(PrintStream out, RuleVersions versions, Path population, Explain mode, byte[] filler,
			com.sun.management.OperatingSystemMXBean os) throws IOException, InterruptedException {
		out.printf(
				"| round | baseline profiles/s | padded baseline profiles/s | full profiles/s | %s profiles/s "
						+ "| %s / baseline | full / padded | %s / full (wall) | full CPU µs | %s CPU µs |%n",
				mode, mode, mode, mode);
		out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		double[] compact = new double[this.rounds];
		double[] padded = new double[this.rounds];
		double[] shortAgainstFull = new double[this.rounds];
		double[] shortAgainstFullCpu = new double[this.rounds];
		Path echo = this.dir.resolve("round-baseline.jsonl");
		for (int round = 0; round < this.rounds; round++) {
			BatchRun.Totals plain = baseline(population, echo, new byte[0]);
			BatchRun.Totals sameBytes = (filler != null) ? baseline(population, echo, filler) : null;
			long cpu = os.getProcessCpuTime();
			BatchRun.Totals full = triage(versions, population, this.dir.resolve("full.jsonl"), Explain.FULL);
			double fullCpu = (os.getProcessCpuTime() - cpu) * 1e-3 / full.in;
			cpu = os.getProcessCpuTime();
			BatchRun.Totals shorter = triage(versions, population, this.dir.resolve(mode + ".jsonl"), mode);
			double shortCpu = (os.getProcessCpuTime() - cpu) * 1e-3 / shorter.in;
			double plainRate = rate(plain);
			double paddedRate = (sameBytes != null) ? rate(sameBytes) : Double.NaN;
			compact[round] = rate(shorter) / plainRate;
			padded[round] = rate(full) / paddedRate;
			shortAgainstFull[round] = rate(shorter) / rate(full);
			shortAgainstFullCpu[round] = fullCpu / shortCpu;
			// without a warm-up there is no padding, so no padded baseline
			String paddedRateText = (sameBytes != null) ? String.format("%,.0f", paddedRate) : "–";
			String paddedRatioText = (sameBytes != null) ? String.format("%.2f", padded[round]) : "–";
			out.printf("| %d | %,.0f | %s | %,.0f | %,.0f | %.2f | %s | %.2f | %.1f | %.1f |%n", round + 1, plainRate,
					paddedRateText, rate(full), rate(shorter), compact[round], paddedRatioText, shortAgainstFull[round],
					fullCpu, shortCpu);
		}
		out.printf("%s / full, median of %d rounds: %.2f (wall rate), %.2f (CPU per profile)%n", mode, this.rounds,
				median(shortAgainstFull), median(shortAgainstFullCpu));
		Files.deleteIfExists(echo);
		if (!this.keep) {
			Files.deleteIfExists(this.dir.resolve("full.jsonl"));
			Files.deleteIfExists(this.dir.resolve(mode + ".jsonl"));
		}
		return new Rounds(median(compact), median(padded));
	}

	private static double rate(BatchRun.Totals totals) {
		return totals.in / totals.seconds;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private BatchRun.Totals triage(RuleVersions versions, Path population, Path output)
			throws IOException, InterruptedException {
		return triage(versions, population, output, Explain.FULL);
	}

	private BatchRun.Totals triage(RuleVersions versions, Path population, Path output, Explain mode)
			throws IOException, InterruptedException {
		return Batch.run(versions, new Batch.Options(population, InputFile.Format.JSONL, output, null, null,
				LocalDate.parse("2022-06-01"), this.threads, 1000, !this.noMemo, Progress.Mode.NONE, this.memo, mode),
				System.err);
	}

	private BatchRun.Totals baseline(Path population, Path output, byte[] filler)
			throws IOException, InterruptedException {
		Outputs outputs = new Outputs(output);
		try {
			InputFile input = InputFile.open(population, InputFile.Format.JSONL);
			try (InputStream stream = input.stream()) {
				var mapper = ResponseJson.mapper();
				BatchRun.Totals totals = new BatchRun(null, null, this.threads, 1000,
						(csv) -> new EchoHandler(mapper, filler))
					.run(input, outputs, new Progress(System.err, Progress.Mode.NONE, 0, () -> 0, 0));
				outputs.commit();
				return totals;
			}
		}
		finally {
			outputs.abandon();
		}
	}

	private static void row(PrintStream out, String pass, BatchRun.Totals totals, double cpuSeconds, long bytes) {
		out.printf("| %s | %,d | %.1f | %,.0f | %.1f | %,d |%n", pass, totals.in, totals.seconds,
				totals.in / totals.seconds, cpuSeconds * 1e6 / totals.in, bytes / 1_000_000);
	}

}
