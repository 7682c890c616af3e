package dk.model3.spark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * Each person's course between consecutive periods of the data, under the rule version:
 * whether they enter the model (placed in a tier), leave it, change tier or responsible
 * area, or stay. A person without a row in a period is {@code ABSENT} there. Only pairs
 * of periods where the person is in the model at least once are listed.
 */
final class Courses {

	static final String FROM_PERIOD = "fromPeriod";

	static final String TO_PERIOD = "toPeriod";

	static final String COURSE = "course";

	static final String COHERENT = "coherent";

	static final String IN_MODEL_BOTH = "inModelBoth";

	static final String ABSENT = "ABSENT";

	private Courses() {
	}

	/**
	 * @param decisions the good rows: at most one per person and period
	 * @param periods every period of the data, oldest first
	 */
	static Dataset<Row> of(SparkSession spark, Dataset<Row> decisions, List<Date> periods) {
		Dataset<Row> pairs = pairs(spark, periods);
		Dataset<Row> view = decisions.select(col(Columns.PERSON_KEY), col(Columns.PERIOD), col(Columns.STATUS),
				col(Columns.TIER), col(Columns.AREA));
		Dataset<Row> from = view.join(broadcast(pairs), view.col(Columns.PERIOD).equalTo(pairs.col(FROM_PERIOD)))
			.select(col(Columns.PERSON_KEY), col(FROM_PERIOD), col(TO_PERIOD), col(Columns.STATUS).as("fromStatus"),
					col(Columns.TIER).as("fromTier"), col(Columns.AREA).as("fromArea"));
		Dataset<Row> to = view.join(broadcast(pairs), view.col(Columns.PERIOD).equalTo(pairs.col(TO_PERIOD)))
			.select(col(Columns.PERSON_KEY), col(FROM_PERIOD), col(TO_PERIOD), col(Columns.STATUS).as("toStatus"),
					col(Columns.TIER).as("toTier"), col(Columns.AREA).as("toArea"));
		Dataset<Row> joined = from.join(to, new String[] { Columns.PERSON_KEY, FROM_PERIOD, TO_PERIOD }, "full_outer");
		Column fromIn = coalesce(col("fromStatus").equalTo("PLACED"), lit(false));
		Column toIn = coalesce(col("toStatus").equalTo("PLACED"), lit(false));
		Column tierChanged = not(col("fromTier").eqNullSafe(col("toTier")));
		Column areaChanged = not(col("fromArea").eqNullSafe(col("toArea")));
		Column course = when(not(fromIn), lit("ENTERS")).when(not(toIn), lit("LEAVES"))
			.when(tierChanged.and(areaChanged), lit("CHANGES_TIER_AND_AREA"))
			.when(tierChanged, lit("CHANGES_TIER"))
			.when(areaChanged, lit("CHANGES_AREA"))
			.otherwise(lit("STAYS"));
		return joined.filter(fromIn.or(toIn))
			.select(col(Columns.PERSON_KEY), col(FROM_PERIOD), col(TO_PERIOD),
					coalesce(col("fromStatus"), lit(ABSENT)).as("fromStatus"), col("fromTier"), col("fromArea"),
					coalesce(col("toStatus"), lit(ABSENT)).as("toStatus"), col("toTier"), col("toArea"),
					course.as(COURSE), fromIn.and(toIn).as(IN_MODEL_BOTH),
					fromIn.and(toIn).and(not(areaChanged)).as(COHERENT));
	}

	// (fromPeriod, toPeriod) for each pair of consecutive periods
	private static Dataset<Row> pairs(SparkSession spark, List<Date> periods) {
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < periods.size(); i++) {
			rows.add(RowFactory.create(periods.get(i - 1), periods.get(i)));
		}
		StructType type = new StructType().add(FROM_PERIOD, DataTypes.DateType, false)
			.add(TO_PERIOD, DataTypes.DateType, false);
		return spark.createDataFrame(rows, type);
	}

}
