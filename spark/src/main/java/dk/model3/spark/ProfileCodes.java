package dk.model3.spark;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.expr;

/**
 * A profile packed into one {@code long}: the key by which rows share a decision. Spark
 * computes it from a row's columns ({@link #column}); a row read the exact way gets the
 * same code from {@link #encode}, and the executor that decides a code unpacks it with
 * {@link #decode}.
 *
 * <p>
 * Bits: age 0-6, benefit 7-10, potential 11-13, problems 14-27 (one per problem), the
 * four booleans 28-31, departments involved 32-36 (0 when not given, else the number plus
 * one).
 */
final class ProfileCodes {

	private static final Benefit[] BENEFITS = Benefit.values();

	private static final EmploymentPotential[] POTENTIALS = EmploymentPotential.values();

	private static final Problem[] PROBLEMS = Problem.values();

	static {
		if (BENEFITS.length > 16 || POTENTIALS.length > 8 || PROBLEMS.length > 14) {
			throw new IllegalStateException("the profile code has no room for the contract's values");
		}
	}

	private ProfileCodes() {
	}

	static long encode(Profile profile) {
		long problems = 0;
		for (Problem problem : profile.problems()) {
			problems |= 1L << problem.ordinal();
		}
		long departments = (profile.departmentsInvolved() != null) ? profile.departmentsInvolved() + 1 : 0;
		return profile.age() | ((long) profile.benefit().ordinal() << 7)
				| ((long) profile.employmentPotential().ordinal() << 11) | (problems << 14)
				| (profile.brainInjuryCoordination() ? 1L << 28 : 0) | (profile.measuresSentence() ? 1L << 29 : 0)
				| (profile.placedOutOfHome() ? 1L << 30 : 0) | (profile.serviceActMeasures() ? 1L << 31 : 0)
				| (departments << 32);
	}

	static Profile decode(long code) {
		Set<Problem> problems = EnumSet.noneOf(Problem.class);
		for (Problem problem : PROBLEMS) {
			if ((code & (1L << (14 + problem.ordinal()))) != 0) {
				problems.add(problem);
			}
		}
		int departments = (int) ((code >>> 32) & 31);
		return new Profile((int) (code & 127), BENEFITS[(int) ((code >>> 7) & 15)],
				POTENTIALS[(int) ((code >>> 11) & 7)], problems, (code & (1L << 28)) != 0, (code & (1L << 29)) != 0,
				(code & (1L << 30)) != 0, (code & (1L << 31)) != 0, (departments > 0) ? departments - 1 : null);
	}

	/**
	 * The code of a row read by Spark, as a column: only for rows whose values
	 * {@link FastRows} found to be exactly what the request reader accepts.
	 */
	static Column column() {
		return expr("cast(age as bigint)" + " | shiftleft(cast(array_position(" + names(BENEFITS)
				+ ", benefit) - 1 as bigint), 7)" + " | shiftleft(cast(coalesce(array_position(" + names(POTENTIALS)
				+ ", employmentPotential), " + (EmploymentPotential.UNKNOWN.ordinal() + 1) + ") - 1 as bigint), 11)"
				+ " | shiftleft(" + problemBits() + ", 14)"
				+ " | if(coalesce(brainInjuryCoordination, false), shiftleft(1L, 28), 0L)"
				+ " | if(coalesce(measuresSentence, false), shiftleft(1L, 29), 0L)"
				+ " | if(coalesce(placedOutOfHome, false), shiftleft(1L, 30), 0L)"
				+ " | if(coalesce(serviceActMeasures, false), shiftleft(1L, 31), 0L)"
				+ " | shiftleft(coalesce(cast(departmentsInvolved as bigint) + 1, 0L), 32)");
	}

	// one bit per problem, without a lambda (Spark runs those interpreted)
	static String problemBits() {
		StringBuilder bits = new StringBuilder("(0L");
		for (Problem problem : PROBLEMS) {
			bits.append(" | if(coalesce(array_contains(problems, '")
				.append(problem.name())
				.append("'), false), ")
				.append(1L << problem.ordinal())
				.append("L, 0L)");
		}
		return bits.append(")").toString();
	}

	/** The constants as a SQL array of strings. */
	static String names(Enum<?>[] values) {
		return java.util.Arrays.stream(values)
			.map((value) -> "'" + value.name() + "'")
			.collect(Collectors.joining(", ", "array(", ")"));
	}

}
