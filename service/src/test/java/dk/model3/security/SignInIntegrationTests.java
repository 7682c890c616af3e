package dk.model3.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password sign-in over real HTTP: failures are logged without the password, a user is
 * locked out after three and an address after eight, names match whatever their case, and
 * users come from the users file. Each test uses its own users and the address test its
 * own address (given by a proxy's X-Forwarded-For, as behind HAProxy), so they pass in
 * any order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "triage.security.sign-in.max-failures-per-user=3",
				"triage.security.sign-in.max-failures-per-address=8", "triage.security.sign-in.lockout=1h",
				"server.forward-headers-strategy=native" })
@ExtendWith(OutputCaptureExtension.class)
class SignInIntegrationTests {

	private static final Path USERS = usersFile();

	@LocalServerPort
	int port;

	HttpTestClient http;

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		registry.add("triage.security.users-file", USERS::toString);
	}

	private static Path usersFile() {
		try {
			Path file = Files.createTempFile("triage-users", ".txt");
			Files.write(file, List.of("# a user beyond the built-in two",
					"anne:CASEWORKER:{bcrypt}" + new BCryptPasswordEncoder().encode("anne-s-long-password")));
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	private int ping(String user, String password) {
		return this.http.get("/api/v1/ping", HttpTestClient.basic(user, password)).statusCode();
	}

	@Test
	void signsInAUserFromTheUsersFile() {
		HttpResponse<String> response = this.http.get("/api/v1/ping",
				HttpTestClient.basic("anne", "anne-s-long-password"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"user\":\"anne\"");
	}

	@Test
	void logsAFailedSignInWithNameAndAddressButNotThePassword(CapturedOutput output) {
		assertThat(ping("anne", "guess-number-one")).isEqualTo(401);
		// the address is loopback, 127.0.0.1 or ::1 as the resolver has it
		assertThat(output.getAll())
			.containsPattern("Sign-in failed: .*; user=anne address=(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)")
			.doesNotContain("guess-number-one");
		assertThat(ping("anne", "anne-s-long-password")).isEqualTo(200);
	}

	@Test
	void signsInAUserWhateverTheCaseOfTheNameAsTheNameDefined() {
		for (String typed : new String[] { "Anne", "ANNE" }) {
			HttpResponse<String> response = this.http.get("/api/v1/ping",
					HttpTestClient.basic(typed, "anne-s-long-password"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"user\":\"anne\"");
		}
		HttpResponse<String> policy = this.http.get("/api/v1/ping",
				HttpTestClient.basic("Policy", "test-policy-password"));
		assertThat(policy.statusCode()).isEqualTo(200);
		assertThat(policy.body()).contains("\"user\":\"policy\"");
	}

	@Test
	void locksAUserOutAfterRepeatedFailuresEvenWithTheRightPassword() {
		for (int i = 0; i < 3; i++) {
			assertThat(ping("caseworker", "wrong-guess-" + i)).isEqualTo(401);
		}
		HttpResponse<String> locked = this.http.get("/api/v1/ping", HttpTestClient.CASEWORKER);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).hasValue("3600");
		assertThat(locked.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(locked.body()).contains("urn:model3:problem:too-many-sign-in-failures");
		// another user is not locked out by it
		assertThat(this.http.get("/api/v1/ping", HttpTestClient.POLICY).statusCode()).isEqualTo(200);
	}

	@Test
	void locksAnAddressOutAfterRepeatedFailuresWhateverTheNames() {
		String address = "192.0.2.7";
		for (int i = 0; i < 8; i++) {
			assertThat(pingFrom(address, basic("guessed-name-" + i, "guess"))).isEqualTo(401);
		}
		assertThat(pingFrom(address, basic("guessed-name-8", "guess"))).isEqualTo(429);
		assertThat(pingFrom(address, HttpTestClient.POLICY)).isEqualTo(429);
		// another address is not locked out by it
		assertThat(pingFrom("192.0.2.8", HttpTestClient.POLICY)).isEqualTo(200);
	}

	private int pingFrom(String address, String authorization) {
		return this.http
			.send(this.http.request("/api/v1/ping")
				.header("Authorization", authorization)
				.header("X-Forwarded-For", address)
				.GET()
				.build())
			.statusCode();
	}

	private static String basic(String user, String password) {
		return HttpTestClient.basic(user, password);
	}

}
