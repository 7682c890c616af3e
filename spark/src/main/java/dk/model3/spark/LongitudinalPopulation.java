package dk.model3.spark;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;

/**
 * A seeded synthetic register: people followed over periods (weeks by default) whose
 * benefit, problems, employment potential and age change plausibly over time, some of
 * them off benefit or into a flex job (the register's {@code flexJob}, beside the
 * request; not in the batch's requests). The generator never decides a tier: the rules do
 * when the job runs. Distributions and rates are documented in fixtures/README.md; they
 * are assumptions, not statistics. {@link Random} has a sequence fixed by its
 * specification, so a seed gives the same rows on every JVM.
 */
final class LongitudinalPopulation {

	/** Yearly rates of change; each period applies its share of a year. */
	static final double PROBLEM_GAINED = 0.12;

	static final double PROBLEM_RESOLVED = 0.15;

	static final double POTENTIAL_CHANGES = 0.10;

	static final double BENEFIT_CHANGES = 0.12;

	static final double DEPARTMENTS_CHANGE = 0.20;

	static final double LEAVES_REGISTER = 0.02;

	/**
	 * When the benefit changes: the share of those with employment potential on a
	 * labour-market benefit who leave benefit (work), of those on education benefit who
	 * leave it (education on a grant, or work), and of those approved for a flex job who
	 * get one.
	 */
	static final double FINDS_WORK = 0.25;

	static final double LEAVES_EDUCATION_BENEFIT = 0.30;

	static final double GETS_FLEX_JOB = 0.50;

	/** Share of people who enter the register after the first period. */
	static final double LATE_ENTRY = 0.15;

	private static final Problem[] MARKERS = { Problem.SEVERE_MENTAL_ILLNESS, Problem.SEVERE_MENTAL_ILLNESS,
			Problem.EXTENSIVE_PHYSICAL_DISABILITY, Problem.SERIOUS_FAMILY_PROBLEMS, Problem.SEVERE_SUBSTANCE_ABUSE,
			Problem.HOMELESSNESS };

	private static final Problem[] OTHERS = { Problem.MENTAL_HEALTH_PROBLEMS, Problem.MENTAL_HEALTH_PROBLEMS,
			Problem.PHYSICAL_HEALTH_PROBLEMS, Problem.PHYSICAL_HEALTH_PROBLEMS, Problem.SOCIAL_PROBLEMS,
			Problem.ANXIETY, Problem.SUBSTANCE_ABUSE, Problem.LOW_COGNITIVE_ABILITY, Problem.ADHD, Problem.AUTISM,
			Problem.DEVELOPMENTAL_DISABILITY };

	private static final Problem[] YOUTH = { Problem.ANXIETY, Problem.ADHD, Problem.AUTISM,
			Problem.LOW_COGNITIVE_ABILITY };

	private static final Benefit[] LABOUR_MARKET = { Benefit.CASH_BENEFIT, Benefit.CASH_BENEFIT,
			Benefit.SICKNESS_BENEFIT, Benefit.RESOURCE_COURSE_BENEFIT, Benefit.JOB_CLARIFICATION_BENEFIT,
			Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT, Benefit.UNEMPLOYMENT_INSURANCE, Benefit.INTEGRATION_BENEFIT };

	private final Random random;

	private final int people;

	private final int periods;

	private final LocalDate start;

	private final int stepDays;

	private final String prefix;

	LongitudinalPopulation(long seed, int people, int periods, LocalDate start, int stepDays, String prefix) {
		this.random = new Random(seed);
		this.people = people;
		this.periods = periods;
		this.start = start;
		this.stepDays = stepDays;
		this.prefix = prefix;
	}

