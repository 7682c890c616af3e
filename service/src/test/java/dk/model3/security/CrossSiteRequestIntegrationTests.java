package dk.model3.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site cannot make a signed-in browser change anything through the JSON
 * API: a browser that has the policy user's Basic credentials (from a password prompt,
 * say) sends them with any form posted to the service, so the form must be refused for
 * what it is. Shown with the workbench's publication request and the rules reload, each
 * with valid credentials: refused, and nothing changed; the same calls as a script sends
 * them still work.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "triage.versions.enabled=true",
		"triage.security.allowed-origins=https://triage.kommune.example" })
class CrossSiteRequestIntegrationTests {

	private static final Path ROOT = temporaryFolder();

	private static final String DRAFT = "2023.07";

	private static final String PUBLICATION_REQUEST = "/api/v1/drafts/" + DRAFT + "/publication-request";

	private static final String RELOAD = "/api/v1/admin/rules/reload";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", () -> ROOT.resolve("data").toString());
	}

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
		if (this.http.get("/api/v1/drafts/" + DRAFT, HttpTestClient.POLICY).statusCode() == 404) {
			HttpResponse<String> created = this.http.post("/api/v1/drafts", HttpTestClient.POLICY, """
					{"id": "%s", "from": "2023.01", "inForceFrom": "2030-01-01", "title": "Cross-site"}"""
				.formatted(DRAFT));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
	}

	/**
	 * What another site's page can send without asking: a form, or text/plain by fetch.
	 */
	static Stream<Arguments> crossSiteForms() {
		return Stream.of(
				Arguments.of("a form from another site", "application/x-www-form-urlencoded", "approve=true",
						(UnaryOperator<HttpRequest.Builder>) (request) -> request.header("Origin",
								"http://evil.example")),
				Arguments.of("a multipart form from another site", "multipart/form-data; boundary=x",
						"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n",
						(UnaryOperator<HttpRequest.Builder>) (request) -> request.header("Origin",
								"http://evil.example")),
				Arguments.of("text/plain from another site", "text/plain;charset=UTF-8", "{}",
						(UnaryOperator<HttpRequest.Builder>) (request) -> request.header("Origin",
								"http://evil.example")),
				Arguments.of("a form a browser marks cross-site", "application/x-www-form-urlencoded", "a=b",
						(UnaryOperator<HttpRequest.Builder>) (request) -> request.header("Sec-Fetch-Site",
								"cross-site")),
				Arguments.of("a form from a sibling site", "application/x-www-form-urlencoded", "a=b",
						(UnaryOperator<HttpRequest.Builder>) (request) -> request
							.header("Origin", "http://other.localhost")
							.header("Sec-Fetch-Site", "same-site")),
				Arguments.of("a sandboxed page's form", "application/x-www-form-urlencoded", "a=b",
						(UnaryOperator<HttpRequest.Builder>) (request) -> request.header("Origin", "null")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("crossSiteForms")
	void refusesAFormFromAnotherSiteEvenWithValidCredentialsAndChangesNothing(String what, String contentType,
			String body, UnaryOperator<HttpRequest.Builder> site) {
		for (String path : new String[] { PUBLICATION_REQUEST, RELOAD, "/api/v1/drafts" }) {
			HttpResponse<String> response = this.http.send(site.apply(this.http.request(path)
				.header("Authorization", HttpTestClient.POLICY)
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body))).build());
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("urn:model3:problem:cross-site-request");
		}
		assertNothingChanged();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("crossSiteForms")
	void refusesTheSameFormFromABrowserThatDoesNotSayWhereItCameFrom(String what, String contentType, String body,
			UnaryOperator<HttpRequest.Builder> site) {
		for (String path : new String[] { PUBLICATION_REQUEST, RELOAD, "/api/v1/drafts" }) {
			HttpResponse<String> response = this.http.send(this.http.request(path)
				.header("Authorization", HttpTestClient.POLICY)
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			assertUnsupportedMediaType(response, "application/json");
		}
		assertNothingChanged();
	}

	@Test
	void refusesABodylessPostWithoutAContentTypeSayingWhatToSend() {
		for (String path : new String[] { PUBLICATION_REQUEST, RELOAD, "/api/v1/drafts/" + DRAFT + "/checks" }) {
			HttpResponse<String> response = this.http.send(this.http.request(path)
				.header("Authorization", HttpTestClient.POLICY)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
			assertUnsupportedMediaType(response, "application/json");
		}
		assertNothingChanged();
		assertThat(this.http.get("/api/v1/drafts/" + DRAFT + "/checks", HttpTestClient.POLICY).body())
			.doesNotContain("\"running\":true");
	}

	@Test
	void takesTextOnlyForADraftsFileAndAZipOnlyForItsFolder() {
		HttpResponse<String> file = this.http.send(this.http.request("/api/v1/drafts/" + DRAFT + "/files/flags.drl")
			.header("Authorization", HttpTestClient.POLICY)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.PUT(HttpRequest.BodyPublishers.ofString("a=b"))
			.build());
		assertUnsupportedMediaType(file, "text/plain");
		HttpResponse<String> zip = this.http.send(this.http.request("/api/v1/drafts/" + DRAFT + "/files")
			.header("Authorization", HttpTestClient.POLICY)
			.header("Content-Type", "text/plain")
			.PUT(HttpRequest.BodyPublishers.ofString("a"))
			.build());
		assertUnsupportedMediaType(zip, "application/zip");
		HttpResponse<String> triage = this.http.send(this.http.request("/api/v1/triage")
			.header("Authorization", HttpTestClient.CASEWORKER)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		assertUnsupportedMediaType(triage, "application/json");
	}

	@Test
	void takesTheCallsAsAScriptOrTheServicesOwnPageSendsThem() {
		// a script (curl -u … -H 'Content-Type: application/json'): reaches the
		// workbench,
		// which refuses a request whose checks have not run
		HttpResponse<String> request = this.http.post(PUBLICATION_REQUEST, HttpTestClient.POLICY, "");
		assertThat(request.statusCode()).as(request.body()).isEqualTo(409);
		assertThat(request.body()).doesNotContain("cross-site-request", "unsupported-media-type");

		// a page of the service itself, and one behind a proxy listed in allowed-origins
		for (String origin : new String[] { "http://localhost:" + this.port, "https://triage.kommune.example" }) {
			HttpResponse<String> fromPage = this.http.send(this.http.request(PUBLICATION_REQUEST)
				.header("Authorization", HttpTestClient.POLICY)
				.header("Origin", origin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
			assertThat(fromPage.statusCode()).as(origin).isEqualTo(409);
		}
		HttpResponse<String> sameOrigin = this.http.send(this.http.request(PUBLICATION_REQUEST)
			.header("Authorization", HttpTestClient.POLICY)
			.header("Origin", "https://proxy.kommune.example")
			.header("Sec-Fetch-Site", "same-origin")
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(sameOrigin.statusCode()).isEqualTo(409);
	}

	@Test
	void neverAsksABrowserForAPassword() {
		HttpResponse<String> reload = this.http.send(this.http.request(RELOAD)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		HttpResponse<String> wrongPassword = this.http.get("/api/v1/ping",
				HttpTestClient.basic("policy", "not-the-password"));
		// a script reading a page
		HttpResponse<String> page = this.http.get("/rules", null);
		for (HttpResponse<String> response : java.util.List.of(reload, wrongPassword, page)) {
			String path = response.uri().getPath();
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().allValues("WWW-Authenticate")).as(path)
				.containsExactly(SecurityProblems.PREEMPTIVE_BASIC);
			assertThat(response.body()).contains("Authorization: Basic").contains("curl -u user:password");
		}
	}

	static void assertUnsupportedMediaType(HttpResponse<String> response, String accepted) {
		assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Accept"))
			.hasValueSatisfying((types) -> assertThat(types).contains(accepted));
		assertThat(response.body()).contains("urn:model3:problem:unsupported-media-type")
			.contains("Content-Type: " + accepted);
	}

	// the draft was not requested for publication
	private void assertNothingChanged() {
		assertThat(this.http.get("/api/v1/drafts/" + DRAFT, HttpTestClient.POLICY).body())
			.contains("\"state\":\"DRAFT\"");
		assertThat(this.http.get("/api/v1/versions/" + DRAFT + "/history", HttpTestClient.POLICY).body())
			.doesNotContain("\"requested\"");
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("cross-site");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
