package dk.model3.decisions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dk.model3.HttpTestClient;
import dk.model3.TestDatabases;
import dk.model3.TriageApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one PostgreSQL, as behind a load balancer: a decision
 * made on one is justified and reviewed on the other; a review sent to both at once is
 * stored once, the other refused; a database that refuses writes turns triage into 503
 * and readiness DOWN on the instance, which recovers by itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoInstancesOnPostgresIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REQUEST = """
			{"citizenRef":"two-%d","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"],"assessmentDate":"2024-03-01"}""";

	@TempDir
	static Path directory;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static HttpTestClient httpA;

	static HttpTestClient httpB;

	@BeforeAll
	static void start() {
		TestDatabases.Postgres postgres = TestDatabases.postgres();
		a = start("a", postgres);
		b = start("b", postgres);
		httpA = client(a);
		httpB = client(b);
	}

	@AfterAll
	static void stop() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	@Test
	void justifiesAndReviewsOnOneInstanceADecisionMadeOnTheOther() {
		String id = decide(httpA, 0);
		var justification = httpB.get("/api/v1/decisions/" + id + "/justification", HttpTestClient.CASEWORKER);
		assertThat(justification.statusCode()).isEqualTo(200);
		assertThat(justification.body()).contains(id, "Lag 2: tværgående samarbejde");
		var review = review(httpB, id);
		assertThat(review.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(review.body()).path("instance").asString()).isEqualTo("b");
		var again = review(httpA, id);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(again.body()).path("type").asString())
			.isEqualTo("urn:model3:problem:already-reviewed");
	}

	@Test
	void storesExactlyOneOfTwoReviewsSentToBothInstancesAtOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 1; round <= 50; round++) {
				String id = decide((round % 2 == 0) ? httpA : httpB, round);
				CountDownLatch go = new CountDownLatch(1);
				List<CompletableFuture<Integer>> answers = new ArrayList<>();
				for (HttpTestClient http : List.of(httpA, httpB)) {
					answers.add(CompletableFuture.supplyAsync(() -> {
						try {
							go.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						return review(http, id).statusCode();
					}, threads));
				}
				go.countDown();
				List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
				assertThat(statuses).as("round " + round).containsExactly(201, 409);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void answers503AndTurnsReadinessDownWhileTheDatabaseRefusesWritesThenRecovers(CapturedOutput output)
			throws Exception {
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		// every new decision now breaks a rule of the table, as a full disk refuses it
		jdbc.sql("ALTER TABLE decisions ADD CONSTRAINT refuse_all CHECK (false) NOT VALID").update();
		try {
			for (int i = 0; i < 3; i++) {
				var refused = httpA.post("/api/v1/triage", HttpTestClient.CASEWORKER, REQUEST.formatted(100 + i));
				assertThat(refused.statusCode()).isEqualTo(503);
				assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(JSON.readTree(refused.body()).path("type").asString())
					.isEqualTo("urn:model3:problem:records-unavailable");
			}
			assertThat(httpA.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
			// one warning, no stack trace per request
			assertThat(output.getOut().lines().filter((line) -> line.contains("Records database refuses writes")))
				.hasSize(1);
			assertThat(output.getOut()).doesNotContain("\tat org.postgresql");
		}
		finally {
			jdbc.sql("ALTER TABLE decisions DROP CONSTRAINT refuse_all").update();
		}
		long until = System.currentTimeMillis() + 15_000;
		while (httpA.get("/actuator/health/readiness", null).statusCode() != 200
				&& System.currentTimeMillis() < until) {
			Thread.sleep(250);
		}
		assertThat(httpA.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		decide(httpA, 200);
	}

	private static String decide(HttpTestClient http, int n) {
		var answer = http.post("/api/v1/triage", HttpTestClient.CASEWORKER, REQUEST.formatted(n));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body()).path("decisionId").asString();
	}

	private static java.net.http.HttpResponse<String> review(HttpTestClient http, String id) {
		return http.post("/api/v1/decisions/" + id + "/review", HttpTestClient.CASEWORKER, "{\"result\":\"ACCEPTED\"}");
	}

	private static ConfigurableApplicationContext start(String instance, TestDatabases.Postgres postgres) {
		return new SpringApplicationBuilder(TriageApplication.class).run("--server.port=0",
				"--triage.instance-id=" + instance, "--triage.data-dir=" + directory.resolve(instance),
				"--triage.rules.watch=false", "--triage.audit.key=two-instances-share-this-key-0123456789",
				"--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=" + postgres.user(),
				"--spring.datasource.password=" + postgres.password());
	}

	private static HttpTestClient client(ConfigurableApplicationContext context) {
		return new HttpTestClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

}
