package dk.model3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for tests against the running service on a random port. */
public final class HttpTestClient {

	public static final String CASEWORKER = basic("caseworker", "test-caseworker-password");

	public static final String POLICY = basic("policy", "test-policy-password");

	/**
	 * Only a guard against a hang: a slow answer on a loaded machine is still an answer,
	 * and no test here measures speed.
	 */
	public static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(HANG_GUARD).build();

	private final int port;

	public HttpTestClient(int port) {
		this.port = port;
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).timeout(HANG_GUARD);
	}

	public HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The answer's bytes as they came: a gzipped body stays gzipped. */
	public HttpResponse<byte[]> sendBytes(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return this.client.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> get(String path, String authorization) {
		HttpRequest.Builder builder = request(path).GET();
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return send(builder.build());
	}

	public HttpResponse<String> post(String path, String authorization, String json) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return send(builder.build());
	}

}
