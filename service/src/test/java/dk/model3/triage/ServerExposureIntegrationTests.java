package dk.model3.triage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat's 2026 advisories for 11.0.x up to 11.0.27 need (a leak on HTTP upgrade, an
 * open redirect): the service accepts no protocol upgrade, and no redirect it gives leads
 * off the service, whatever the Host or forwarding headers say.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class ServerExposureIntegrationTests {

	private static final String ELSEWHERE = "attacker.example";

	@LocalServerPort
	int port;

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			int b;
			// the status line and headers are enough
			while ((b = in.read()) >= 0 && !head.toString().endsWith("\r\n\r\n")) {
				head.append((char) b);
			}
			return head.toString();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2c", "websocket", "TLS/1.2" })
	void refusesToUpgradeTheConnection(String protocol) throws IOException {
		String head = exchange("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ HttpTestClient.CASEWORKER + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: " + protocol
				+ "\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\nConnection: close\r\n\r\n");
		assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("upgrade:");
	}

	@Test
	void redirectsTheApiPageWithinTheServiceWhateverTheHostSays() throws IOException {
		String head = exchange("GET /swagger-ui.html HTTP/1.1\r\nHost: " + ELSEWHERE + "\r\nX-Forwarded-Host: "
				+ ELSEWHERE + "\r\nAuthorization: " + HttpTestClient.CASEWORKER + "\r\nConnection: close\r\n\r\n");
		assertThat(head).startsWith("HTTP/1.1 302");
		assertThat(location(head)).isEqualTo("location: /swagger-ui/index.html");
	}

	private static String location(String head) {
		return head.lines()
			.map((line) -> line.toLowerCase(Locale.ROOT))
			.filter((line) -> line.startsWith("location:"))
			.findFirst()
			.orElse("");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/swagger-ui.html", "/swagger-ui", "/swagger-ui/", "/rules", "/api", "/actuator",
			"//" + ELSEWHERE + "/", "/%2F%2F" + ELSEWHERE, "/..;/" + ELSEWHERE, "/login", "/logout" })
	void neverRedirectsOffTheService(String path) throws IOException {
		for (String authorization : List.of("", "Authorization: " + HttpTestClient.CASEWORKER + "\r\n")) {
			String head = exchange("GET " + path + " HTTP/1.1\r\nHost: " + ELSEWHERE + "\r\nX-Forwarded-Host: "
					+ ELSEWHERE + "\r\nX-Forwarded-Proto: https\r\nForwarded: host=" + ELSEWHERE + "\r\n"
					+ authorization + "Connection: close\r\n\r\n");
			assertThat(location(head)).as(path).doesNotContain(ELSEWHERE).doesNotContain("//");
		}
	}

}
