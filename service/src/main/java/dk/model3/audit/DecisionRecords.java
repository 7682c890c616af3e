package dk.model3.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records in the database: decisions, the caseworker's review of one and the reads of
 * a decision. Rows are only inserted here; {@link Retention} is the one delete. Reviews
 * are one per decision by the table's primary key, so two instances that record a review
 * of the same decision at once store one and refuse the other.
 */
public final class DecisionRecords {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final String DECISION_COLUMNS = "decision_id, decided_at, caseworker, instance, citizen_ref_hmac, "
			+ "assessment_date, rules_version, version_pinned, rules_checksum, status, tier, responsible_area, "
			+ "deciding_rule_id, details";

	static final String INSERT_DECISION = "INSERT INTO decisions (" + DECISION_COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String REVIEW_COLUMNS = "r.decision_id, r.reviewed_at, r.reviewer, r.instance, r.result, "
			+ "r.status, r.tier, r.responsible_area, r.reason, d.status AS recommended_status, "
			+ "d.tier AS recommended_tier, d.responsible_area AS recommended_area, d.rules_version, d.rules_checksum, "
			+ "d.deciding_rule_id";

	// a caseworker's newest decisions, in the order of the index decisions_by_caseworker
	// backwards: the database reads them off it and stops at the limit, with no sort of
	// all the caseworker's decisions in the period
	static final String OWN_DECISIONS = "SELECT d.decision_id, d.decided_at, d.status, d.tier, "
			+ "d.responsible_area, d.rules_version, r.result, r.status, r.tier, r.responsible_area "
			+ "FROM decisions d LEFT JOIN reviews r ON r.decision_id = d.decision_id "
			+ "WHERE d.caseworker = ? AND d.decided_at >= ? "
			+ "ORDER BY d.caseworker DESC, d.decided_at DESC, d.decision_id DESC LIMIT ?";

	private final JdbcClient jdbc;

	private final Durability durability;

	private final String instance;

	DecisionRecords(JdbcClient jdbc, Durability durability, String instance) {
		this.jdbc = jdbc;
		this.durability = durability;
		this.instance = instance;
	}

	/** The id of this instance, as its records name it. */
	public String instance() {
		return this.instance;
	}

	/** The decision with this id, whichever instance made it, within retention. */
	public Optional<DecisionRecord> decision(String decisionId) {
		if (decisionId == null || decisionId.length() > 36) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT " + DECISION_COLUMNS + " FROM decisions WHERE decision_id = ?")
			.param(decisionId)
			.query(DecisionRecords::decision)
			.optional();
	}

	/** The signed-in user who asked for the decision; empty when unknown. */
	public Optional<String> caseworker(String decisionId) {
		return this.jdbc.sql("SELECT caseworker FROM decisions WHERE decision_id = ?")
			.param(decisionId)
			.query(String.class)
			.optional();
	}

