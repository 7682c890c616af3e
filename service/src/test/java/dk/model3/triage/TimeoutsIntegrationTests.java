package dk.model3.triage;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
 * timeout (1 s in the tests, 5 s in production) instead of holding a thread.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class TimeoutsIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${server.tomcat.connection-timeout}")
	String connectionTimeout;

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
	void dropsAClientThatSendsNothing() throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5000);
			socket.setSoTimeout(15_000);
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
	}

}
