package dk.model3.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A client that opens a connection and then stalls is dropped after the connection
 * timeout (1 s in the tests, 5 s in production) instead of holding a thread; one that
 * trickles its body is cut off at the body deadline (3 s in the tests, 10 s in
 * production).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class TimeoutsIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${server.tomcat.connection-timeout}")
	String connectionTimeout;

	@Value("${triage.request-body-deadline}")
	String bodyDeadline;

	@Test
	void dropsAClientThatStallsMidRequest() throws Exception {
		assertThat(this.connectionTimeout).isEqualTo("1s");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5000);
			// well past the connection timeout, so only the server ends this exchange
			socket.setSoTimeout(15_000);
			socket.getOutputStream()
				.write("POST /api/v1/triage HTTP/1.1\r\nHost: localhost\r\nContent-Le"
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			assertThatNoException().isThrownBy(() -> {
				while (in.read() >= 0) {
					// drain whatever the server says before it closes
				}
			});
		}
	}

	@Test
	void cutsOffABodyTricklingPastTheDeadlineWhileServingOthers() throws Exception {
		assertThat(this.bodyDeadline).isEqualTo("3s");
		ExecutorService trickler = Executors.newSingleThreadExecutor();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			// one byte every half second: each arrives well within the 1 s between reads
			// that the connection timeout allows; all 1,000 would take over 8 minutes
			out.write(("POST /api/v1/triage HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + HttpTestClient.CASEWORKER
					+ "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			AtomicInteger sent = new AtomicInteger();
			trickler.submit(() -> {
				try {
					while (sent.get() < 1000) {
						out.write(' ');
						out.flush();
						sent.incrementAndGet();
						Thread.sleep(500);
					}
				}
				catch (IOException | InterruptedException ex) {
					// the server closed the connection, or the test is over
				}
				return null;
			});
			HttpResponse<String> other = new HttpTestClient(this.port).post("/api/v1/triage", HttpTestClient.CASEWORKER,
					"{\"citizenRef\":\"other\",\"age\":40,\"benefit\":\"NONE\"}");
			assertThat(other.statusCode()).isEqualTo(200);
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 408").contains("urn:model3:problem:request-body-too-slow");
			assertThat(sent.get()).isLessThan(100);
		}
		finally {
			trickler.shutdownNow();
		}
	}

	@Test
	void dropsAClientThatSendsNothing() throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5000);
			socket.setSoTimeout(15_000);
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
	}

}
