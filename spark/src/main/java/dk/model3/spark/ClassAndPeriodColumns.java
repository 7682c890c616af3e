package dk.model3.spark;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.broadcast;

/**
 * What the courses, the outcomes and the decisions need to know of a row's decision class
 * and period, joined to every row from two small tables by broadcast joins (a hash probe
 * each; a map column would be searched entry by entry): the class's status, tier,
 * responsible area and whether it places the person under the youth rules; the periods of
 * the data before and after the row's, and the periods nearest 1, 2 and 3 years on
 * ({@link #nearest}). The joins keep the rows' partitions and order.
 */
final class ClassAndPeriodColumns {

	static final String YOUTH = "youth";

	static final String PERIOD_BEFORE = "periodBefore";

	static final String PERIOD_AFTER = "periodAfter";

	private ClassAndPeriodColumns() {
	}

	static String horizon(int years) {
		return "horizon" + years;
	}

	/**
	 * @param rows rows with a decision class under the version ({@link Columns#DECISION})
	 * and a period
	 * @param classes the decision classes by id (the version's and any other's)
	 * @param periods every period of the data, oldest first
	 */
	static Dataset<Row> attach(SparkSession spark, Dataset<Row> rows, Map<Long, DecisionClass> classes,
			List<Date> periods) {
		StructType classType = new StructType().add("classId", DataTypes.LongType, false)
			.add(Columns.STATUS, DataTypes.StringType)
			.add(Columns.TIER, DataTypes.StringType)
			.add(Columns.AREA, DataTypes.StringType)
			.add(YOUTH, DataTypes.BooleanType, false);
		List<Row> classRows = new ArrayList<>();
		for (DecisionClass decisionClass : classes.values()) {
			if (!decisionClass.isRejected()) {
				classRows.add(RowFactory.create(decisionClass.id(), decisionClass.status(), decisionClass.tier(),
						decisionClass.area(), decisionClass.flags().stream().anyMatch(Courses.YOUTH_FLAGS::contains)));
			}
		}
		StructType periodType = new StructType().add("periodId", DataTypes.DateType, false)
			.add(PERIOD_BEFORE, DataTypes.DateType)
			.add(PERIOD_AFTER, DataTypes.DateType);
		for (int years : Outcomes.YEARS) {
			periodType = periodType.add(horizon(years), DataTypes.DateType);
		}
		List<Row> periodRows = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			List<Object> values = new ArrayList<>();
			values.add(periods.get(i));
			values.add((i > 0) ? periods.get(i - 1) : null);
			values.add((i + 1 < periods.size()) ? periods.get(i + 1) : null);
			for (int years : Outcomes.YEARS) {
				values.add(nearest(periods, periods.get(i), years));
			}
			periodRows.add(RowFactory.create(values.toArray()));
		}
		Dataset<Row> classTable = spark.createDataFrame(classRows, classType);
		Dataset<Row> periodTable = spark.createDataFrame(periodRows, periodType);
		Dataset<Row> withClass = rows.join(broadcast(classTable),
				rows.col(Columns.DECISION).equalTo(classTable.col("classId")));
		return withClass
			.join(broadcast(periodTable), withClass.col(Columns.PERIOD).equalTo(periodTable.col("periodId")))
			.drop("classId", "periodId");
	}

	/**
	 * The period of the data nearest the day {@code years} after the given one, within
	 * {@value Outcomes#TOLERANCE_DAYS} days (the earlier of two as near); null where the
	 * data has none.
	 */
	static Date nearest(List<Date> periods, Date from, int years) {
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
		return (nearest != null && best <= Outcomes.TOLERANCE_DAYS) ? nearest : null;
	}

}
