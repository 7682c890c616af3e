package dk.model3.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dk.model3.authoring.RuleCopies;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload under load: while clients triage continuously, a good edit of a version in
 * force is swapped in and a broken one refused, and no request fails. Every response
 * names the version and checksum that produced it. The folder watcher is off here: the
 * admin endpoint triggers each reload, so the test knows exactly when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "triage.rules.watch=false", "triage.rules.completeness=quick" })
class RuleReloadIntegrationTests {

	static final Path RULES = RuleCopies.copy(temporaryFolder());

	static final String REQUEST = """
			{"citizenRef": "load-%d", "age": 27, "rulesVersion": "2021.03", "benefit": "CASH_BENEFIT",
			 "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}""";

	static final String UNPINNED = """
			{"citizenRef": "kept-%d", "age": 40, "assessmentDate": "2024-06-01", "benefit": "CASH_BENEFIT",
			 "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}""";

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("triage.rules.dir", RULES::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	record Stamp(long sequence, int status, String version, String checksum) {
	}

	@Test
	void swapsAGoodEditInAndRefusesABrokenOneWithoutFailingARequest() throws Exception {
		Http http = new Http(this.port);
		String original = checksum(http, "2021.03");
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong sequence = new AtomicLong();
		ConcurrentLinkedQueue<Stamp> stamps = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> load = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			load.add(clients.submit(() -> {
				while (running.get()) {
					long n = sequence.incrementAndGet();
					HttpResponse<String> response = http.post("/api/v1/triage", Http.POLICY, REQUEST.formatted(n));
					JsonNode body = (response.statusCode() == 200) ? Http.json(response) : null;
					stamps.add(new Stamp(n, response.statusCode(),
							(body != null) ? body.path("rulesVersion").asString() : null,
							(body != null) ? body.path("rulesChecksum").asString() : null));
				}
			}));
		}
		awaitRequests(stamps, 20);

		// a good edit of the version in force: a comment changes, the checksum with it
		RuleCopies.edit(RULES.resolve("2021.03/tiers.drl"), "// Which outcome a citizen gets.",
				"// Which outcome a citizen gets (edited).");
		JsonNode activated = Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, ""));
		JsonNode good = reloaded(activated, "2021.03");
		assertThat(good.path("outcome").asString()).isEqualTo("ACTIVATED");
		assertThat(good.path("previousChecksum").asString()).isEqualTo(original);
		String edited = good.path("checksum").asString();
		assertThat(edited).isNotEqualTo(original).startsWith("sha256:");
		assertThat(checksum(http, "2021.03")).isEqualTo(edited);
		long afterGood = sequence.get();
		awaitRequests(stamps, stamps.size() + 20);

		// a broken edit: a syntax error in the same file
		RuleCopies.edit(RULES.resolve("2021.03/tiers.drl"),
				"\tVeryComplex()\n\tProfile( employmentPotential == EmploymentPotential.PRESENT )\nthen",
				"\tVeryComplex()\n\tProfile( employmentPotential == EmploymentPotential.PRESENT \nthen");
		JsonNode refused = reloaded(Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, "")), "2021.03");
		assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED");
		long afterBroken = sequence.get();
		awaitRequests(stamps, stamps.size() + 20);
		running.set(false);
		for (Future<?> client : load) {
			client.get();
		}
		clients.shutdown();

		assertThat(stamps).isNotEmpty().allSatisfy((stamp) -> {
			assertThat(stamp.status()).as("request %d", stamp.sequence()).isEqualTo(200);
			assertThat(stamp.version()).isEqualTo("2021.03");
			assertThat(stamp.checksum()).isIn(original, edited);
		});
		// once the good edit was in, nobody got the original again; the broken one never
		// served
		assertThat(stamps).filteredOn((stamp) -> stamp.sequence() > afterGood)
			.isNotEmpty()
			.allSatisfy((stamp) -> assertThat(stamp.checksum()).isEqualTo(edited));
		assertThat(stamps).filteredOn((stamp) -> stamp.sequence() > afterBroken).isNotEmpty();

		JsonNode version = version(http, "2021.03");
		assertThat(version.path("state").asString()).isEqualTo("ACTIVE");
		assertThat(version.path("checksum").asString()).isEqualTo(edited);
		JsonNode problem = version.path("refusal").path("problems").get(0);
		assertThat(version.path("refusal").path("checksum").asString()).isNotIn(original, edited);
		assertThat(problem.path("location").asString()).matches("2021\\.03/tiers\\.drl:\\d+:\\d+");
		assertThat(problem.path("line").asInt()).isPositive();

		assertThat(this.meters.get("triage.rules.reloads").tag("outcome", "activated").counter().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("triage.rules.reloads").tag("outcome", "refused").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void activatesANewVersionFolderAndServesItsCatalogue() throws Exception {
		Http http = new Http(this.port);
		Path staging = Files.createTempDirectory("staging").resolve("2099.01");
		copyFolder(RULES.resolve("2023.01"), staging);
		RuleCopies.edit(staging.resolve("version.yaml"), "id: \"2023.01\"", "id: \"2099.01\"");
		RuleCopies.edit(staging.resolve("version.yaml"), "inForceFrom: 2023-01-01", "inForceFrom: 2099-01-01");
		Files.move(staging, RULES.resolve("2099.01"));

		JsonNode result = Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, ""));

		assertThat(reloaded(result, "2099.01").path("outcome").asString()).isEqualTo("ACTIVATED");
		assertThat(reloaded(result, "2023.01").path("outcome").asString()).isEqualTo("UNCHANGED");
		assertThat(version(http, "2099.01").path("inForceFrom").asString()).isEqualTo("2099-01-01");
		assertThat(this.meters.get("triage.rules.versions.active").gauge().value()).isGreaterThanOrEqualTo(3);
		HttpResponse<String> page = http.get("/rules/2099.01", Http.CASEWORKER);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Regelkatalog").contains("F-04").contains("2099-01-01");
		assertThat(http.get("/rules/1999.01", Http.CASEWORKER).statusCode()).isEqualTo(404);

		JsonNode again = Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, ""));
		assertThat(again.path("reloaded"))
			.allSatisfy((entry) -> assertThat(entry.path("outcome").asString()).isEqualTo("UNCHANGED"));
	}

	@Test
	void keepsServingAVersionWhoseFolderIsDeletedAndRewrittenWhileTriagesRunAndNeverAnOlderOne() throws Exception {
		Http http = new Http(this.port);
		Path folder = RULES.resolve("2023.01");
		String original = checksum(http, "2023.01");
		Path saved = Files.createTempDirectory("saved").resolve("2023.01");
		copyFolder(folder, saved);
		double keptBefore = count("kept");
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong sequence = new AtomicLong();
		ConcurrentLinkedQueue<Stamp> stamps = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(3);
		List<Future<?>> load = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			load.add(clients.submit(() -> {
				while (running.get()) {
					long n = sequence.incrementAndGet();
					// no version pinned: the one in force on the date decides (2023.01)
					HttpResponse<String> response = http.post("/api/v1/triage", Http.POLICY, UNPINNED.formatted(n));
					JsonNode body = (response.statusCode() == 200) ? Http.json(response) : null;
					stamps.add(new Stamp(n, response.statusCode(),
							(body != null) ? body.path("rulesVersion").asString() : null,
							(body != null) ? body.path("rulesChecksum").asString() : null));
				}
			}));
		}
		awaitRequests(stamps, 20);

		// the folder vanishes: kept, counted once
		deleteFolder(folder);
		JsonNode gone = Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, ""));
		assertThat(reloaded(gone, "2023.01").path("outcome").asString()).isEqualTo("KEPT");
		awaitRequests(stamps, stamps.size() + 20);
		JsonNode again = Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, ""));
		assertThat(again.path("reloaded").findValuesAsString("version")).doesNotContain("2023.01");
		assertThat(count("kept")).isEqualTo(keptBefore + 1);

		// half-written: the rule files without version.yaml, then version.yaml with one
		// rule file
		Files.createDirectories(folder);
		Files.copy(saved.resolve("tiers.drl"), folder.resolve("tiers.drl"));
		http.post("/api/v1/admin/rules/reload", Http.POLICY, "");
		awaitRequests(stamps, stamps.size() + 20);
		Files.copy(saved.resolve("version.yaml"), folder.resolve("version.yaml"));
		JsonNode half = Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, ""));
		assertThat(reloaded(half, "2023.01").path("outcome").asString()).isEqualTo("REFUSED");
		awaitRequests(stamps, stamps.size() + 20);

		// written whole again: the same version, still serving
		deleteFolder(folder);
		copyFolder(saved, folder);
		http.post("/api/v1/admin/rules/reload", Http.POLICY, "");
		long whole = sequence.get();
		awaitRequests(stamps, stamps.size() + 20);
		running.set(false);
		for (Future<?> client : load) {
			client.get();
		}
		clients.shutdown();

		assertThat(stamps).isNotEmpty().allSatisfy((stamp) -> {
			assertThat(stamp.status()).as("request %d", stamp.sequence()).isEqualTo(200);
			assertThat(stamp.version()).as("request %d", stamp.sequence()).isEqualTo("2023.01");
			assertThat(stamp.checksum()).isEqualTo(original);
		});
		assertThat(stamps).filteredOn((stamp) -> stamp.sequence() > whole).isNotEmpty();
		assertThat(version(http, "2023.01").path("state").asString()).isEqualTo("ACTIVE");
		assertThat(checksum(http, "2023.01")).isEqualTo(original);
	}

	@Test
	void refusesAVersionThatComesIntoForceOnTheDayAnotherDoes() throws Exception {
		Http http = new Http(this.port);
		Path folder = newVersion("2023.02", "2023-01-01");

		JsonNode refused = reloaded(Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, "")), "2023.02");

		assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED");
		JsonNode problem = refused.path("problems").get(0);
		assertThat(problem.path("file").asString()).isEqualTo("2023.02/version.yaml");
		assertThat(problem.path("line").asInt())
			.isEqualTo(RuleCopies.lineOf(folder.resolve("version.yaml"), "inForceFrom:"));
		assertThat(problem.path("message").asString()).contains("2023-01-01", "2023.01");
		assertThat(version(http, "2023.01").path("state").asString()).isEqualTo("ACTIVE");
		assertThat(version(http, "2023.02").path("state").asString()).isEqualTo("REFUSED");
	}

	@Test
	void refusesAVersionWithAGapItsScenariosMissBeforeItEverServes() throws Exception {
		Http http = new Http(this.port);
		Path folder = newVersion("2094.01", "2094-01-01");
		// 30 year olds without employment potential, not on disability or old-age
		// pension,
		// with two departments get no outcome: no scenario has one
		RuleCopies.edit(folder.resolve("tiers.drl"),
				"\tAdult()\n\tLacksEmploymentPotential()\n\tnot OldAgePensioner()\n",
				"\tAdult()\n\tLacksEmploymentPotential()\n\tnot OldAgePensioner()\n"
						+ "\tProfile( age != 30 || departmentsInvolved == null || departmentsInvolved != 2 )\n");

		JsonNode refused = reloaded(Http.json(http.post("/api/v1/admin/rules/reload", Http.POLICY, "")), "2094.01");

		assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED");
		assertThat(refused.path("problems").findValuesAsString("message"))
			.anySatisfy((message) -> assertThat(message).contains("completeness:", "get no outcome"));
		assertThat(version(http, "2094.01").path("state").asString()).isEqualTo("REFUSED");
		HttpResponse<String> gap = http.post("/api/v1/triage", Http.CASEWORKER, """
				{"citizenRef": "gap-1", "age": 30, "rulesVersion": "2094.01", "benefit": "DISABILITY_PENSION",
				 "departmentsInvolved": 2}""");
		assertThat(gap.statusCode()).isEqualTo(404);
	}

	@Test
	void showsCaseworkersTheServingVersionsAndTheirDatesOnly() throws Exception {
		Http http = new Http(this.port);
		Path folder = newVersion("2095.01", "2095-01-01");
		RuleCopies.edit(folder.resolve("tiers.drl"), "\tChild()\nthen", "\tChild(\nthen");
		http.post("/api/v1/admin/rules/reload", Http.POLICY, "");

		HttpResponse<String> caseworker = http.get("/api/v1/rules", Http.CASEWORKER);
		assertThat(caseworker.statusCode()).isEqualTo(200);
		JsonNode seen = Http.json(caseworker);
		assertThat(seen.has("source")).isFalse();
		assertThat(caseworker.body()).doesNotContain(RULES.getParent().getFileName().toString(), "refusal", "tiers.drl",
				"2095.01");
		assertThat(seen.path("versions").findValuesAsString("version")).contains("2021.03", "2023.01");
		assertThat(seen.path("versions").get(0).path("inForceFrom").asString()).isEqualTo("2021-05-01");

		HttpResponse<String> policy = http.get("/api/v1/rules", Http.POLICY);
		assertThat(Http.json(policy).path("source").asString()).contains(RULES.getParent().getFileName().toString());
		assertThat(policy.body()).contains("2095.01/tiers.drl");
	}

	private static Path newVersion(String id, String inForceFrom) throws IOException {
		Path staging = Files.createTempDirectory("staging").resolve(id);
		copyFolder(RULES.resolve("2023.01"), staging);
		RuleCopies.edit(staging.resolve("version.yaml"), "id: \"2023.01\"", "id: \"" + id + "\"");
		RuleCopies.edit(staging.resolve("version.yaml"), "inForceFrom: 2023-01-01", "inForceFrom: " + inForceFrom);
		Files.move(staging, RULES.resolve(id));
		return RULES.resolve(id);
	}

	private static void deleteFolder(Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(folder);
	}

	private double count(String outcome) {
		var counter = this.meters.find("triage.rules.reloads").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static JsonNode reloaded(JsonNode result, String version) {
		for (JsonNode entry : result.path("reloaded")) {
			if (entry.path("version").asString().equals(version)) {
				return entry;
			}
		}
		throw new AssertionError("no reload result for " + version + " in " + result);
	}

	private static JsonNode version(Http http, String version) {
		HttpResponse<String> response = http.get("/api/v1/rules", Http.POLICY);
		assertThat(response.statusCode()).isEqualTo(200);
		for (JsonNode entry : Http.json(response).path("versions")) {
			if (entry.path("version").asString().equals(version)) {
				return entry;
			}
		}
		throw new AssertionError("no version " + version + " in " + response.body());
	}

	private static String checksum(Http http, String version) {
		return version(http, version).path("checksum").asString();
	}

	private static void awaitRequests(ConcurrentLinkedQueue<Stamp> stamps, int count) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (stamps.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("reload-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void copyFolder(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (var files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

}
