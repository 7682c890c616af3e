package dk.model3.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;

import static dk.model3.facts.Benefit.CASH_BENEFIT;
import static dk.model3.facts.Benefit.DISABILITY_PENSION;
import static dk.model3.facts.Benefit.EDUCATION_BENEFIT;
import static dk.model3.facts.Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT;
import static dk.model3.facts.Benefit.INTEGRATION_BENEFIT;
import static dk.model3.facts.Benefit.JOB_CLARIFICATION_BENEFIT;
import static dk.model3.facts.Benefit.NONE;
import static dk.model3.facts.Benefit.OLD_AGE_PENSION;
import static dk.model3.facts.Benefit.RESOURCE_COURSE_BENEFIT;
import static dk.model3.facts.Benefit.SICKNESS_BENEFIT;
import static dk.model3.facts.Benefit.UNEMPLOYMENT_INSURANCE;

/**
 * A seeded generator of synthetic municipal populations: the citizens a municipality of
 * Norddjurs' size would bring to a model 3 re-classification. The population is a mix of
 * segments (who the citizen is in the memo's terms) whose weights are calibrated to the
 * memo's expected tier sizes; ages, benefits, potentials and problems inside a segment
 * are drawn from plausible distributions. The weights and their reasoning are documented
 * in {@code fixtures/README.md}; keep the two in step.
 *
 * <p>
 * The generator describes citizens, not outcomes: the tier a citizen lands in is decided
 * by the rules when the batch runs, which is what makes the committed population a test
 * of the rules against the memo's sizes. It uses {@link Random}, whose sequence is fixed
 * by its specification, so a seed gives the same file on every JVM.
 */
public final class PopulationGenerator {

	/** A segment of the population and its share (per mille). */
	enum Segment {

		/** Disability pensioners (førtidspension): the bulk of the social tier. */
		DISABILITY_PENSIONER(580),
		/** Labour-market benefit but no or very limited employment potential. */
		NO_POTENTIAL(196),
		/** Developmentally disabled, sentenced to a measures sentence. */
		MEASURES_SENTENCE(4),
		/** Very complex problems and employment potential. */
		VERY_COMPLEX_WITH_POTENTIAL(56),
		/** Two or more problems, potential, on a labour-market benefit. */
		COMPLEX_WITH_POTENTIAL(128),
		/** 15-17 year olds known to the job centre or the youth unit. */
		YOUTH_15_17(12),
		/** Adults under the late-brain-injury coordinator scheme. */
		BRAIN_INJURY(7),
		/** Complex problems, potential not yet assessed. */
		POTENTIAL_UNKNOWN(9),
		/** Complex problems with potential but no labour-market benefit. */
		NO_BENEFIT(2),
		/** One moderate problem: ordinary case handling. */
		NOT_COMPLEX(6);

		final int perMille;

		Segment(int perMille) {
			this.perMille = perMille;
		}

	}

	private static final Problem[] MARKERS = { Problem.SEVERE_MENTAL_ILLNESS, Problem.EXTENSIVE_PHYSICAL_DISABILITY,
			Problem.SERIOUS_FAMILY_PROBLEMS, Problem.HOMELESSNESS, Problem.SEVERE_SUBSTANCE_ABUSE };

	// relative weights of the markers: mental illness and physical disability dominate
	// among disability pensioners and in cross-sector cases, homelessness is rare
	private static final int[] MARKER_WEIGHTS = { 40, 22, 16, 7, 15 };

	private static final Problem[] OTHERS = { Problem.MENTAL_HEALTH_PROBLEMS, Problem.PHYSICAL_HEALTH_PROBLEMS,
			Problem.SUBSTANCE_ABUSE, Problem.SOCIAL_PROBLEMS, Problem.ANXIETY, Problem.LOW_COGNITIVE_ABILITY,
			Problem.AUTISM, Problem.ADHD, Problem.DEVELOPMENTAL_DISABILITY };

	private static final int[] OTHER_WEIGHTS = { 26, 24, 10, 14, 12, 5, 3, 4, 2 };

	private static final Problem[] YOUTH_SUPPORT = { Problem.ANXIETY, Problem.LOW_COGNITIVE_ABILITY, Problem.AUTISM,
			Problem.ADHD };

	private final Random random;

	private final LocalDate assessmentDate;

	private final String prefix;

