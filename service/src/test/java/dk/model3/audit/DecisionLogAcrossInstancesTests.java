package dk.model3.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind one load balancer, each with its own decision-log folder in one
 * shared folder: whichever instance a caseworker's next request reaches finds the
 * decision, its review, and knows it was reviewed; every line names its instance.
 */
class DecisionLogAcrossInstancesTests {

	private static final String KEY = "replica-test-key-0123456789abcdefgh";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"),
			ZoneId.of("Europe/Copenhagen"));

	private static RuleVersions versions;

	@TempDir
	Path shared;

	private DecisionLog a;

	private DecisionLog b;

	@BeforeAll
	static void rules() {
		versions = new RuleVersions();
		new RuleLoader(RuleFolders.inDirectory(Path.of("../rules"))).loadAll(versions);
	}

	@BeforeEach
	void open() throws Exception {
		this.a = open("a");
		this.b = open("b");
	}

	@AfterEach
	void close() throws Exception {
		this.a.destroy();
		this.b.destroy();
	}

	@Test
	void writesTheInstanceOnEveryLine() throws Exception {
		String id = decide(this.a);
		this.a.reviewed(review(id, "a"));

		List<String> lines = Files.readAllLines(DecisionLogFiles.in(List.of(this.shared.resolve("a"))).get(0));
		assertThat(lines).hasSize(2).allSatisfy((line) -> assertThat(line).contains("\"instance\":\"a\""));
	}

	@Test
	void findsADecisionMadeByAnotherInstance() {
		String id = decide(this.a);

		assertThat(this.b.decision(id)).hasValueSatisfying((decision) -> {
			assertThat(decision.instance()).isEqualTo("a");
			assertThat(decision.rulesVersion()).isEqualTo("2023.01");
		});
		assertThat(this.b.decision(UUID.randomUUID().toString())).isEmpty();
	}

	@Test
	void aDecisionReviewedOnOneInstanceIsReviewedOnAll() {
		String id = decide(this.a);

		assertThat(this.b.reviewed(review(id, "b"))).isTrue();

		assertThat(this.a.reviewed(review(id, "a"))).as("a second review on the other instance").isFalse();
		assertThat(this.a.review(id)).hasValueSatisfying((review) -> assertThat(review.instance()).isEqualTo("b"));
		assertThat(this.a.reviews()).extracting(ReviewRecord::decisionId).containsExactly(id);
	}

	@Test
	void theCommandsReadEveryInstanceInASharedFolder() throws Exception {
		String id = decide(this.a);
		this.b.reviewed(review(id, "b"));

		List<Path> files = DecisionLogFiles.in(List.of(this.shared));

		assertThat(files).extracting((file) -> file.getParent().getFileName().toString()).containsExactly("a", "b");
		assertThat(DecisionLogFiles.reviews(files.get(1), (problem) -> {
		})).extracting(ReviewRecord::decisionId).containsExactly(id);
	}

	private DecisionLog open(String instance) throws Exception {
		// created by the log itself, owner-only: the instances run as one user
		Path folder = this.shared.resolve(instance);
		DecisionLog log = new DecisionLog(folder, new DailyFileAppender(folder, CLOCK, false),
				new CitizenRefHasher(KEY), CLOCK, Period.ofYears(5), instance, List.of(this.shared));
		log.open();
		return log;
	}

	private static String decide(DecisionLog log) {
		TriageRequest request = RequestReader.read(JsonMapper.builder().build().readTree("""
				{"citizenRef":"r-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
				 "problems":["HOMELESSNESS"],"rulesVersion":"2023.01"}""".getBytes(StandardCharsets.UTF_8)));
		String id = UUID.randomUUID().toString();
		log.decided(id, request, LocalDate.of(2024, 1, 1), versions.byId("2023.01").evaluate(request.profile()), 1000);
		return id;
	}

	private static ReviewRecord review(String decisionId, String instance) {
		return new ReviewRecord(ReviewRecord.KIND, decisionId, CLOCK.instant(), "caseworker",
				ReviewRecord.Result.ACCEPTED, null, null, null, null, null, "2023.01", "sha256:x", "T2-01", instance);
	}

}
