package dk.model3.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dk.model3.HttpTestClient;
import dk.model3.authoring.RuleCopies;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules reload from another site's page, with the policy user's valid credentials: a
 * new version waits in the rules folder (not watched), and only the reload a script sends
 * loads it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "triage.rules.watch=false")
// the legitimate reload, which loads the new version, comes last
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossSiteReloadIntegrationTests {

	private static final Path RULES = RuleCopies.copy(temporaryFolder());

	private static final String RELOAD = "/api/v1/admin/rules/reload";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.rules.dir", RULES::toString);
	}

	@LocalServerPort
	int port;

	// after the service started: only a reload loads it (the folder is not watched)
	private static synchronized void addANewVersion() throws IOException {
		if (Files.exists(RULES.resolve("2099.01"))) {
			return;
		}
		Path staging = Files.createTempDirectory("staging").resolve("2099.01");
		Files.createDirectories(staging);
		try (Stream<Path> files = Files.list(RULES.resolve("2023.01"))) {
			for (Path file : files.toList()) {
				Files.copy(file, staging.resolve(file.getFileName()));
			}
		}
		RuleCopies.edit(staging.resolve("version.yaml"), "id: \"2023.01\"", "id: \"2099.01\"");
		RuleCopies.edit(staging.resolve("version.yaml"), "inForceFrom: 2023-01-01", "inForceFrom: 2099-01-01");
		Files.move(staging, RULES.resolve("2099.01"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dk.model3.security.CrossSiteRequestIntegrationTests#crossSiteForms")
	void refusesAReloadFromAnotherSiteAndLoadsNothing(String what, String contentType, String body,
			UnaryOperator<HttpRequest.Builder> site) throws IOException {
		addANewVersion();
		HttpTestClient http = new HttpTestClient(this.port);
		HttpResponse<String> response = http.send(site.apply(http.request(RELOAD)
			.header("Authorization", HttpTestClient.POLICY)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))).build());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("urn:model3:problem:cross-site-request");
		HttpResponse<String> unmarked = http.send(http.request(RELOAD)
			.header("Authorization", HttpTestClient.POLICY)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		CrossSiteRequestIntegrationTests.assertUnsupportedMediaType(unmarked, "application/json");
		HttpResponse<String> untyped = http.send(http.request(RELOAD)
			.header("Authorization", HttpTestClient.POLICY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		CrossSiteRequestIntegrationTests.assertUnsupportedMediaType(untyped, "application/json");
		assertThat(http.get("/api/v1/rules", HttpTestClient.POLICY).body()).doesNotContain("\"2099.01\"");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void reloadsWhenAScriptAsksWithAJsonContentType() throws IOException {
		addANewVersion();
		HttpTestClient http = new HttpTestClient(this.port);
		// as curl -u policy:… -H 'Content-Type: application/json' -X POST …; compiling
		// the new
		// version may take longer than the client's usual 10 seconds on a busy machine
		HttpResponse<String> reload = http.send(http.request(RELOAD)
			.timeout(Duration.ofMinutes(2))
			.header("Authorization", HttpTestClient.POLICY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
		assertThat(http.get("/api/v1/rules", HttpTestClient.POLICY).body()).contains("\"2099.01\"");
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("cross-site-reload");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
