package dk.model3.spark;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Benefit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.min_by;
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
	 * @param decisions the good rows: at most one per person and period, with the profile
	 * code and {@code flexJob}
	 * @param periods every period of the data, oldest first
	 * @param classes the decision classes by id
	 * @return one row per person and year after the entry that the data covers:
	 * personKey, entryPeriod, entryDecision, entryTier, entryBenefit, years, atPeriod,
	 * benefit, flexJob, outcome
	 */
	static Dataset<Row> of(Dataset<Row> decisions, List<Date> periods, Map<Long, DecisionClass> classes) {
		Column placed = element_at(placedClasses(classes), col(Columns.DECISION));
		Dataset<Row> entries = decisions.filter(placed)
			.groupBy(Columns.PERSON_KEY)
			.agg(min_by(struct(col(Columns.PERIOD), col(Columns.DECISION), col(Columns.CODE), col(Columns.FLEX_JOB)),
					col(Columns.PERIOD))
				.as("entry"));
		List<Column> horizons = new ArrayList<>();
		for (int years : YEARS) {
			horizons.add(struct(lit(years).as(YEARS_AFTER),
					horizon(periods, years, col("entry." + Columns.PERIOD)).as(AT_PERIOD)));
		}
		Dataset<Row> followed = entries
			.select(col(Columns.PERSON_KEY), col("entry." + Columns.PERIOD).as(ENTRY_PERIOD),
					col("entry." + Columns.DECISION).as(ENTRY_DECISION),
					benefit(col("entry." + Columns.CODE)).as("entryBenefit"),
					col("entry." + Columns.FLEX_JOB).as("entryFlexJob"),
					explode(array(horizons.toArray(Column[]::new))).as("h"))
			.filter(col("h." + AT_PERIOD).isNotNull())
			.select(col(Columns.PERSON_KEY), col(ENTRY_PERIOD), col(ENTRY_DECISION), col("entryBenefit"),
					col("entryFlexJob"), col("h." + YEARS_AFTER).as(YEARS_AFTER), col("h." + AT_PERIOD).as(AT_PERIOD));
		Dataset<Row> states = decisions.select(col(Columns.PERSON_KEY).as("stateKey"),
				col(Columns.PERIOD).as("statePeriod"), benefit(col(Columns.CODE)).as("benefit"),
				col(Columns.FLEX_JOB).as("flexJob"));
		Dataset<Row> joined = followed.join(states,
				followed.col(Columns.PERSON_KEY)
					.equalTo(states.col("stateKey"))
					.and(followed.col(AT_PERIOD).equalTo(states.col("statePeriod"))),
				"left");
		Column benefit = col("benefit");
		Column flexJob = col("flexJob");
		Column outcome = when(col("stateKey").isNull(), lit("NOT_IN_REGISTER"))
			.when(benefit.equalTo(col("entryBenefit")).and(flexJob.equalTo(col("entryFlexJob"))), lit("SAME_BENEFIT"))
			.when(flexJob.or(benefit.equalTo(Benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT.name())), lit("FLEX_JOB"))
			.when(benefit.equalTo(Benefit.DISABILITY_PENSION.name()), lit("DISABILITY_PENSION"))
			.when(benefit.equalTo(Benefit.EDUCATION_BENEFIT.name()), lit("EDUCATION_BENEFIT"))
			.when(benefit.equalTo(Benefit.NONE.name()), lit("OFF_BENEFIT"))
			.otherwise(lit("OTHER_BENEFIT"));
		return joined.select(col(Columns.PERSON_KEY), col(ENTRY_PERIOD), col(ENTRY_DECISION),
				element_at(tiers(classes), col(ENTRY_DECISION)).as("entryTier"), col("entryBenefit"), col(YEARS_AFTER),
				col(AT_PERIOD), benefit, flexJob, outcome.as(OUTCOME));
	}

	/**
	 * The period of the data nearest the day {@code years} after each period, within
	 * {@value #TOLERANCE_DAYS} days, as a map column; null where the data has none.
	 */
	static Column horizon(List<Date> periods, int years, Column period) {
		List<Column> entries = new ArrayList<>();
		for (Date from : periods) {
			LocalDate target = from.toLocalDate().plusYears(years);
			Date nearest = null;
			long best = Long.MAX_VALUE;
			for (Date candidate : periods) {
				long distance = Math.abs(ChronoUnit.DAYS.between(target, candidate.toLocalDate()));
				if (distance < best) {
					best = distance;
					nearest = candidate;
				}
			}
			if (nearest != null && best <= TOLERANCE_DAYS) {
				entries.add(lit(from));
				entries.add(lit(nearest));
			}
		}
		if (entries.isEmpty()) {
			return lit(null).cast("date");
		}
		return element_at(map(entries.toArray(Column[]::new)), period);
	}

	// the benefit's name from the profile code's bits 7-10 (ProfileCodes)
	private static Column benefit(Column code) {
		return element_at(expr(ProfileCodes.names(Benefit.values())),
				shiftright(code, 7).bitwiseAND(15L).cast("int").plus(1));
	}

	private static Column placedClasses(Map<Long, DecisionClass> classes) {
		List<Column> entries = new ArrayList<>();
		for (DecisionClass decisionClass : classes.values()) {
			if (!decisionClass.isRejected()) {
				entries.add(lit(decisionClass.id()));
				entries.add(lit("PLACED".equals(decisionClass.status())));
			}
		}
		if (entries.isEmpty()) {
			return map().cast("map<bigint,boolean>");
		}
		return map(entries.toArray(Column[]::new));
	}

	private static Column tiers(Map<Long, DecisionClass> classes) {
		List<Column> entries = new ArrayList<>();
		for (DecisionClass decisionClass : classes.values()) {
			if (!decisionClass.isRejected() && decisionClass.tier() != null) {
				entries.add(lit(decisionClass.id()));
				entries.add(lit(decisionClass.tier()));
			}
		}
		if (entries.isEmpty()) {
			return map().cast("map<bigint,string>");
		}
		return map(entries.toArray(Column[]::new));
	}

}