	/**
	 * Writes every row, period by period. {@code asRequests} writes the batch's form
	 * instead: plain requests with the period as {@code assessmentDate}.
	 * @return the number of rows written
	 */
	long write(Writer out, boolean asRequests) throws IOException {
		List<Person> persons = new ArrayList<>(this.people);
		for (int i = 0; i < this.people; i++) {
			persons.add(newPerson(i));
		}
		double share = this.stepDays / 365.25;
		long rows = 0;
		StringBuilder line = new StringBuilder(256);
		for (int period = 0; period < this.periods; period++) {
			LocalDate date = this.start.plusDays((long) period * this.stepDays);
			for (Person person : persons) {
				if (period > 0) {
					person.age(date);
					if (period >= person.firstPeriod) {
						change(person, share);
					}
				}
				if (period < person.firstPeriod || person.left) {
					continue;
				}
				line.setLength(0);
				person.append(line, date, asRequests);
				out.write(line.toString());
				rows++;
			}
		}
		return rows;
	}

	private Person newPerson(int index) {
		Random r = this.random;
		Person p = new Person();
		p.key = this.prefix + "-" + String.format("%07d", index + 1);
		p.firstPeriod = (this.periods > 1 && r.nextDouble() < LATE_ENTRY) ? 1 + r.nextInt(this.periods - 1) : 0;
		p.birthday = this.start.plusDays(r.nextInt(365));
		double segment = r.nextDouble();
		if (segment < 0.45) {
			p.age = triangular(30, 66, 56);
			p.benefit = Benefit.DISABILITY_PENSION;
			p.potential = pick(0.7, EmploymentPotential.NONE, 0.9, EmploymentPotential.VERY_LIMITED,
					EmploymentPotential.UNKNOWN);
			problems(p, (r.nextDouble() < 0.55) ? 1 : 0, 1 + r.nextInt(2));
			p.serviceActMeasures = r.nextDouble() < 0.35;
		}
		else if (segment < 0.60) {
			p.age = triangular(20, 64, 45);
			p.benefit = pickBenefit(Benefit.RESOURCE_COURSE_BENEFIT, Benefit.CASH_BENEFIT,
					Benefit.JOB_CLARIFICATION_BENEFIT, Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT);
			p.potential = (r.nextDouble() < 0.6) ? EmploymentPotential.VERY_LIMITED : EmploymentPotential.NONE;
			problems(p, (r.nextDouble() < 0.45) ? 1 : 0, 1 + r.nextInt(3));
			p.serviceActMeasures = r.nextDouble() < 0.3;
		}
		else if (segment < 0.68) {
			p.age = triangular(18, 62, 35);
			p.benefit = (p.age < 30 && r.nextDouble() < 0.45) ? Benefit.EDUCATION_BENEFIT : pickBenefit(LABOUR_MARKET);
			p.potential = EmploymentPotential.PRESENT;
			problems(p, 1, 1 + r.nextInt(2));
			p.serviceActMeasures = r.nextDouble() < 0.4;
		}
		else if (segment < 0.85) {
			p.age = triangular(18, 64, 38);
			p.benefit = (p.age < 30 && r.nextDouble() < 0.35) ? Benefit.EDUCATION_BENEFIT : pickBenefit(LABOUR_MARKET);
			p.potential = EmploymentPotential.PRESENT;
			problems(p, 0, 2 + r.nextInt(2));
		}
		else if (segment < 0.95) {
			p.age = triangular(18, 66, 40);
			p.benefit = pickBenefit(Benefit.CASH_BENEFIT, Benefit.SICKNESS_BENEFIT);
			p.potential = (r.nextDouble() < 0.5) ? EmploymentPotential.PRESENT : EmploymentPotential.UNKNOWN;
			problems(p, 0, 1);
		}
		else if (segment < 0.98) {
			p.age = 15 + r.nextInt(3);
			p.benefit = (r.nextDouble() < 0.2) ? Benefit.EDUCATION_BENEFIT : Benefit.NONE;
			p.potential = EmploymentPotential.UNKNOWN;
			int count = 1 + r.nextInt(2);
			while (p.problems.size() < count) {
				p.problems.add(YOUTH[r.nextInt(YOUTH.length)]);
			}
			p.serviceActMeasures = r.nextDouble() < 0.35;
			p.placedOutOfHome = p.serviceActMeasures && r.nextBoolean();
		}
		else {
			p.age = triangular(18, 64, 35);
			p.benefit = Benefit.CASH_BENEFIT;
			p.potential = EmploymentPotential.UNKNOWN;
			problems(p, (r.nextDouble() < 0.4) ? 1 : 0, 1);
		}
		if (p.age < 25 || r.nextDouble() < 0.67) {
			p.departments = pickDepartments();
		}
		return p;
	}

