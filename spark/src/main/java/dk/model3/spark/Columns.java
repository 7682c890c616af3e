package dk.model3.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a classified row: where it came from, who and when, the decision under
 * the rule version (and the compared one), or why it was rejected.
 */
final class Columns {

	static final String SOURCE = "source";

	static final String LINE = "line";

	static final String PERIOD = "period";

	static final String PERSON_KEY = "personKey";

	static final String CITIZEN_REF = "citizenRef";

	static final String ASSESSMENT_DATE = "assessmentDate";

	static final String STATUS = "status";

	static final String TIER = "tier";

	static final String AREA = "responsibleArea";

	static final String FLAGS = "flags";

	static final String RULE_IDS = "ruleIds";

	static final String RULES_VERSION = "rulesVersion";

	static final String RULES_CHECKSUM = "rulesChecksum";

	static final String RESPONSE = "response";

	static final String COMPARE = "compare";

	static final String REJECT_KIND = "rejectKind";

	static final String REJECT_REASON = "rejectReason";

	/**
	 * The decision columns, once for the rule version and once prefixed for the compared
	 * one.
	 */
	static final String[] DECISION = { STATUS, TIER, AREA, FLAGS, RULE_IDS, RULES_VERSION, RULES_CHECKSUM, RESPONSE };

	static final StructType CLASSIFIED = classified();

	private Columns() {
	}

	static String compared(String column) {
		return COMPARE + Character.toUpperCase(column.charAt(0)) + column.substring(1);
	}

	private static StructType classified() {
		StructType type = new StructType().add(SOURCE, DataTypes.StringType, false)
			.add(LINE, DataTypes.LongType, false)
			.add(PERIOD, DataTypes.DateType)
			.add(PERSON_KEY, DataTypes.StringType)
			.add(CITIZEN_REF, DataTypes.StringType)
			.add(ASSESSMENT_DATE, DataTypes.DateType);
		for (String prefix : new String[] { "", COMPARE }) {
			for (String column : DECISION) {
				type = type.add(prefix.isEmpty() ? column : compared(column), typeOf(column));
			}
		}
		return type.add(REJECT_KIND, DataTypes.StringType).add(REJECT_REASON, DataTypes.StringType);
	}

	private static DataType typeOf(String column) {
		return (column.equals(FLAGS) || column.equals(RULE_IDS))
				? DataTypes.createArrayType(DataTypes.StringType, false) : DataTypes.StringType;
	}

}
