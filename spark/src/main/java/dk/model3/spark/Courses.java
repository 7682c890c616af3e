package dk.model3.spark;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
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
	 * one per person and period, with their class's and period's columns
	 * ({@link ClassAndPeriodColumns})
	 */
	static Dataset<Row> of(Dataset<Row> decisions) {
		WindowSpec byPerson = Window.partitionBy(Columns.PERSON_HASH, Columns.PERSON_KEY).orderBy(Columns.PERIOD);
		Column before = col(ClassAndPeriodColumns.PERIOD_BEFORE);
		Column after = col(ClassAndPeriodColumns.PERIOD_AFTER);
		Column previous = col("previousPeriod");
		Column next = col("nextPeriod");
		Column follows = previous.eqNullSafe(before);
		// the pair ending here, and the pair starting here when the person leaves the
		// register
		Column arriving = when(before.isNotNull(), struct(before.as(FROM_PERIOD), col(Columns.PERIOD).as(TO_PERIOD),
				when(follows, col("previousStatus")).as("fromStatus"),
				when(follows, col("previousTier")).as("fromTier"), when(follows, col("previousArea")).as("fromArea"),
				when(follows, col("previousYouth")).as("fromYouth"), when(follows, col("previousCode")).as("fromCode"),
				col(Columns.STATUS).as("toStatus"), col(Columns.TIER).as("toTier"), col(Columns.AREA).as("toArea"),
				col(Columns.CODE).as("toCode")));
		Column leaving = when(after.isNotNull().and(not(next.eqNullSafe(after))),
				struct(col(Columns.PERIOD).as(FROM_PERIOD), after.as(TO_PERIOD), col(Columns.STATUS).as("fromStatus"),
						col(Columns.TIER).as("fromTier"), col(Columns.AREA).as("fromArea"),
						col(ClassAndPeriodColumns.YOUTH).as("fromYouth"), col(Columns.CODE).as("fromCode"),
						lit(null).cast("string").as("toStatus"), lit(null).cast("string").as("toTier"),
						lit(null).cast("string").as("toArea"), lit(null).cast("long").as("toCode")));
		Dataset<Row> pairs = decisions
			.select(col(Columns.PERSON_KEY), col(Columns.PERIOD), col(Columns.STATUS), col(Columns.TIER),
					col(Columns.AREA), col(ClassAndPeriodColumns.YOUTH), col(Columns.CODE), before, after,
					lag(Columns.PERIOD, 1).over(byPerson).as("previousPeriod"),
					lag(Columns.STATUS, 1).over(byPerson).as("previousStatus"),
					lag(Columns.TIER, 1).over(byPerson).as("previousTier"),
					lag(Columns.AREA, 1).over(byPerson).as("previousArea"),
					lag(ClassAndPeriodColumns.YOUTH, 1).over(byPerson).as("previousYouth"),
					lag(Columns.CODE, 1).over(byPerson).as("previousCode"),
					lead(Columns.PERIOD, 1).over(byPerson).as("nextPeriod"))
			.select(col(Columns.PERSON_KEY), explode(array(arriving, leaving)).as("pair"))
			.filter(col("pair").isNotNull())
			.select(col(Columns.PERSON_KEY), col("pair.*"));
		Column fromStatus = col("fromStatus");
		Column toStatus = col("toStatus");
		Column fromIn = coalesce(fromStatus.equalTo("PLACED"), lit(false));
		Column toIn = coalesce(toStatus.equalTo("PLACED"), lit(false));
		Column fromTier = col("fromTier");
		Column toTier = col("toTier");
		Column fromArea = col("fromArea");
		Column toArea = col("toArea");
		// the age is the code's low seven bits (ProfileCodes)
		Column fromAge = col("fromCode").bitwiseAND(127L);
		Column toAge = col("toCode").bitwiseAND(127L);
		Column handOver = fromIn.and(toIn)
			.and(fromAge.between(15, 17))
			.and(toAge.geq(18))
			.and(coalesce(col("fromYouth"), lit(false)));
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

}