	private void change(Person p, double share) {
		Random r = this.random;
		if (happens(LEAVES_REGISTER, share)) {
			p.left = true;
			return;
		}
		if (happens(PROBLEM_GAINED, share) && p.problems.size() < 5) {
			p.problems
				.add((r.nextDouble() < 0.2) ? MARKERS[r.nextInt(MARKERS.length)] : OTHERS[r.nextInt(OTHERS.length)]);
		}
		if (happens(PROBLEM_RESOLVED, share) && !p.problems.isEmpty()) {
			List<Problem> held = new ArrayList<>(p.problems);
			p.problems.remove(held.get(r.nextInt(held.size())));
		}
		if (happens(POTENTIAL_CHANGES, share) && p.benefit != Benefit.DISABILITY_PENSION) {
			p.potential = switch (p.potential) {
				case PRESENT -> EmploymentPotential.VERY_LIMITED;
				case VERY_LIMITED -> (r.nextDouble() < 0.6) ? EmploymentPotential.PRESENT : EmploymentPotential.NONE;
				case UNKNOWN -> (r.nextDouble() < 0.7) ? EmploymentPotential.PRESENT : EmploymentPotential.VERY_LIMITED;
				case NONE -> EmploymentPotential.NONE;
			};
		}
		if (happens(BENEFIT_CHANGES, share) && p.age >= 18) {
			p.benefit = nextBenefit(p);
		}
		if (happens(DEPARTMENTS_CHANGE, share) && p.departments != null) {
			p.departments = Math.max(0, Math.min(4, p.departments + (r.nextBoolean() ? 1 : -1)));
		}
	}

	// plausible next benefits: pension only for those without potential, courses lead
	// on, some find work or a flex job; a flex job ends on the flex-job unemployment
	// benefit
	private Benefit nextBenefit(Person p) {
		Random r = this.random;
		boolean noPotential = p.potential == EmploymentPotential.NONE
				|| p.potential == EmploymentPotential.VERY_LIMITED;
		if (p.flexJob) {
			p.flexJob = false;
			return Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT;
		}
		Benefit next = switch (p.benefit) {
			case DISABILITY_PENSION, OLD_AGE_PENSION -> p.benefit;
			case RESOURCE_COURSE_BENEFIT, JOB_CLARIFICATION_BENEFIT ->
				(noPotential && r.nextDouble() < 0.5) ? Benefit.DISABILITY_PENSION
						: pickBenefit(Benefit.CASH_BENEFIT, Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT);
			case SICKNESS_BENEFIT -> pickBenefit(Benefit.CASH_BENEFIT, Benefit.JOB_CLARIFICATION_BENEFIT);
			case FLEXJOB_UNEMPLOYMENT_BENEFIT -> (r.nextDouble() < GETS_FLEX_JOB) ? Benefit.NONE
					: noPotential ? Benefit.RESOURCE_COURSE_BENEFIT : pickBenefit(LABOUR_MARKET);
			case EDUCATION_BENEFIT -> (r.nextDouble() < LEAVES_EDUCATION_BENEFIT) ? Benefit.NONE
					: (p.age < 30) ? Benefit.EDUCATION_BENEFIT : Benefit.CASH_BENEFIT;
			case NONE -> (p.age < 30) ? Benefit.EDUCATION_BENEFIT : Benefit.CASH_BENEFIT;
			default -> noPotential ? Benefit.RESOURCE_COURSE_BENEFIT
					: (p.potential == EmploymentPotential.PRESENT && r.nextDouble() < FINDS_WORK) ? Benefit.NONE
							: pickBenefit(LABOUR_MARKET);
		};
		p.flexJob = p.benefit == Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT && next == Benefit.NONE;
		return next;
	}

