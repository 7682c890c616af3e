package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's JSON calls as a script drives them, for the tests: the built-in
 * {@code policy} user and a second POLICY user {@code paula} from a users file.
 */
final class WorkbenchApi {

	static final String POLICY = HttpTestClient.POLICY;

	static final String PAULA = HttpTestClient.basic("paula", "paula-s-long-password");

	static final String CASEWORKER = HttpTestClient.CASEWORKER;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// how often a running check or publication is asked about (a wait outlasts the work
	// by half of this on average)
	private static final long POLL_MILLIS = 50;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(HttpTestClient.HANG_GUARD).build();

	private final int port;

	WorkbenchApi(int port) {
		this.port = port;
	}

	static Path usersFile() {
		try {
			Path file = Files.createTempFile("workbench-users", ".txt");
			Files.write(file, List.of("# a second member of the policy office",
					"paula:POLICY:{bcrypt}" + new BCryptPasswordEncoder().encode("paula-s-long-password")));
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path dataDirectory() {
		try {
			return Files.createTempDirectory("workbench-data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpResponse<String> get(String path, String user) {
		return send(request(path, user).GET());
	}

	HttpResponse<String> post(String path, String user, String json) {
		return send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> put(String path, String user, String text) {
		return send(request(path, user).header("Content-Type", "text/plain; charset=utf-8")
			.PUT(HttpRequest.BodyPublishers.ofString(text)));
	}

	/** A PUT of a JSON body by the built-in policy user. */
	HttpResponse<String> putJson(String path, String json) {
		return putJson(path, POLICY, json);
	}

	HttpResponse<String> putJson(String path, String user, String json) {
		return send(request(path, user).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> putZip(String path, String user, byte[] zip) {
		return send(request(path, user).header("Content-Type", "application/zip")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(zip)));
	}

	/** A zip of these files, each under the folder given (empty: at the top). */
	static byte[] zip(String folder, java.util.Map<String, String> files) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			for (var file : files.entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(folder + file.getKey()));
				zip.write(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The draft as the contract shows it. */
	JsonNode draft(String id, String user) {
		HttpResponse<String> response = get("/api/v1/drafts/" + id, user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	/** An approval naming what the approver sees now: the draft's checksum and date. */
	HttpResponse<String> approve(String id, String user, String comment) {
		JsonNode draft = draft(id, user);
		HttpResponse<String> changes = get("/api/v1/drafts/" + id + "/changes", user);
		return approve(id, user, comment, draft.path("checksum").asString(), draft.path("inForceFrom").asString(),
				(changes.statusCode() == 200) ? json(changes).path("checksum").asString() : null);
	}

	HttpResponse<String> approve(String id, String user, String comment, String checksum, String inForceFrom) {
		return approve(id, user, comment, checksum, inForceFrom, null);
	}

	/**
	 * An approval: a refusal as answered; an accepted approval (202, the publication runs
	 * off the request thread) followed until it is done, answered as the draft then.
	 */
	/** An approval naming the changes read too ({@code changes}: null for none). */
	HttpResponse<String> approve(String id, String user, String comment, String checksum, String inForceFrom,
			String changes) {
		tools.jackson.databind.node.ObjectNode body = JSON.createObjectNode()
			.put("approve", true)
			.put("comment", comment)
			.put("checksum", checksum)
			.put("inForceFrom", inForceFrom);
		if (changes != null) {
			body.put("changes", changes);
		}
		HttpResponse<String> accepted = post("/api/v1/drafts/" + id + "/approval", user, body.toString());
		if (accepted.statusCode() != 202) {
			return accepted;
		}
		if (!json(accepted).path("publication").path("state").asString().equals("PUBLISHING")
				|| !accepted.headers().firstValue("Location").orElse("").equals("/api/v1/drafts/" + id)) {
			throw new AssertionError("an approval answers 202 with the publication under way: " + accepted.body());
		}
		return published(id, user);
	}

	/** The draft once its publication is no longer under way (at most two minutes). */
	HttpResponse<String> published(String id, String user) {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			HttpResponse<String> draft = get("/api/v1/drafts/" + id, user);
			if (!json(draft).path("publication").path("state").asString("").equals("PUBLISHING")
					|| System.nanoTime() > deadline) {
				return draft;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * A new draft from 2023.01 with its change note written at once, as a script makes it
	 * (a publication request needs the note); the answer is the creation's.
	 */
	HttpResponse<String> create(String id, String inForceFrom) {
		HttpResponse<String> created = post("/api/v1/drafts", POLICY, """
				{"id": "%s", "from": "2023.01", "inForceFrom": "%s", "title": "A test draft"}""".formatted(id,
				inForceFrom));
		if (created.statusCode() == 201) {
			HttpResponse<String> note = note(id, POLICY, "Et testudkast.", "A test draft.");
			assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
		}
		return created;
	}

	/** A page as a browser asks for it, signed in as the user (null: nobody). */
	HttpResponse<String> page(String path, String user) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html");
		if (user != null) {
			builder.header("Authorization", user);
		}
		return send(builder.GET());
	}

	/** Writes the draft's change note. */
	HttpResponse<String> note(String id, String user, String da, String en) {
		return send(request("/api/v1/drafts/" + id + "/note", user).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("da", da).put("en", en).toString())));
	}

	String file(String id, String name) {
		HttpResponse<String> response = get("/api/v1/drafts/" + id + "/files/" + name, POLICY);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	JsonNode save(String id, String name, String text) {
		HttpResponse<String> response = put("/api/v1/drafts/" + id + "/files/" + name, POLICY, text);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	/** Runs every check and waits for the results. */
	JsonNode check(String id) {
		return check(id, "");
	}

	/** Runs every check with a population of its own for the preview. */
	JsonNode check(String id, String population) {
		HttpResponse<String> started = post("/api/v1/drafts/" + id + "/checks", POLICY, population);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode checks = json(get("/api/v1/drafts/" + id + "/checks", POLICY));
			if (!checks.path("running").asBoolean() && !checks.path("checksum").isNull()
					&& checks.path("checksum").isString()) {
				return checks;
			}
			sleep(POLL_MILLIS);
		}
		throw new AssertionError("the checks of " + id + " did not finish");
	}

	/**
	 * The KUI meeting extended to everybody under 30, instead of to those not yet of the
	 * joint plan's age (25).
	 */
	static String kuiUnder30(String flags) {
		String changed = flags.replace(
				"Profile( departmentsInvolved != null, departmentsInvolved >= 2 )\n\tnot JointPlanAge()",
				"Profile( age < 30, departmentsInvolved != null, departmentsInvolved >= 2 )");
		assertThat(changed).isNotEqualTo(flags);
		return changed;
	}

	/**
	 * The scenarios failing at these lines now expect the KUI meeting as well: each
	 * scenario's first {@code flags:} line after its start gets KUI_NETWORK_MEETING.
	 */
	static String expectKui(String scenarios, List<Integer> failingLines) {
		String[] lines = scenarios.split("\n", -1);
		Pattern flags = Pattern.compile("^(\\s*flags: \\[)(.*)\\]\\s*$");
		for (int start : failingLines) {
			for (int i = start - 1; i < lines.length; i++) {
				Matcher matcher = flags.matcher(lines[i]);
				if (matcher.matches()) {
					lines[i] = matcher.group(1) + (matcher.group(2).isBlank() ? "KUI_NETWORK_MEETING"
							: matcher.group(2) + ", KUI_NETWORK_MEETING") + "]";
					break;
				}
			}
		}
		return String.join("\n", lines);
	}

	private HttpRequest.Builder request(String path, String user) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(HttpTestClient.HANG_GUARD)
			.header("Accept", "application/json, application/problem+json, text/plain");
		if (user != null) {
			builder.header("Authorization", user);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
