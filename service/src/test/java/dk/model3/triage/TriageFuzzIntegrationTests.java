package dk.model3.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends thousands of random and mutated bodies and headers and holds the service to two
 * promises: never a 5xx, and it still answers afterwards. Seeded, so a failure repeats:
 * {@code -Dfuzz.seed=N -Dfuzz.cases=N} to explore further.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class TriageFuzzIntegrationTests {

	private static final long SEED = Long.getLong("fuzz.seed", 20261123L);

	private static final int CASES = Integer.getInteger("fuzz.cases", 3000);

	private static final int RAW_CASES = Integer.getInteger("fuzz.raw-cases", 300);

	private static final String VALID = """
			{"citizenRef":"fuzz-1","age":34,"assessmentDate":"2024-03-01","rulesVersion":"2023.01",
			 "benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS","ADHD"],
			 "brainInjuryCoordination":false,"measuresSentence":false,"placedOutOfHome":false,
			 "serviceActMeasures":false,"departmentsInvolved":2}""";

	private static final String[] FIELDS = { "citizenRef", "age", "assessmentDate", "rulesVersion", "benefit",
			"employmentPotential", "problems", "brainInjuryCoordination", "measuresSentence", "placedOutOfHome",
			"serviceActMeasures", "departmentsInvolved", "unknown", "", "__proto__" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=UTF-8",
			"application/json; charset=UTF-16", "application/json; charset=nonsense", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "a/b;c=", "*/*", "json",
			"application/problem+json", "application/json;;;" };

	private static final String[] ACCEPTS = { "application/json", "*/*", "application/xml", "text/html",
			"application/problem+json", "image/png", "nonsense", "application/json;q=0", "" };

	private final Random random = new Random(SEED);

	@LocalServerPort
	int port;

	@Test
	void neverAnswersRandomOrMutatedRequestsWithA5xxAndKeepsAnswering() {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(HttpTestClient.HANG_GUARD)
			.build();
		List<String> failures = new ArrayList<>();
		int[] byClass = new int[6];
		for (int i = 0; i < CASES; i++) {
			String method = pick(0.9, () -> "POST", () -> pickOf("GET", "PUT", "DELETE", "PATCH"));
			String path = pick(0.95, () -> "/api/v1/triage",
					() -> pickOf("/api/v1/triage/", "/api/v1/triage?x=1", "/api/v1//triage", "/api/v1/TRIAGE"));
			byte[] body = body();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(HttpTestClient.HANG_GUARD)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
			String described = headers(request) + " " + method + " " + path + " body[" + body.length + "]="
					+ preview(body);
			try {
				HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				byClass[response.statusCode() / 100]++;
				if (response.statusCode() >= 500) {
					failures.add(response.statusCode() + " for " + described);
				}
			}
			catch (IOException ex) {
				failures.add("no answer (" + ex + ") for " + described);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		assertThat(failures)
			.as("seed %d, %d cases; by status class %s", SEED, CASES, java.util.Arrays.toString(byClass))
			.isEmpty();
		// the mix reached both the rules and the refusals
		assertThat(byClass[2]).isPositive();
		assertThat(byClass[4]).isPositive();
		stillAnswers();
	}

	@Test
	void neverAnswersMalformedRawHttpWithA5xx() throws IOException {
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < RAW_CASES; i++) {
			String request = rawRequest();
			String status = exchange(request.getBytes(StandardCharsets.ISO_8859_1));
			if (status.startsWith("HTTP/1.1 5")) {
				failures.add(status + " for " + request.replace("\r\n", "\\r\\n"));
			}
		}
		assertThat(failures).as("seed %d", SEED).isEmpty();
		stillAnswers();
	}

	private void stillAnswers() {
		HttpTestClient http = new HttpTestClient(this.port);
		var response = http.post("/api/v1/triage", HttpTestClient.CASEWORKER, VALID);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"PLACED\"");
		assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private String headers(HttpRequest.Builder request) {
		StringBuilder described = new StringBuilder();
		String contentType = pick(0.6, () -> "application/json", () -> pickOf(CONTENT_TYPES));
		request.header("Content-Type", contentType);
		described.append("Content-Type=").append(contentType);
		String authorization = pick(0.8, () -> HttpTestClient.CASEWORKER,
				() -> pickOf(HttpTestClient.POLICY, "Basic " + base64("caseworker:wrong"),
						"Basic " + base64("no-colon"), "Basic !!!", "Bearer abc.def.ghi", "Digest x", "", "Basic ",
						"Basic " + base64(":"), HttpTestClient.CASEWORKER + "=="));
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
			described.append(" Authorization=").append(authorization, 0, Math.min(authorization.length(), 12));
		}
		if (this.random.nextDouble() < 0.3) {
			String accept = pickOf(ACCEPTS);
			if (!accept.isEmpty()) {
				request.header("Accept", accept);
				described.append(" Accept=").append(accept);
			}
		}
		if (this.random.nextDouble() < 0.05) {
			request.header("Content-Encoding", pickOf("gzip", "deflate", "br", "identity", "x"));
		}
		int extra = this.random.nextInt(3);
		for (int i = 0; i < extra; i++) {
			request.header("X-Fuzz-" + token(1 + this.random.nextInt(12)), visible(this.random.nextInt(200)));
		}
		return described.toString();
	}

	private byte[] body() {
		double kind = this.random.nextDouble();
		if (kind < 0.15) {
			return VALID.getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 0.45) {
			return structural().getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 0.70) {
			return byteMutation(VALID.getBytes(StandardCharsets.UTF_8));
		}
		if (kind < 0.80) {
			return randomJson(0).getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 0.88) {
			byte[] bytes = new byte[this.random.nextInt(512)];
			this.random.nextBytes(bytes);
			return bytes;
		}
		if (kind < 0.93) {
			int depth = 100 + this.random.nextInt(30000);
			String open = pickOf("[", "{\"a\":");
			return (open.repeat(depth)).getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 0.97) {
			// around the size limit
			int size = 60_000 + this.random.nextInt(40_000);
			return ("{\"citizenRef\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
		}
		return new byte[0];
	}

	private String structural() {
		StringBuilder json = new StringBuilder("{");
		int fields = this.random.nextInt(14);
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('"').append(pickOf(FIELDS)).append("\":");
			json.append(pick(0.5, this::plausibleValue, () -> randomJson(1)));
		}
		return json.append('}').toString();
	}

	private String plausibleValue() {
		return pickOf("\"CASH_BENEFIT\"", "\"DISABILITY_PENSION\"", "\"PRESENT\"", "\"UNKNOWN\"", "16", "40", "-1",
				"126", "2147483648", "1e400", "12.5", "-0", "true", "false", "null", "[]", "[\"HOMELESSNESS\"]",
				"[\"HOMELESSNESS\",\"HOMELESSNESS\"]", "\"2024-02-30\"", "\"2024-03-01\"", "\"1999.01\"", "\"2021.03\"",
				"\"0102031234\"", "\"010203-1234\"", "\"\u0000\"", "\"\\ud800\"", "\"" + "a".repeat(65) + "\"", "\"x\"",
				"{}", "99999999999999999999999999");
	}

	private String randomJson(int depth) {
		int kind = this.random.nextInt((depth > 4) ? 5 : 7);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> String.valueOf(this.random.nextBoolean());
			case 2 -> String.valueOf(this.random.nextLong());
			case 3 -> String.valueOf(this.random.nextDouble() * Math.pow(10, this.random.nextInt(40)));
			case 4 -> "\"" + visible(this.random.nextInt(40)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
			case 5 -> {
				StringBuilder array = new StringBuilder("[");
				int n = this.random.nextInt(5);
				for (int i = 0; i < n; i++) {
					array.append((i > 0) ? "," : "").append(randomJson(depth + 1));
				}
				yield array.append(']').toString();
			}
			default -> {
				StringBuilder object = new StringBuilder("{");
				int n = this.random.nextInt(5);
				for (int i = 0; i < n; i++) {
					object.append((i > 0) ? "," : "").append('"').append(pickOf(FIELDS)).append("\":");
					object.append(randomJson(depth + 1));
				}
				yield object.append('}').toString();
			}
		};
	}

	private byte[] byteMutation(byte[] original) {
		byte[] bytes = original.clone();
		int mutations = 1 + this.random.nextInt(8);
		for (int m = 0; m < mutations; m++) {
			int at = this.random.nextInt(bytes.length);
			switch (this.random.nextInt(4)) {
				case 0 -> bytes[at] = (byte) this.random.nextInt(256);
				case 1 -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, at));
				case 2 -> {
					byte[] longer = new byte[bytes.length + 1];
					System.arraycopy(bytes, 0, longer, 0, at);
					String inserts = "{}[],:\"\\0-e.";
					longer[at] = (byte) inserts.charAt(this.random.nextInt(inserts.length()));
					System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
					bytes = longer;
				}
				default -> {
					byte[] shorter = new byte[Math.max(0, bytes.length - 1)];
					System.arraycopy(bytes, 0, shorter, 0, at);
					System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
					bytes = (shorter.length > 0) ? shorter : bytes;
				}
			}
		}
		return bytes;
	}

	private String rawRequest() {
		String body = pick(0.5, () -> VALID, this::structural);
		StringBuilder request = new StringBuilder("POST /api/v1/triage HTTP/1.1\r\nHost: localhost\r\n");
		request.append("Authorization: ").append(HttpTestClient.CASEWORKER).append("\r\n");
		request.append("Connection: close\r\n");
		switch (this.random.nextInt(7)) {
			case 0 -> request.append("Bad Header Without Colon\r\n");
			case 1 -> request.append("X-Long: ").append("a".repeat(20_000)).append("\r\n");
			case 2 -> request.append("Content-Type: application/json\r\nContent-Type: text/plain\r\n");
			case 3 -> request.append("X-Ctl: ").append((char) (1 + this.random.nextInt(31))).append("\r\n");
			case 4 -> request.append("Content-Length: -5\r\n");
			case 5 -> request.append("Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n")
				.append(pickOf("zz", "ffffffffffffffffff", "-1", "5"))
				.append("\r\n")
				.append(body)
				.append("\r\n0\r\n\r\n");
			default -> request.append("Content-Type: application/json\r\nContent-Length: ")
				.append(Math.max(0, body.length() - this.random.nextInt(5)))
				.append("\r\n\r\n")
				.append(body);
		}
		if (request.indexOf("\r\n\r\n") < 0) {
			request.append("Content-Type: application/json\r\nContent-Length: ")
				.append(body.length())
				.append("\r\n\r\n")
				.append(body);
		}
		return request.toString();
	}

	private String exchange(byte[] request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), (int) HttpTestClient.HANG_GUARD.toMillis());
			socket.setSoTimeout((int) HttpTestClient.HANG_GUARD.toMillis());
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// the server may refuse and close before the whole request is sent
			}
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0 && b != '\n') {
				line.append((char) b);
			}
			return line.toString().trim();
		}
	}

	private String token(int length) {
		String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < length; i++) {
			token.append(chars.charAt(this.random.nextInt(chars.length())));
		}
		return token.toString();
	}

	private String visible(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (0x21 + this.random.nextInt(0x7e - 0x21)));
		}
		return text.toString();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String preview(byte[] body) {
		String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
		return text.replaceAll("\\p{Cntrl}", "?");
	}

	private <T> T pick(double probability, Supplier<T> likely, Supplier<T> otherwise) {
		return (this.random.nextDouble() < probability) ? likely.get() : otherwise.get();
	}

	@SafeVarargs
	private <T> T pickOf(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

}
