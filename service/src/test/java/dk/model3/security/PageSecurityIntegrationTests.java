package dk.model3.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' own filter chain, seen from HTTP: sign-in, CSRF, headers, assets, redirects
 * that stay on the service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class PageSecurityIntegrationTests {

	private static final String ELSEWHERE = "evil.example";

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

	@Test
	void redirectsWithinTheServiceWhateverTheHostSays() throws IOException {
		Raw signIn = raw("GET / HTTP/1.1\r\nAccept: text/html\r\n", "");
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header("location")).isEqualTo("/login");

		Raw login = raw("GET /login HTTP/1.1\r\n", "");
		Raw signedIn = raw(
				"POST /login HTTP/1.1\r\nCookie: " + login.cookie()
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
				"username=caseworker&password=test-caseworker-password&_csrf=" + login.csrf());
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("location")).isEqualTo("/");

		Raw page = raw("GET / HTTP/1.1\r\nAccept: text/html\r\nCookie: " + signedIn.cookie() + "\r\n", "");
		Raw signedOut = raw("POST /logout HTTP/1.1\r\nAccept: text/html\r\nCookie: " + signedIn.cookie()
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n", "_csrf=" + page.csrf());
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.header("location")).isEqualTo("/login?logout");
	}

	@Test
	void takesAPageFormOnlyWithItsCsrfToken() throws IOException {
		Raw login = raw("GET /login HTTP/1.1\r\n", "");
		// even the sign-in form: another site cannot sign a browser in as someone else
		assertThat(raw(
				"POST /login HTTP/1.1\r\nCookie: " + login.cookie()
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
				"username=caseworker&password=test-caseworker-password")
			.status()).isEqualTo(403);
		Raw signedIn = raw(
				"POST /login HTTP/1.1\r\nCookie: " + login.cookie()
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
				"username=caseworker&password=test-caseworker-password&_csrf=" + login.csrf());
		String session = "Cookie: " + signedIn.cookie() + "\r\nAccept: text/html\r\n";
		Raw page = raw("GET / HTTP/1.1\r\n" + session, "");
		assertThat(page.status()).isEqualTo(200);
		String form = "citizenRef=csrf-2&age=40&benefit=CASH_BENEFIT&employmentPotential=PRESENT&problems=HOMELESSNESS";

		// the intake form, the review forms, sign-out: refused without the page's token
		for (String path : new String[] { "/", "/decisions/unknown/review", "/logout" }) {
			Raw refused = raw(
					"POST " + path + " HTTP/1.1\r\n" + session + "Content-Type: application/x-www-form-urlencoded\r\n",
					form);
			assertThat(refused.status()).as(path).isEqualTo(403);
			Raw wrongToken = raw(
					"POST " + path + " HTTP/1.1\r\n" + session + "Content-Type: application/x-www-form-urlencoded\r\n",
					form + "&_csrf=guessed");
			assertThat(wrongToken.status()).as(path).isEqualTo(403);
		}
		Raw decided = raw("POST / HTTP/1.1\r\n" + session + "Content-Type: application/x-www-form-urlencoded\r\n",
				form + "&_csrf=" + page.csrf());
		assertThat(decided.status()).isEqualTo(200);
		assertThat(decided.body()).contains("data-field=\"status\"");
	}

	/**
	 * A response read off a socket: the Host header is one no client library lets us set.
	 */
	private record Raw(int status, String head, String body) {

		String header(String name) {
			return this.head.lines()
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).strip())
				.findFirst()
				.orElse(null);
		}

		String cookie() {
			String set = header("set-cookie");
			assertThat(set).as("a session cookie").startsWith("JSESSIONID=");
			return set.substring(0, set.indexOf(';'));
		}

		String csrf() {
			Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(this.body);
			assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
			return matcher.group(1);
		}

	}

	// every request names another site as its host, as a client can
	private Raw raw(String requestLineAndHeaders, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String request = requestLineAndHeaders + "Host: " + ELSEWHERE + "\r\nContent-Length: " + content.length
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(content);
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = response.indexOf("\r\n\r\n");
			String head = response.substring(0, end);
			assertThat(head).doesNotContain(ELSEWHERE);
			return new Raw(Integer.parseInt(head.substring(9, 12)), head, response.substring(end + 4));
		}
	}

}