	public PopulationGenerator(long seed, LocalDate assessmentDate, String prefix) {
		this.random = new Random(seed);
		this.assessmentDate = assessmentDate;
		this.prefix = prefix;
	}

	/** Generates {@code size} citizens in order, numbered from 1. */
	void generate(int size, Consumer<Citizen> sink) {
		int width = Math.max(6, Integer.toString(size).length());
		for (int i = 1; i <= size; i++) {
			String ref = this.prefix + "-" + "0".repeat(width - Integer.toString(i).length()) + i;
			sink.accept(citizen(ref, segment()));
		}
	}

	private Segment segment() {
		int draw = this.random.nextInt(1000);
		for (Segment segment : Segment.values()) {
			draw -= segment.perMille;
			if (draw < 0) {
				return segment;
			}
		}
		return Segment.NOT_COMPLEX;
	}

	private Citizen citizen(String ref, Segment segment) {
		return switch (segment) {
			case DISABILITY_PENSIONER -> {
				int age = ageBetween(30, 66, 56);
				Set<Problem> problems = problems(chance(55) ? 1 : 0, 1 + this.random.nextInt(2));
				yield citizen(ref, age, DISABILITY_PENSION,
						pick(new EmploymentPotential[] { EmploymentPotential.NONE, EmploymentPotential.VERY_LIMITED,
								EmploymentPotential.UNKNOWN }, new int[] { 70, 20, 10 }),
						problems, chance(3), false, false, chance(35), departments(age));
			}
			case NO_POTENTIAL -> {
				int age = ageBetween(20, 64, 45);
				Benefit benefit = pick(new Benefit[] { RESOURCE_COURSE_BENEFIT, CASH_BENEFIT, JOB_CLARIFICATION_BENEFIT,
						FLEXJOB_UNEMPLOYMENT_BENEFIT, SICKNESS_BENEFIT }, new int[] { 35, 25, 15, 15, 10 });
				yield citizen(ref, age, benefit,
						chance(60) ? EmploymentPotential.VERY_LIMITED : EmploymentPotential.NONE,
						problems(chance(45) ? 1 : 0, 1 + this.random.nextInt(3)), false, false, false, chance(30),
						departments(age));
			}
			case MEASURES_SENTENCE -> {
				int age = ageBetween(18, 60, 32);
				Set<Problem> problems = problems(0, this.random.nextInt(2));
				problems.add(Problem.DEVELOPMENTAL_DISABILITY);
				yield citizen(ref, age, chance(50) ? DISABILITY_PENSION : CASH_BENEFIT,
						chance(50) ? EmploymentPotential.VERY_LIMITED : EmploymentPotential.UNKNOWN, problems, false,
						true, false, true, departments(age));
			}
			case VERY_COMPLEX_WITH_POTENTIAL -> {
				int age = chance(35) ? ageBetween(18, 29, 23) : ageBetween(30, 62, 42);
				Benefit benefit = (age < 30 && chance(45))
						? EDUCATION_BENEFIT : pick(
								new Benefit[] { CASH_BENEFIT, RESOURCE_COURSE_BENEFIT, SICKNESS_BENEFIT,
										JOB_CLARIFICATION_BENEFIT, INTEGRATION_BENEFIT },
								new int[] { 45, 25, 12, 10, 8 });
				yield citizen(ref, age, benefit, EmploymentPotential.PRESENT,
						problems(1 + (chance(20) ? 1 : 0), 1 + this.random.nextInt(2)), false, false, false, chance(40),
						departments(age));
			}
			case COMPLEX_WITH_POTENTIAL -> {
				int age = ageBetween(18, 64, 38);
				Benefit benefit = (age < 30 && chance(35)) ? EDUCATION_BENEFIT
						: pick(new Benefit[] { CASH_BENEFIT, SICKNESS_BENEFIT, JOB_CLARIFICATION_BENEFIT,
								UNEMPLOYMENT_INSURANCE, INTEGRATION_BENEFIT, FLEXJOB_UNEMPLOYMENT_BENEFIT },
								new int[] { 38, 25, 12, 10, 8, 7 });
				yield citizen(ref, age, benefit, EmploymentPotential.PRESENT, problems(0, 2 + (chance(30) ? 1 : 0)),
						false, false, false, chance(10), departments(age));
			}
			case YOUTH_15_17 -> youth(ref);
			case BRAIN_INJURY -> {
				int age = ageBetween(25, 66, 50);
				yield citizen(ref, age, chance(55) ? SICKNESS_BENEFIT : CASH_BENEFIT, EmploymentPotential.PRESENT,
						problems(chance(30) ? 1 : 0, 1 + this.random.nextInt(2)), true, false, false, false,
						departments(age));
			}
			case POTENTIAL_UNKNOWN -> {
				int age = ageBetween(18, 64, 35);
				yield citizen(ref, age,
						pick(new Benefit[] { CASH_BENEFIT, SICKNESS_BENEFIT, INTEGRATION_BENEFIT },
								new int[] { 60, 30, 10 }),
						EmploymentPotential.UNKNOWN, problems(chance(40) ? 1 : 0, 1 + this.random.nextInt(2)), false,
						false, false, chance(20), departments(age));
			}
			case NO_BENEFIT -> {
				int age = ageBetween(20, 75, 55);
				yield citizen(ref, age, (age >= 67) ? OLD_AGE_PENSION : NONE, EmploymentPotential.PRESENT,
						problems(0, 2), false, false, false, false, departments(age));
			}
			case NOT_COMPLEX -> {
				int age = ageBetween(18, 75, 40);
				yield citizen(ref, age, (age >= 67) ? OLD_AGE_PENSION : CASH_BENEFIT,
						chance(50) ? EmploymentPotential.PRESENT : EmploymentPotential.UNKNOWN, problems(0, 1), false,
						false, false, false, departments(age));
			}
		};
	}

