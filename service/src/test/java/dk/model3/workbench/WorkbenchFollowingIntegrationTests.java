package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import dk.model3.versions.VersionStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench on an instance that follows a shared repository (a new, empty one on a
 * local path, which this first instance seeds): a version approved here is in the shared
 * repository and active here with its checksum as soon as the approval answers, through
 * the follower's checks, long before the next poll (an hour away).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"triage.versions.enabled=true", "triage.versions.poll-interval=1h", "triage.workbench.ages=14,16-18,26,35,67",
		"triage.workbench.benefits=CASH_BENEFIT,EDUCATION_BENEFIT,RESOURCE_COURSE_BENEFIT,SICKNESS_BENEFIT,DISABILITY_PENSION,OLD_AGE_PENSION,NONE",
		"triage.workbench.max-problems=2", "triage.workbench.departments=0,2" })
class WorkbenchFollowingIntegrationTests {

	static final Path ROOT = WorkbenchApi.dataDirectory();

	static final Path USERS = WorkbenchApi.usersFile();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.versions.remote", () -> sharedRepository().toUri().toString());
		registry.add("triage.rules.dir", () -> ROOT.resolve("rules").toString());
		registry.add("triage.data-dir", () -> ROOT.resolve("data").toString());
		registry.add("triage.security.users-file", USERS::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	VersionStore store;

	@Test
	void anApprovalPublishesToTheSharedRepositoryAndActivatesOnThisInstanceAtOnce() throws IOException {
		WorkbenchApi api = new WorkbenchApi(this.port);
		HttpResponse<String> created = api.create("2023.02", "2029-01-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode checks = api.check("2023.02");
		assertThat(checks.path("passed").asBoolean()).as(checks.toString()).isTrue();
		long before = this.store.fetches();
		api.draft("2023.02", WorkbenchApi.POLICY);
		assertThat(this.store.fetches() - before).as("fetches of the shared repository for one draft's view")
			.isEqualTo(1);
		assertThat(api.post("/api/v1/drafts/2023.02/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		HttpResponse<String> approved = api.approve("2023.02", WorkbenchApi.PAULA, "on any instance");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(api.json(approved).path("state").asString()).isEqualTo("PUBLISHED");

		JsonNode listed = null;
		for (JsonNode version : api.json(api.get("/api/v1/rules", WorkbenchApi.POLICY)).path("versions")) {
			if (version.path("version").asString().equals("2023.02")) {
				listed = version;
			}
		}
		assertThat(listed).as("2023.02 in GET /api/v1/rules right after the approval").isNotNull();
		assertThat(listed.path("state").asString()).isEqualTo("ACTIVE");
		assertThat(listed.path("checksum").asString()).isEqualTo(checks.path("checksum").asString());
		assertThat(ROOT.resolve("rules/2023.02/version.yaml")).exists();
		try (Repository shared = FileRepositoryBuilder.create(sharedRepository().toFile())) {
			assertThat(shared.exactRef("refs/tags/published/2023.02")).isNotNull();
			assertThat(shared.exactRef("refs/tags/published/2023.01")).isNotNull();
		}
	}

	// created once, empty: the instance seeds it with the packaged versions
	private static synchronized Path sharedRepository() {
		Path remote = ROOT.resolve("shared.git");
		if (!Files.isDirectory(remote)) {
			try {
				Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
			}
			catch (GitAPIException ex) {
				throw new UncheckedIOException(new IOException(ex));
			}
		}
		return remote;
	}

}
