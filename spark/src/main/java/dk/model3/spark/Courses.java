package dk.model3.spark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Each person's course between consecutive periods of the data, under the rule version:
 * whether they enter the model (placed in a tier), leave it, change tier or responsible
 * area, or stay. A person without a row in a period is {@code ABSENT} there. Only pairs
 * of periods where the person is in the model at least once are listed.
 *
 * <p>
 * Read from the job's rows after the shuffle by person, in period order: each row gives
 * the pair that ends at its period (from the person's row before, if that is the period
 * before, else from {@code ABSENT}), and the pair that starts at it when the person has
 * no row in the next period.
 */
final class Courses {

	static final String FROM_PERIOD = "fromPeriod";

	static final String TO_PERIOD = "toPeriod";

	static final String COURSE = "course";

	static final String COHERENT = "coherent";

	static final String AREA_STABLE = "areaStable";

	static final String YOUTH_HAND_OVER = "youthHandOver";

	/**
	 * Flags by which a 15-17-year-old is placed under the youth rules: the hand-over to
	 * the adult effort at 18 is the course those rules plan.
	 */
	static final List<String> YOUTH_FLAGS = List.of("YOUTH_15_17_EXCEPTION", "TRANSITION_TO_ADULTHOOD");

	static final String IN_MODEL_BOTH = "inModelBoth";

	static final String ABSENT = "ABSENT";

	private Courses() {
	}

	/**
	 * @param decisions the good rows, partitioned by person and sorted by period: at most
	 * one per person and period
	 * @param periods every period of the data, oldest first
	 * @param classes the decision classes by id
	 */
	static Dataset<Row> of(Dataset<Row> decisions, List<Date> periods, Map<Long, DecisionClass> classes) {
		WindowSpec byPerson = Window.partitionBy(Columns.PERSON_KEY).orderBy(Columns.PERIOD);
		Column before = lookup(periods, -1, col(Columns.PERIOD));
		Column after = lookup(periods, 1, col(Columns.PERIOD));
		Column previous = col("previousPeriod");
		Column previousDecision = col("previousDecision");
		Column next = col("nextPeriod");
		// the pair ending here, and the pair starting here when the person leaves the
		// register
		Column arriving = when(before.isNotNull(), struct(before.as(FROM_PERIOD), col(Columns.PERIOD).as(TO_PERIOD),
				when(previous.eqNullSafe(before), previousDecision).as("from"), col(Columns.DECISION).as("to"),
				when(previous.eqNullSafe(before), col("previousCode")).as("fromCode"), col(Columns.CODE).as("toCode")));
		Column leaving = when(after.isNotNull().and(not(next.eqNullSafe(after))),
				struct(col(Columns.PERIOD).as(FROM_PERIOD), after.as(TO_PERIOD), col(Columns.DECISION).as("from"),
						lit(null).cast("long").as("to"), col(Columns.CODE).as("fromCode"),
						lit(null).cast("long").as("toCode")));
		Dataset<Row> pairs = decisions
			.select(col(Columns.PERSON_KEY), col(Columns.PERIOD), col(Columns.DECISION), col(Columns.CODE),
					lag(Columns.PERIOD, 1).over(byPerson).as("previousPeriod"),
					lag(Columns.DECISION, 1).over(byPerson).as("previousDecision"),
					lag(Columns.CODE, 1).over(byPerson).as("previousCode"),
					lead(Columns.PERIOD, 1).over(byPerson).as("nextPeriod"))
			.select(col(Columns.PERSON_KEY), explode(array(arriving, leaving)).as("pair"))
			.filter(col("pair").isNotNull())
			.select(col(Columns.PERSON_KEY), col("pair.*"));
		Column fromStatus = element_at(field(classes, 0), col("from"));
		Column toStatus = element_at(field(classes, 0), col("to"));
		Column fromIn = coalesce(fromStatus.equalTo("PLACED"), lit(false));
		Column toIn = coalesce(toStatus.equalTo("PLACED"), lit(false));
		Column fromTier = element_at(field(classes, 1), col("from"));
		Column toTier = element_at(field(classes, 1), col("to"));
		Column fromArea = element_at(field(classes, 2), col("from"));
		Column toArea = element_at(field(classes, 2), col("to"));
		// the age is the code's low seven bits (ProfileCodes)
		Column fromAge = col("fromCode").bitwiseAND(127L);
		Column toAge = col("toCode").bitwiseAND(127L);
		Column youth = element_at(youthClasses(classes), col("from"));
		Column handOver = fromIn.and(toIn)
			.and(fromAge.between(15, 17))
			.and(toAge.geq(18))
			.and(coalesce(youth, lit(false)));
		Column tierChanged = not(fromTier.eqNullSafe(toTier));
		Column areaChanged = not(fromArea.eqNullSafe(toArea));
		Column course = when(not(fromIn), lit("ENTERS")).when(not(toIn), lit("LEAVES"))
			.when(tierChanged.and(areaChanged), lit("CHANGES_TIER_AND_AREA"))
			.when(tierChanged, lit("CHANGES_TIER"))
			.when(areaChanged, lit("CHANGES_AREA"))
			.otherwise(lit("STAYS"));
		return pairs.filter(fromIn.or(toIn))
			.select(col(Columns.PERSON_KEY), col(FROM_PERIOD), coalesce(fromStatus, lit(ABSENT)).as("fromStatus"),
					fromTier.as("fromTier"), fromArea.as("fromArea"), coalesce(toStatus, lit(ABSENT)).as("toStatus"),
					toTier.as("toTier"), toArea.as("toArea"), course.as(COURSE), fromIn.and(toIn).as(IN_MODEL_BOTH),
					fromIn.and(toIn).and(not(areaChanged)).as(AREA_STABLE), handOver.as(YOUTH_HAND_OVER),
					fromIn.and(toIn).and(not(areaChanged).or(handOver)).as(COHERENT), col(TO_PERIOD));
	}