	/** The review of this decision, if it has one, from any instance. */
	public Optional<ReviewRecord> review(String decisionId) {
		if (decisionId == null || decisionId.length() > 36) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT " + REVIEW_COLUMNS
					+ " FROM reviews r JOIN decisions d ON d.decision_id = r.decision_id WHERE r.decision_id = ?")
			.param(decisionId)
			.query(DecisionRecords::review)
			.optional();
	}

	/**
	 * Stores a review, committed before this returns; false, and nothing stored, when the
	 * decision has a review already (from this or any other instance).
	 */
	public boolean reviewed(ReviewRecord review) {
		try {
			this.jdbc
				.sql("INSERT INTO reviews (decision_id, reviewed_at, reviewer, instance, result, status, tier, "
						+ "responsible_area, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(review.decisionId(), utc(review.time()), review.reviewer(), review.instance(),
						review.result().name(), name(review.status()), name(review.tier()),
						name(review.responsibleArea()), review.reason())
				.update();
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		this.durability.committed();
		return true;
	}

	/**
	 * Records that {@code reader} read the decision ({@code what}: the justification, a
	 * page).
	 */
	public void read(String decisionId, String reader, String what) {
		this.jdbc.sql("INSERT INTO decision_reads (decision_id, read_at, reader, what) VALUES (?, ?, ?, ?)")
			.params(decisionId, utc(Instant.now()), reader, what)
			.update();
		this.durability.committed();
	}

	/** Who read the decision, when and what, oldest first. */
	public List<Read> reads(String decisionId) {
		return this.jdbc
			.sql("SELECT reader, read_at, what FROM decision_reads WHERE decision_id = ? ORDER BY read_at, read_id")
			.param(decisionId)
			.query((row, number) -> new Read(row.getString(1), instant(row, 2), row.getString(3)))
			.list();
	}

	/**
	 * Counts of reviews by what they are about and what they say, of one rule version
	 * (all when null): the rows a summary of reviews adds up.
	 */
	public List<ReviewCount> reviewCounts(String version) {
		String columns = "d.rules_version, d.deciding_rule_id, d.status, d.tier, d.responsible_area, r.result, "
				+ "r.status, r.tier, r.responsible_area, r.reason";
		String sql = "SELECT " + columns + ", COUNT(*) FROM reviews r JOIN decisions d ON d.decision_id = r.decision_id"
				+ ((version != null) ? " WHERE d.rules_version = ?" : "") + " GROUP BY " + columns;
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (version != null) {
			statement = statement.param(version);
		}
		return statement
			.query((row, number) -> new ReviewCount(row.getString(1), row.getString(2),
					new ReviewRecord.Recommendation(value(Status.class, row.getString(3)),
							value(Tier.class, row.getString(4)), value(Area.class, row.getString(5))),
					ReviewRecord.Result.valueOf(row.getString(6)), value(Status.class, row.getString(7)),
					value(Tier.class, row.getString(8)), value(Area.class, row.getString(9)), row.getString(10),
					row.getLong(11)))
			.list();
	}

	/**
	 * A caseworker's own decisions of the last {@code days}, newest first, at most
	 * {@code limit}, each with its review if it has one.
	 */
	public List<OwnDecision> madeBy(String caseworker, Instant since, int limit) {
		return this.jdbc.sql(OWN_DECISIONS)
			.params(caseworker, utc(since), limit)
			.query((row, number) -> new OwnDecision(row.getString(1), instant(row, 2),
					value(Status.class, row.getString(3)), value(Tier.class, row.getString(4)),
					value(Area.class, row.getString(5)), row.getString(6),
					(row.getString(7) != null) ? ReviewRecord.Result.valueOf(row.getString(7)) : null,
					value(Status.class, row.getString(8)), value(Tier.class, row.getString(9)),
					value(Area.class, row.getString(10))))
			.list();
	}

	/**
	 * Every decision made in {@code [from, to)}, oldest first, with who asked for it and
	 * its review, streamed to {@code each}.
	 */
	public void decisionsBetween(Instant from, Instant to, Consumer<Exported> each) {
		this.jdbc.sql("SELECT d.*, r.reviewed_at, r.reviewer, r.instance AS review_instance, r.result, "
				+ "r.status AS reviewed_status, r.tier AS reviewed_tier, r.responsible_area AS reviewed_area, r.reason "
				+ "FROM decisions d LEFT JOIN reviews r ON r.decision_id = d.decision_id "
				+ "WHERE d.decided_at >= ? AND d.decided_at < ? ORDER BY d.decided_at, d.decision_id")
			.params(utc(from), utc(to))
			.query((ResultSet row) -> {
				DecisionRecord decision = decision(row, 0);
				ReviewRecord review = null;
				if (row.getString("result") != null) {
					DecisionRecord.Result outcome = decision.outcome();
					review = new ReviewRecord(ReviewRecord.KIND, decision.decisionId(), instant(row, "reviewed_at"),
							row.getString("reviewer"), ReviewRecord.Result.valueOf(row.getString("result")),
							value(Status.class, row.getString("reviewed_status")),
							value(Tier.class, row.getString("reviewed_tier")),
							value(Area.class, row.getString("reviewed_area")), row.getString("reason"),
							new ReviewRecord.Recommendation(outcome.status(), outcome.tier(),
									outcome.responsibleArea()),
							decision.rulesVersion(), decision.rulesChecksum(), decision.decidingRuleId(),
							row.getString("review_instance"));
				}
				each.accept(new Exported(decision, row.getString("caseworker"), review));
			});
	}

	static DecisionRecord decision(ResultSet row, int number) throws SQLException {
		Details details = JSON.readValue(row.getString("details"), Details.class);
		return new DecisionRecord(DecisionRecord.KIND, row.getString("decision_id"), instant(row, "decided_at"),
				row.getString("citizen_ref_hmac"), row.getObject("assessment_date", LocalDate.class),
				row.getString("rules_version"), row.getBoolean("version_pinned"), row.getString("rules_checksum"),
				details.facts(),
				new DecisionRecord.Result(value(Status.class, row.getString("status")),
						value(Tier.class, row.getString("tier")), value(Area.class, row.getString("responsible_area")),
						details.flags(), details.missingFacts()),
				details.ruleIds(), row.getString("deciding_rule_id"), details.whyNot(), row.getString("instance"));
	}

	private static ReviewRecord review(ResultSet row, int number) throws SQLException {
		return new ReviewRecord(ReviewRecord.KIND, row.getString("decision_id"), instant(row, "reviewed_at"),
				row.getString("reviewer"), ReviewRecord.Result.valueOf(row.getString("result")),
				value(Status.class, row.getString("status")), value(Tier.class, row.getString("tier")),
				value(Area.class, row.getString("responsible_area")), row.getString("reason"),
				new ReviewRecord.Recommendation(value(Status.class, row.getString("recommended_status")),
						value(Tier.class, row.getString("recommended_tier")),
						value(Area.class, row.getString("recommended_area"))),
				row.getString("rules_version"), row.getString("rules_checksum"), row.getString("deciding_rule_id"),
				row.getString("instance"));
	}

	/** The values of a decision's row, in the order of {@link #INSERT_DECISION}. */
	static Object[] row(DecisionRecord decision, String caseworker) {
		DecisionRecord.Result outcome = decision.outcome();
		String details = JSON.writeValueAsString(new Details(decision.facts(), outcome.flags(), outcome.missingFacts(),
				decision.ruleIds(), decision.whyNot()));
		return new Object[] { decision.decisionId(), utc(decision.time()), caseworker, decision.instance(),
				decision.citizenRefHmac(), decision.assessmentDate(), decision.rulesVersion(), decision.versionPinned(),
				decision.rulesChecksum(), name(outcome.status()), name(outcome.tier()), name(outcome.responsibleArea()),
				decision.decidingRuleId(), details };
	}

	static OffsetDateTime utc(Instant time) {
		return time.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	/** What a decision's row holds as JSON: the lists and the facts. */
	record Details(Map<String, Object> facts, List<Flag> flags, List<String> missingFacts, List<String> ruleIds,
			List<DecisionRecord.RuledOut> whyNot) {

	}

	/** One read of a decision. */
	public record Read(String reader, Instant time, String what) {

	}

	/** How many reviews of recommendations of one kind said the same. */
	public record ReviewCount(String rulesVersion, String decidingRuleId, ReviewRecord.Recommendation recommended,
			ReviewRecord.Result result, Status status, Tier tier, Area responsibleArea, String reason, long count) {

	}

	/** One of a caseworker's own decisions, with their review of it if any. */
	public record OwnDecision(String decisionId, Instant time, Status status, Tier tier, Area responsibleArea,
			String rulesVersion, ReviewRecord.Result review, Status reviewedStatus, Tier reviewedTier,
			Area reviewedArea) {

	}

	/** A decision as the export writes it: with who asked for it and its review. */
	public record Exported(DecisionRecord decision, String caseworker, ReviewRecord review) {

	}

}
