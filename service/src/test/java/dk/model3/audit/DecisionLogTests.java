package dk.model3.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding decisions and reviews again, after a restart and a crash, and storage
 * limitation: days older than the retention period go, with their decisions and reviews.
 */
class DecisionLogTests {

	private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

	private static final String KEY = "retention-test-key-0123456789abcdef";

	private static RuleVersions versions;

	@TempDir
	Path directory;

	@BeforeAll
	static void rules() {
		versions = new RuleVersions();
		new RuleLoader(RuleFolders.inDirectory(Path.of("../rules"))).loadAll(versions);
	}

	@Test
	void deletesTheDaysBeforeTheRetentionPeriodAtStart() throws Exception {
		String old = decideOn(LocalDate.of(2020, 3, 1));
		String kept = decideOn(LocalDate.of(2020, 3, 2));
		DecisionLog log = open(LocalDate.of(2025, 3, 2), Period.ofYears(5));
		assertThat(log.decision(old)).isEmpty();
		assertThat(log.decision(kept)).isPresent();
		assertThat(DailyFileAppender.file(this.directory, LocalDate.of(2020, 3, 1))).doesNotExist();
		assertThat(DailyFileAppender.file(this.directory, LocalDate.of(2020, 3, 2))).exists();
		log.destroy();
	}

	@Test
	void deletesExpiredDaysAndTheirReviewsWhenTheLogTurnsToANewDay() throws Exception {
		MovableClock clock = new MovableClock(LocalDate.of(2024, 1, 10));
		DecisionLog log = new DecisionLog(this.directory, new DailyFileAppender(this.directory, clock, false),
				new CitizenRefHasher(KEY), clock, Period.ofDays(30), "instance-1", List.of());
		log.open();
		String first = decide(log);
		log.reviewed(
				new ReviewRecord(ReviewRecord.KIND, first, clock.instant(), "caseworker", ReviewRecord.Result.ACCEPTED,
						null, null, null, null, null, "2023.01", "sha256:x", "T2-01", "instance-1"));
		clock.day = LocalDate.of(2024, 2, 9);
		String second = decide(log);
		assertThat(log.decision(first)).isPresent();
		clock.day = LocalDate.of(2024, 2, 10);
		decide(log);
		assertThat(log.decision(first)).isEmpty();
		assertThat(log.review(first)).isEmpty();
		assertThat(log.reviews()).isEmpty();
		assertThat(log.decision(second)).isPresent();
		assertThat(DailyFileAppender.file(this.directory, LocalDate.of(2024, 1, 10))).doesNotExist();
		log.destroy();
	}

	@Test
	void findsDecisionsAndReviewsAgainAfterARestart() throws Exception {
		String id = decideOn(LocalDate.of(2024, 5, 1));
		DecisionLog log = open(LocalDate.of(2024, 5, 1), Period.ofYears(5));
		assertThat(log.reviewed(new ReviewRecord(ReviewRecord.KIND, id, Instant.parse("2024-05-01T10:00:00Z"),
				"caseworker", ReviewRecord.Result.ACCEPTED, null, null, null, null, null, "2023.01", "sha256:x",
				"T2-01", "instance-1")))
			.isTrue();
		log.destroy();
		DecisionLog restarted = open(LocalDate.of(2024, 6, 1), Period.ofYears(5));
		assertThat(restarted.decision(id)).hasValueSatisfying((record) -> {
			assertThat(record.decidingRuleId()).isEqualTo("T2-01");
			assertThat(record.whyNot()).extracting(DecisionRecord.RuledOut::tier)
				.containsExactlyInAnyOrder(dk.model3.facts.Tier.EMPLOYMENT_ONLY, dk.model3.facts.Tier.PENSION_SOCIAL);
		});
		assertThat(restarted.review(id)).isPresent();
		assertThat(restarted.reviewed(restarted.review(id).orElseThrow())).isFalse();
		restarted.destroy();
	}

	@Test
	void startsAndFindsTheOtherDecisionsAfterACrashCutALineOff() throws Exception {
		String kept = decideOn(LocalDate.of(2024, 5, 1));
		Path file = DailyFileAppender.file(this.directory, LocalDate.of(2024, 5, 1));
		java.nio.file.Files.writeString(file, "{\"kind\":\"decision\",\"decisionId\":\"cut-o",
				java.nio.file.StandardOpenOption.APPEND);
		DecisionLog log = open(LocalDate.of(2024, 5, 1), Period.ofYears(5));
		assertThat(log.decision(kept)).isPresent();
		assertThat(log.decision("cut-o")).isEmpty();
		log.destroy();
	}

	private DecisionLog open(LocalDate today, Period retention) throws Exception {
		Clock clock = Clock.fixed(today.atTime(12, 0).atZone(COPENHAGEN).toInstant(), COPENHAGEN);
		DecisionLog log = new DecisionLog(this.directory, new DailyFileAppender(this.directory, clock, false),
				new CitizenRefHasher(KEY), clock, retention, "instance-1", List.of());
		log.open();
		return log;
	}

	private String decideOn(LocalDate day) throws Exception {
		DecisionLog log = open(day, Period.ofYears(100));
		String id = decide(log);
		log.destroy();
		return id;
	}

	private static String decide(DecisionLog log) {
		TriageRequest request = RequestReader.read(JsonMapper.builder().build().readTree("""
				{"citizenRef":"r-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
				 "problems":["HOMELESSNESS"],"rulesVersion":"2023.01"}""".getBytes(StandardCharsets.UTF_8)));
		String id = UUID.randomUUID().toString();
		log.decided(id, request, LocalDate.of(2024, 1, 1), versions.byId("2023.01").evaluate(request.profile()), 1000);
		return id;
	}

	/** A clock a test moves from day to day. */
	private static final class MovableClock extends Clock {

		LocalDate day;

		MovableClock(LocalDate day) {
			this.day = day;
		}

		@Override
		public ZoneId getZone() {
			return COPENHAGEN;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.day.atTime(12, 0).atZone(COPENHAGEN).toInstant();
		}

	}

}