	// the period before or after each period, as a map column
	private static Column lookup(List<Date> periods, int step, Column period) {
		List<Column> entries = new ArrayList<>();
		for (int i = Math.max(0, -step); i < periods.size() && i + step < periods.size(); i++) {
			entries.add(lit(periods.get(i)));
			entries.add(lit(periods.get(i + step)));
		}
		if (entries.isEmpty()) {
			return lit(null).cast("date");
		}
		return element_at(map(entries.toArray(Column[]::new)), period);
	}

	// whether each class carries a flag of the youth rules, as a map column
	private static Column youthClasses(Map<Long, DecisionClass> classes) {
		List<Column> entries = new ArrayList<>();
		for (DecisionClass decisionClass : classes.values()) {
			if (!decisionClass.isRejected()) {
				entries.add(lit(decisionClass.id()));
				entries.add(lit(decisionClass.flags().stream().anyMatch(YOUTH_FLAGS::contains)));
			}
		}
		if (entries.isEmpty()) {
			return map().cast("map<bigint,boolean>");
		}
		return map(entries.toArray(Column[]::new));
	}

	// status (0), tier (1) or area (2) of each class, as a map column
	private static Column field(Map<Long, DecisionClass> classes, int which) {
		List<Column> entries = new ArrayList<>();
		for (DecisionClass decisionClass : classes.values()) {
			if (decisionClass.isRejected()) {
				continue;
			}
			entries.add(lit(decisionClass.id()));
			entries.add(lit(switch (which) {
				case 0 -> decisionClass.status();
				case 1 -> decisionClass.tier();
				default -> decisionClass.area();
			}).cast("string"));
		}
		if (entries.isEmpty()) {
			return map().cast("map<bigint,string>");
		}
		return map(entries.toArray(Column[]::new));
	}

}
