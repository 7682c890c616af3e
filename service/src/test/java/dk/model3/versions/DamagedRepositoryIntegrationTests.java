package dk.model3.versions;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dk.model3.HttpTestClient;
import dk.model3.TriageApplication;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One damaged object in {@code versions.git} never stops triage: after a restart the
 * service serves from the folder it last activated, readiness names the repository and
 * the object, and the workbench answers a problem (the API) or a page saying so.
 */
class DamagedRepositoryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REQUEST = """
			{"citizenRef": "damaged-1", "age": 40, "benefit": "CASH_BENEFIT",
			 "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}""";

	@TempDir
	Path directory;

	@Test
	void servesTriageAfterARestartWithATruncatedObjectAndTheWorkbenchReportsIt() throws Exception {
		Path data = this.directory.resolve("data");
		String[] served = new String[2];
		run(data, (context, http) -> {
			JsonNode answer = JSON.readTree(http.post("/api/v1/triage", HttpTestClient.CASEWORKER, REQUEST).body());
			served[0] = answer.path("rulesVersion").asString();
			served[1] = answer.path("rulesChecksum").asString();
			assertThat(http.get("/api/v1/drafts", HttpTestClient.POLICY).statusCode()).isEqualTo(200);
		});
		String object = truncateBlob(data.resolve("versions.git"), served[0] + "/tiers.drl");

		run(data, (context, http) -> {
			HttpResponse<String> triage = http.post("/api/v1/triage", HttpTestClient.CASEWORKER, REQUEST);
			assertThat(triage.statusCode()).as(triage.body()).isEqualTo(200);
			JsonNode answer = JSON.readTree(triage.body());
			assertThat(answer.path("rulesVersion").asString()).isEqualTo(served[0]);
			assertThat(answer.path("rulesChecksum").asString()).isEqualTo(served[1]);
			assertThat(http.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

			HttpResponse<String> drafts = http.get("/api/v1/drafts", HttpTestClient.POLICY);
			assertThat(drafts.statusCode()).as(drafts.body()).isEqualTo(503);
			assertThat(drafts.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = JSON.readTree(drafts.body());
			assertThat(problem.path("type").asString()).endsWith("repository-damaged");
			assertThat(problem.path("object").asString()).isEqualTo(object);
			assertThat(problem.path("detail").asString()).contains("versions.git", object);
			HttpResponse<String> created = http.post("/api/v1/drafts", HttpTestClient.POLICY,
					"{\"id\":\"2091.01\",\"from\":\"2023.01\",\"inForceFrom\":\"2091-01-01\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(503);
			HttpResponse<String> page = http.get("/workbench", HttpTestClient.POLICY);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("Regelværkstedet er ude af drift", object);

			Map<String, Object> details = context.getBean("rulesHealthIndicator", HealthIndicator.class)
				.health()
				.getDetails();
			assertThat(details.get("workbench")).isInstanceOfSatisfying(Map.class, (workbench) -> {
				assertThat(workbench.get("status")).isEqualTo("DOWN");
				assertThat(workbench.get("repository")).isEqualTo(data.resolve("versions.git").toString());
				assertThat(workbench.get("object")).isEqualTo(object);
			});
		});
	}

	// the blob of a file on main, cut to half its length: what a disk or a copy that
	// stopped halfway leaves
	private static String truncateBlob(Path gitDirectory, String path) throws Exception {
		ObjectId blob;
		try (Repository repository = FileRepositoryBuilder.create(gitDirectory.toFile());
				RevWalk walk = new RevWalk(repository)) {
			ObjectId main = repository.resolve("refs/heads/main");
			blob = TreeWalk.forPath(repository, path, walk.parseCommit(main).getTree()).getObjectId(0);
		}
		Path file = gitDirectory.resolve("objects")
			.resolve(blob.name().substring(0, 2))
			.resolve(blob.name().substring(2));
		assertThat(file).as("a loose object").exists();
		file.toFile().setWritable(true);
		try (RandomAccessFile object = new RandomAccessFile(file.toFile(), "rw")) {
			object.setLength(Files.size(file) / 2);
		}
		return blob.name();
	}

	private static void run(Path data, ContextCalls calls) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TriageApplication.class).run(
				"--server.port=0", "--triage.data-dir=" + data, "--triage.rules.watch=false",
				"--triage.versions.enabled=true")) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			calls.accept(context, new HttpTestClient(port));
		}
	}

	interface ContextCalls {

		void accept(ConfigurableApplicationContext context, HttpTestClient http) throws Exception;

	}

}
