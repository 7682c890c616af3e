package dk.model3.rules;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of version 2023.01 (the rules packaged in the core jar) per kind of
 * outcome, with decisions shared between profiles of a class (what the service does) and
 * with the rules run for every profile (what it did before), in the same run. The
 * profiles are the README's table of one request per kind of outcome.
 *
 * <pre>
 * mvn -o -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main EvaluationBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EvaluationBenchmark {

	private static final Map<String, Profile> OUTCOMES = Map.of(
			// PLACED EMPLOYMENT_ONLY
			"a1-employment",
			profile(35, Benefit.SICKNESS_BENEFIT, EmploymentPotential.PRESENT, Problem.ANXIETY,
					Problem.SUBSTANCE_ABUSE),
			// PLACED CROSS_SECTOR + JOINT_PLAN_OFFER
			"b4-cross-sector", profile(40, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT, Problem.HOMELESSNESS),
			// PLACED PENSION_SOCIAL
			"a3-pension-social", profile(50, Benefit.DISABILITY_PENSION, EmploymentPotential.UNKNOWN),
			// PLACED EMPLOYMENT_ONLY + YOUTH_15_17_EXCEPTION
			"a5-youth-exception", profile(16, Benefit.NONE, EmploymentPotential.UNKNOWN, Problem.ADHD),
			// OUT_OF_SCOPE, under 15
			"c1-child", profile(14, Benefit.NONE, EmploymentPotential.UNKNOWN, Problem.HOMELESSNESS),
			// OUT_OF_SCOPE, old-age pensioner
			"c2-old-age", profile(70, Benefit.OLD_AGE_PENSION, EmploymentPotential.PRESENT, Problem.HOMELESSNESS),
			// OUT_OF_SCOPE, not complex
			"b1-not-complex", profile(30, Benefit.CASH_BENEFIT, EmploymentPotential.UNKNOWN, Problem.ANXIETY),
			// MANUAL_REVIEW, employment potential unknown
			"b2-manual-review",
			profile(30, Benefit.CASH_BENEFIT, EmploymentPotential.UNKNOWN, Problem.SEVERE_SUBSTANCE_ABUSE),
			// MANUAL_REVIEW, youth with complex problems
			"b3-manual-youth",
			profile(16, Benefit.NONE, EmploymentPotential.UNKNOWN, Problem.ANXIETY, Problem.SUBSTANCE_ABUSE));

	@Param({ "a1-employment", "b4-cross-sector", "a3-pension-social", "a5-youth-exception", "c1-child", "c2-old-age",
			"b1-not-complex", "b2-manual-review", "b3-manual-youth" })
	String outcome;

	private CompiledRules rules;

	private Profile profile;

	@Setup(Level.Trial)
	public void compile() {
		RuleLoader loader = new RuleLoader(RuleFolders.packaged());
		this.rules = loader.load(loader.folders()
			.versions()
			.stream()
			.filter((files) -> files.folder().equals("2023.01"))
			.findFirst()
			.orElseThrow());
		this.profile = OUTCOMES.get(this.outcome);
	}

	CompiledRules rules() {
		return this.rules;
	}

	static Map<String, Profile> outcomes() {
		return OUTCOMES;
	}

	@Benchmark
	public Decision shared() {
		return this.rules.evaluate(this.profile);
	}

	@Benchmark
	public Decision unshared() {
		return this.rules.evaluateUnshared(this.profile);
	}

	private static Profile profile(int age, Benefit benefit, EmploymentPotential potential, Problem... problems) {
		return new Profile(age, benefit, potential,
				problems.length == 0 ? java.util.Set.of() : java.util.EnumSet.copyOf(java.util.Arrays.asList(problems)),
				false, false, false, false, null);
	}

}
