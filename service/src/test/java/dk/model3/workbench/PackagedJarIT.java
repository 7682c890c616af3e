package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as operations run it: the packaged jar ({@code java -jar}, nested jars and
 * the Spring Boot loader's class loader) started from an empty folder, with its built-in
 * rules and the embedded database. Every other test runs on Maven's flat class path,
 * which hid that the workbench's checks could not compile in the jar. Run by failsafe
 * after {@code package}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {

	private Process service;

	private Path folder;

	private WorkbenchApi api;

	@BeforeAll
	void start() throws IOException {
		Path jar = Path.of(System.getProperty("triage.jar", "target/triage-service.jar")).toAbsolutePath();
		assertThat(jar).as("the packaged service (mvn package)").exists();
		this.folder = Files.createTempDirectory("packaged-jar");
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(java, "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
						"--triage.data-dir=" + this.folder.resolve("data"), "--triage.workbench.ages=14,16-18,26,35,67",
						"--triage.workbench.benefits=CASH_BENEFIT,EDUCATION_BENEFIT,RESOURCE_COURSE_BENEFIT,"
								+ "SICKNESS_BENEFIT,DISABILITY_PENSION,OLD_AGE_PENSION,NONE",
						"--triage.workbench.max-problems=2", "--triage.workbench.departments=0,2"))
			.directory(this.folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("service.log").toFile());
		builder.environment().put("TRIAGE_CASEWORKER_PASSWORD", "test-caseworker-password");
		builder.environment().put("TRIAGE_POLICY_PASSWORD", "test-policy-password");
		this.service = builder.start();
		this.api = new WorkbenchApi(port);
		long deadline = System.nanoTime() + HttpTestClient.HANG_GUARD.toNanos();
		while (!ready()) {
			assertThat(this.service.isAlive()).as("the service ended before it was ready: %s", log()).isTrue();
			assertThat(System.nanoTime()).as("the service was not ready in time: %s", log()).isLessThan(deadline);
			WorkbenchApi.sleep(200);
		}
	}

	@AfterAll
	void stop() throws InterruptedException, IOException {
		if (this.service != null) {
			this.service.destroy();
			if (!this.service.waitFor(1, TimeUnit.MINUTES)) {
				this.service.destroyForcibly().waitFor();
			}
		}
		if (this.folder != null) {
			FileSystemUtils.deleteRecursively(this.folder);
		}
	}

	@Test
	void aTriageIsAnsweredUnderTheBuiltInRules() {
		HttpResponse<String> answer = this.api.post("/api/v1/triage", WorkbenchApi.CASEWORKER, """
				{"citizenRef": "packaged-1", "age": 40, "benefit": "CASH_BENEFIT",
				 "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}""");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode body = this.api.json(answer);
		assertThat(body.path("rulesVersion").asString()).isEqualTo("2023.01");
		assertThat(body.path("tier").asString()).isEqualTo("CROSS_SECTOR");
	}

	@Test
	void aDraftsChecksCompileAndPassInTheJar() {
		HttpResponse<String> created = this.api.create("2023.02", "2029-01-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode checks = this.api.check("2023.02");
		assertThat(checks.path("passed").asBoolean()).as("%s%nlog: %s", checks, log()).isTrue();
	}

	private boolean ready() {
		try {
			return this.api.get("/actuator/health/readiness", null).statusCode() == 200;
		}
		catch (UncheckedIOException ex) {
			return false; // not listening yet
		}
	}

	private String log() {
		try {
			List<String> lines = Files.readAllLines(this.folder.resolve("service.log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
