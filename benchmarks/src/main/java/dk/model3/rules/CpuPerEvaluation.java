package dk.model3.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Profile;

/**
 * CPU time of one evaluation per kind of outcome, decisions shared and not, measured with
 * the thread's own CPU clock so that other processes on a shared machine do not count.
 * The two modes alternate in rounds within one run, so their ratio compares like with
 * like. Prints the median over rounds, in µs of CPU per evaluation.
 *
 * <pre>
 * mvn -o -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dk.model3.rules.CpuPerEvaluation
 * </pre>
 */
public final class CpuPerEvaluation {

	private static final int ROUNDS = 9;

	private static final int BATCH = 20_000;

	private CpuPerEvaluation() {
	}

	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		EvaluationBenchmark setup = new EvaluationBenchmark();
		setup.outcome = "a1-employment";
		setup.compile();
		CompiledRules rules = setup.rules();
		Map<String, Profile> outcomes = new TreeMap<>(EvaluationBenchmark.outcomes());
		// warm-up: both paths for every outcome, until the JIT has settled
		for (int i = 0; i < 10; i++) {
			for (Profile profile : outcomes.values()) {
				run(rules, profile, true, BATCH);
				run(rules, profile, false, BATCH / 4);
			}
		}
		Map<String, List<Double>> shared = new TreeMap<>();
		Map<String, List<Double>> unshared = new TreeMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, Profile> entry : outcomes.entrySet()) {
				long before = threads.getCurrentThreadCpuTime();
				run(rules, entry.getValue(), true, BATCH);
				long middle = threads.getCurrentThreadCpuTime();
				run(rules, entry.getValue(), false, BATCH);
				long after = threads.getCurrentThreadCpuTime();
				shared.computeIfAbsent(entry.getKey(), (k) -> new ArrayList<>()).add((middle - before) / 1e3 / BATCH);
				unshared.computeIfAbsent(entry.getKey(), (k) -> new ArrayList<>()).add((after - middle) / 1e3 / BATCH);
			}
		}
		System.out.printf("%-20s %12s %12s %8s%n", "outcome", "shared µs", "unshared µs", "ratio");
		for (String outcome : outcomes.keySet()) {
			double s = median(shared.get(outcome));
			double u = median(unshared.get(outcome));
			System.out.printf("%-20s %12.2f %12.2f %8.1f%n", outcome, s, u, u / s);
		}
	}

	private static void run(CompiledRules rules, Profile profile, boolean shared, int times) {
		Object sink = null;
		for (int i = 0; i < times; i++) {
			sink = shared ? rules.evaluate(profile) : rules.evaluateUnshared(profile);
		}
		if (sink == null) {
			throw new IllegalStateException();
		}
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
