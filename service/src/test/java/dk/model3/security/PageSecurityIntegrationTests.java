package dk.model3.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' own filter chain, seen from HTTP: sign-in, CSRF, headers, assets. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class PageSecurityIntegrationTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void sendsABrowserToTheSignInPageAndAScriptA401Problem() {
		HttpResponse<String> browser = this.http.send(this.http.request("/").header("Accept", "text/html").build());
		assertThat(browser.statusCode()).isEqualTo(302);
		assertThat(browser.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));

		HttpResponse<String> script = this.http.get("/", null);
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void allowsOnlyTheServicesOwnScriptsStylesFontsAndImages() {
		HttpResponse<String> login = this.http.get("/login", null);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValue(PageSecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.body()).contains("<html lang=\"da\">")
			.contains("name=\"username\"")
			.contains("name=\"password\"")
			.contains("name=\"_csrf\"")
			.doesNotContain("http://", "https://", "<style", " style=", "<script>");
	}

	@Test
	void servesTheDesignSystemFromTheServiceItself() {
		assertThat(this.http.get("/dkfds/css/dkfds.min.css", null).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/dkfds/js/dkfds.min.js", null).statusCode()).isEqualTo(200);
		assertThat(
				this.http.get("/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2", null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void refusesAFormPostWithoutItsCsrfToken() {
		HttpResponse<String> response = this.http.send(this.http.request("/")
			.header("Authorization", HttpTestClient.CASEWORKER)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("citizenRef=csrf-1&age=40&benefit=CASH_BENEFIT"))
			.build());
		// refused before it reaches the page: 403, or back to sign-in when there is no
		// session
		assertThat(response.statusCode()).isIn(302, 403);
		if (response.statusCode() == 302) {
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).contains("/login"));
		}
		assertThat(response.body()).doesNotContain("data-field=\"status\"");
	}

}