	// 15-17: about a third placed out of home or under Social Services Act measures, a
	// third with limited support needs, the rest mixed
	private Citizen youth(String ref) {
		int age = 15 + this.random.nextInt(3);
		int kind = this.random.nextInt(100);
		Set<Problem> problems;
		boolean placed = false;
		boolean measures = false;
		if (kind < 35) {
			problems = problems(chance(50) ? 1 : 0, 1 + this.random.nextInt(2));
			placed = chance(50);
			measures = true;
		}
		else if (kind < 75) {
			problems = EnumSet.of(YOUTH_SUPPORT[this.random.nextInt(YOUTH_SUPPORT.length)]);
			if (chance(30)) {
				problems.add(YOUTH_SUPPORT[this.random.nextInt(YOUTH_SUPPORT.length)]);
			}
		}
		else if (kind < 85) {
			problems = problems(1, this.random.nextInt(2));
		}
		else {
			problems = problems(0, this.random.nextInt(2));
		}
		return citizen(ref, age, chance(20) ? EDUCATION_BENEFIT : NONE, EmploymentPotential.UNKNOWN, problems, false,
				false, placed, measures, departments(age));
	}

	private Citizen citizen(String ref, int age, Benefit benefit, EmploymentPotential potential, Set<Problem> problems,
			boolean brainInjury, boolean measuresSentence, boolean placed, boolean serviceActMeasures,
			Integer departments) {
		return new Citizen(ref, age, this.assessmentDate, benefit, potential, new ArrayList<>(problems), brainInjury,
				measuresSentence, placed, serviceActMeasures, departments);
	}

	// under 25 the departments involved are usually recorded (KUI asks for them); above,
	// on two cases in three
	private Integer departments(int age) {
		if (age >= 25 && chance(33)) {
			return null;
		}
		return pick(new Integer[] { 0, 1, 2, 3, 4 }, new int[] { 10, 40, 30, 15, 5 });
	}

	private Set<Problem> problems(int markers, int others) {
		Set<Problem> problems = EnumSet.noneOf(Problem.class);
		while (problems.size() < markers) {
			problems.add(pick(MARKERS, MARKER_WEIGHTS));
		}
		int wanted = markers + others;
		while (problems.size() < wanted) {
			problems.add(pick(OTHERS, OTHER_WEIGHTS));
		}
		return problems;
	}

	// an age in [from, to], triangular around the mode
	private int ageBetween(int from, int to, int mode) {
		double u = this.random.nextDouble();
		double c = (double) (mode - from) / (to - from);
		double x = (u < c) ? Math.sqrt(u * c) : 1 - Math.sqrt((1 - u) * (1 - c));
		return from + (int) Math.round(x * (to - from));
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	private <T> T pick(T[] values, int[] weights) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int draw = this.random.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	/** The segments and their weights, for the documentation test. */
	static List<Segment> segments() {
		return List.of(Segment.values());
	}

}
