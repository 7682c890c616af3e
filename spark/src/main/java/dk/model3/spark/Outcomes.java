package dk.model3.spark;

import java.util.ArrayList;
import java.util.List;

import dk.model3.facts.Benefit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Each person's state 1, 2 and 3 years after their first placement in a tier (seed 004:
 * "afgang til job eller uddannelse eller afklaring til anden ydelse"), read from the
 * register's own columns: the benefit and {@code flexJob}.
 *
 * <p>
 * The first placement is the person's first period in the data with status
 * {@code PLACED}; its tier and flags are the person's at entry. The state at h years is
 * the person's row in the period nearest the day h years after the entry (the earlier of
 * two as near), if that period is at most {@value #TOLERANCE_DAYS} days from it; when the
 * data has no such period, the person is not counted at h years. The state, in this
 * order:
 * <ul>
 * <li>{@code NOT_IN_REGISTER}: no row in that period (moved, died, left the register);
 * <li>{@code SAME_BENEFIT}: the benefit (and flex job) at entry;
 * <li>{@code FLEX_JOB}: in a flex job, or approved for one and on its unemployment
 * benefit ({@code FLEXJOB_UNEMPLOYMENT_BENEFIT});
 * <li>{@code DISABILITY_PENSION};
 * <li>{@code EDUCATION_BENEFIT};
 * <li>{@code OFF_BENEFIT}: no benefit ({@code NONE}): in work, in education without
 * benefit, or self-supporting;
 * <li>{@code OTHER_BENEFIT}: any other benefit (also the old-age pension).
 * </ul>
 */
final class Outcomes {

	static final List<Integer> YEARS = List.of(1, 2, 3);

	static final int TOLERANCE_DAYS = 31;

	/** The states, in the order the summary and the report list them. */
	static final List<String> STATES = List.of("OFF_BENEFIT", "EDUCATION_BENEFIT", "FLEX_JOB", "DISABILITY_PENSION",
			"SAME_BENEFIT", "OTHER_BENEFIT", "NOT_IN_REGISTER");

	static final String ENTRY_PERIOD = "entryPeriod";

	static final String ENTRY_DECISION = "entryDecision";

	static final String YEARS_AFTER = "years";

	static final String AT_PERIOD = "atPeriod";

	static final String OUTCOME = "outcome";

	private Outcomes() {
	}

	/**
	 * @param decisions the good rows, partitioned by person and sorted by period: at most
	 * one per person and period, with the profile code, {@code flexJob} and their class's
	 * and period's columns ({@link ClassAndPeriodColumns})
	 * @return one row per person and year after the entry that the data covers:
	 * personKey, entryPeriod, entryDecision, entryTier, entryBenefit, years, atPeriod,
	 * benefit, flexJob, outcome
	 */
	static Dataset<Row> of(Dataset<Row> decisions) {
		// each person's rows in period order, in their partition from the shuffle by
		// person: a window finds the entry, one grouping per person the states at the
		// horizons
		WindowSpec person = Window.partitionBy(Columns.PERSON_HASH, Columns.PERSON_KEY)
			.orderBy(Columns.PERIOD)
			.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
		List<Column> entryFields = new ArrayList<>(List.of(col(Columns.PERIOD), col(Columns.DECISION),
				col(Columns.TIER), col(Columns.CODE), col(Columns.FLEX_JOB)));
		for (int years : YEARS) {
			entryFields.add(col(ClassAndPeriodColumns.horizon(years)));
		}
		Column entry = first(when(col(Columns.STATUS).equalTo("PLACED"), struct(entryFields.toArray(Column[]::new))),
				true)
			.over(person);
		Dataset<Row> withEntry = decisions
			.select(col(Columns.PERSON_HASH), col(Columns.PERSON_KEY), col(Columns.PERIOD), col(Columns.CODE),
					col(Columns.FLEX_JOB), entry.as("entry"))
			.filter(col("entry").isNotNull());
		List<Column> states = new ArrayList<>();
		List<Column> horizons = new ArrayList<>();
		for (int years : YEARS) {
			Column at = col("entry." + ClassAndPeriodColumns.horizon(years));
			states.add(
					first(when(col(Columns.PERIOD).equalTo(at), struct(col(Columns.CODE), col(Columns.FLEX_JOB))), true)
						.as("state" + years));
			horizons.add(struct(lit(years).as(YEARS_AFTER), at.as(AT_PERIOD), col("state" + years).as("state")));
		}
		Dataset<Row> people = withEntry.groupBy(col(Columns.PERSON_HASH), col(Columns.PERSON_KEY))
			.agg(first(col("entry")).as("entry"), states.toArray(Column[]::new));
		Dataset<Row> followed = people
			.select(col(Columns.PERSON_KEY), col("entry." + Columns.PERIOD).as(ENTRY_PERIOD),
					col("entry." + Columns.DECISION).as(ENTRY_DECISION), col("entry." + Columns.TIER).as("entryTier"),
					benefit(col("entry." + Columns.CODE)).as("entryBenefit"),
					col("entry." + Columns.FLEX_JOB).as("entryFlexJob"),
					explode(array(horizons.toArray(Column[]::new))).as("h"))
			.filter(col("h." + AT_PERIOD).isNotNull())
			.select(col(Columns.PERSON_KEY), col(ENTRY_PERIOD), col(ENTRY_DECISION), col("entryTier"),
					col("entryBenefit"), col("entryFlexJob"), col("h." + YEARS_AFTER).as(YEARS_AFTER),
					col("h." + AT_PERIOD).as(AT_PERIOD), col("h.state").isNotNull().as("present"),
					benefit(col("h.state." + Columns.CODE)).as("benefit"),
					col("h.state." + Columns.FLEX_JOB).as("flexJob"));
		Column benefit = col("benefit");
		Column flexJob = col("flexJob");
		Column outcome = when(not(col("present")), lit("NOT_IN_REGISTER"))
			.when(benefit.equalTo(col("entryBenefit")).and(flexJob.equalTo(col("entryFlexJob"))), lit("SAME_BENEFIT"))
			.when(flexJob.or(benefit.equalTo(Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT.name())), lit("FLEX_JOB"))
			.when(benefit.equalTo(Benefit.DISABILITY_PENSION.name()), lit("DISABILITY_PENSION"))
			.when(benefit.equalTo(Benefit.EDUCATION_BENEFIT.name()), lit("EDUCATION_BENEFIT"))
			.when(benefit.equalTo(Benefit.NONE.name()), lit("OFF_BENEFIT"))
			.otherwise(lit("OTHER_BENEFIT"));
		return followed.select(col(Columns.PERSON_KEY), col(ENTRY_PERIOD), col(ENTRY_DECISION), col("entryTier"),
				col("entryBenefit"), col(YEARS_AFTER), col(AT_PERIOD), benefit, flexJob, outcome.as(OUTCOME));
	}

	// the benefit's name from the profile code's bits 7-10 (ProfileCodes)
	private static Column benefit(Column code) {
		return element_at(expr(ProfileCodes.names(Benefit.values())),
				shiftright(code, 7).bitwiseAND(15L).cast("int").plus(1));
	}

}
