package dk.model3.spark;

/**
 * The job's column names: where a row came from, who and when, its profile code and
 * decision class under the rule version (and the compared one), or why it was rejected.
 */
final class Columns {

	static final String SOURCE = "source";

	static final String BLOCK_START = "blockStart";

	static final String ORDINAL = "ordinal";

	static final String TEXT = "text";

	static final String LINE = "line";

	static final String PERIOD = "period";

	static final String PERSON_KEY = "personKey";

	static final String PERSON_HASH = "personHash";

	static final String CITIZEN_REF = "citizenRef";

	static final String ASSESSMENT_DATE = "assessmentDate";

	static final String CODE = "profileCode";

	static final String FLEX_JOB = ExactRows.FLEX_JOB;

	static final String DECISION = "decision";

	static final String STATUS = "status";

	static final String TIER = "tier";

	static final String AREA = "responsibleArea";

	static final String FLAGS = "flags";

	static final String RULE_IDS = "ruleIds";

	static final String RULES_VERSION = "rulesVersion";

	static final String RULES_CHECKSUM = "rulesChecksum";

	static final String COMPARE = "compare";

	static final String REJECT_KIND = "rejectKind";

	static final String REJECT_REASON = "rejectReason";

	private Columns() {
	}

	static String compared(String column) {
		return COMPARE + Character.toUpperCase(column.charAt(0)) + column.substring(1);
	}

}