	private boolean happens(double yearly, double share) {
		return this.random.nextDouble() < 1 - Math.pow(1 - yearly, share);
	}

	private void problems(Person p, int markers, int others) {
		for (int i = 0; i < markers; i++) {
			p.problems.add(MARKERS[this.random.nextInt(MARKERS.length)]);
		}
		int wanted = p.problems.size() + others;
		while (p.problems.size() < wanted) {
			p.problems.add(OTHERS[this.random.nextInt(OTHERS.length)]);
		}
	}

	private int triangular(int min, int max, int mode) {
		double u = this.random.nextDouble();
		double f = (double) (mode - min) / (max - min);
		double x = (u < f) ? min + Math.sqrt(u * (max - min) * (mode - min))
				: max - Math.sqrt((1 - u) * (max - min) * (max - mode));
		return (int) Math.round(x);
	}

	private EmploymentPotential pick(double a, EmploymentPotential first, double b, EmploymentPotential second,
			EmploymentPotential third) {
		double u = this.random.nextDouble();
		return (u < a) ? first : (u < b) ? second : third;
	}

	private Benefit pickBenefit(Benefit... benefits) {
		return benefits[this.random.nextInt(benefits.length)];
	}

	private Integer pickDepartments() {
		double u = this.random.nextDouble();
		return (u < 0.1) ? 0 : (u < 0.5) ? 1 : (u < 0.8) ? 2 : (u < 0.95) ? 3 : 4;
	}

	/** One person's state, changed period by period. */
	private static final class Person {

		String key;

		int firstPeriod;

		LocalDate birthday;

		int age;

		Benefit benefit;

		EmploymentPotential potential;

		final Set<Problem> problems = EnumSet.noneOf(Problem.class);

		boolean serviceActMeasures;

		boolean placedOutOfHome;

		Integer departments;

		boolean flexJob;

		boolean left;

		// a year older on each birthday; at 18 youth measures end, at 67 the old-age
		// pension begins
		void age(LocalDate date) {
			while (!this.birthday.isAfter(date)) {
				this.birthday = this.birthday.plusYears(1);
				this.age = Math.min(125, this.age + 1);
				if (this.age == 18) {
					this.placedOutOfHome = false;
					this.benefit = (this.benefit == Benefit.NONE) ? Benefit.EDUCATION_BENEFIT : this.benefit;
				}
				if (this.age >= 67) {
					this.benefit = Benefit.OLD_AGE_PENSION;
					this.flexJob = false;
				}
			}
		}

		void append(StringBuilder line, LocalDate date, boolean asRequest) {
			line.append('{');
			if (!asRequest) {
				line.append("\"period\":\"").append(date).append("\",\"personKey\":\"").append(this.key).append("\",");
			}
			line.append("\"citizenRef\":\"").append(this.key).append("\",\"age\":").append(this.age);
			if (asRequest) {
				line.append(",\"assessmentDate\":\"").append(date).append('"');
			}
			line.append(",\"benefit\":\"")
				.append(this.benefit)
				.append("\",\"employmentPotential\":\"")
				.append(this.potential)
				.append('"');
			if (!this.problems.isEmpty()) {
				line.append(",\"problems\":[");
				boolean first = true;
				for (Problem problem : this.problems) {
					line.append(first ? "\"" : ",\"").append(problem).append('"');
					first = false;
				}
				line.append(']');
			}
			if (this.placedOutOfHome) {
				line.append(",\"placedOutOfHome\":true");
			}
			if (this.serviceActMeasures) {
				line.append(",\"serviceActMeasures\":true");
			}
			if (this.departments != null) {
				line.append(",\"departmentsInvolved\":").append(this.departments);
			}
			if (this.flexJob && !asRequest) {
				line.append(",\"flexJob\":true");
			}
			line.append("}\n");
		}

	}

}
