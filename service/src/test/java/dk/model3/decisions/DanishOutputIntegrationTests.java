package dk.model3.decisions;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Danish text a caseworker reads for the README's outcomes, under both shipped
 * versions, is Danish: the API answer's {@code da} texts, the journal text, the result
 * page and the rule catalogue (but for the rule file's own conditions) hold no code
 * identifier ("VeryComplex", "employmentPotential"), no "name = ja/nej", no code beside
 * its own words ("ADHD (ADHD)"), no escape character and none of the words domain.md
 * replaces ("spor" for the seed's "lag", "forvaltninger" for "afdelinger", "den
 * koordinerende ungeindsats" for "Den Kommunale Ungeindsats"); the journal text calls an
 * open reading the municipality's, never "produktets læsning".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "triage.rules.dir=../rules")
class DanishOutputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern README_EXAMPLE = Pattern.compile("^\\| (.+?) \\| `(\\{.*\\})` \\|$");

	/** Each version at an assessment date it is in force on. */
	private static final Map<String, String> VERSIONS = Map.of("2021.03", "2022-06-01", "2023.01", "2024-03-01");

	private static final Map<String, Pattern> NOT_DANISH = new LinkedHashMap<>();

	static {
		NOT_DANISH.put("a code identifier", Pattern.compile("\\b[A-Z][a-z]+[A-Z][A-Za-z]*\\b"));
		NOT_DANISH.put("a field name", Pattern.compile("\\b[a-z]+[A-Z][a-z]+[A-Za-z]*\\b"));
		NOT_DANISH.put("an English name = ja/nej", Pattern.compile("\\b[A-Za-z]+ ?= ?(ja|nej)\\b"));
		NOT_DANISH.put("a contract code", Pattern.compile("\\b[A-Z]+_[A-Z0-9_]+\\b"));
		NOT_DANISH.put("a code beside its own words", Pattern.compile("\\b([A-ZÆØÅ]{2,}) \\(\\1\\)"));
		NOT_DANISH.put("an escape character", Pattern.compile("\\\\[\"nt]"));
		NOT_DANISH.put("\"spor\" where the seed says \"lag\"", Pattern.compile("(?i)\\bspor(et|ene)?\\b"));
		NOT_DANISH.put("\"forvaltninger\" where the rule means \"afdelinger\"", Pattern.compile("(?i)forvaltninger"));
		NOT_DANISH.put("KUI misnamed", Pattern.compile("(?i)koordinerende ungeindsats"));
	}

	/**
	 * The journal text names an open reading as the municipality's, adopted in the
	 * version (domain.md, "The justification"); the rule texts of the answer and the page
	 * say whose reading it is in their own words.
	 */
	private static final Pattern PRODUCTS_READING = Pattern.compile("(?i)produktets læsning");

	private static final Path DATA = temporaryDataDirectory();

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", DATA::toString);
	}

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void everyDanishTextOfEveryReadmeOutcomeIsDanishInBothVersions() throws Exception {
		Map<String, List<String>> found = new LinkedHashMap<>();
		PageSession pages = new PageSession(this.port);
		for (Map.Entry<String, String> version : VERSIONS.entrySet()) {
			// the catalogue, but for each rule's condition as its file has it, for the
			// editors of the rule files
			check(version.getKey() + " catalogue", PageSession.visibleText(pages.get("/rules/" + version.getKey())
				.replaceAll("(?s)<pre class=\"rule-condition\".*?</pre>", " ")), found);
			for (String body : readmeExamples()) {
				ObjectNode request = (ObjectNode) JSON.readTree(body);
				request.put("assessmentDate", version.getValue());
				String where = version.getKey() + " " + request.path("citizenRef").asString();
				var response = this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, request.toString());
				assertThat(response.statusCode()).as(where).isEqualTo(200);
				JsonNode answer = JSON.readTree(response.body());
				assertThat(answer.path("rulesVersion").asString()).isEqualTo(version.getKey());
				List<String> texts = new ArrayList<>();
				collectDanish(answer, texts);
				texts.forEach((text) -> check(where + " API", text, found));
				String justification = this.http
					.get("/api/v1/decisions/" + answer.path("decisionId").asString() + "/justification?lang=da",
							HttpTestClient.CASEWORKER)
					.body();
				check(where + " journal text", justification, found);
				if (PRODUCTS_READING.matcher(justification).find()) {
					found.computeIfAbsent("\"produktets læsning\" in the journal text", (key) -> new ArrayList<>())
						.add(where);
				}
				check(where + " result page", pages.result(request), found);
			}
		}
		assertThat(found).as("Danish output that is not Danish, by what it holds").isEmpty();
	}

	@Test
	void findsWhatItLooksFor() {
		Map<String, List<String>> found = new LinkedHashMap<>();
		check("example",
				"Adult = ja. LacksEmploymentPotential = nej. ADHD (ADHD). \\\"lignende\\\". Spor 2. JOINT_PLAN_OFFER. "
						+ "employmentPotential: PRESENT. Involverede forvaltninger. den koordinerende ungeindsats.",
				found);
		assertThat(found).hasSize(NOT_DANISH.size());
		Map<String, List<String>> none = new LinkedHashMap<>();
		check("example", "Lag 2: tværgående samarbejde. Problemer: ADHD, angst. Anbragt uden for hjemmet: nej. "
				+ "Den Kommunale Ungeindsats (KUI). Visitations-id 1a2b. T2-01, W1-08.", none);
		assertThat(none).isEmpty();
	}

	private static void check(String where, String text, Map<String, List<String>> found) {
		NOT_DANISH.forEach((what, pattern) -> {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				int from = Math.max(0, matcher.start() - 50);
				int to = Math.min(text.length(), matcher.end() + 30);
				String example = where + ": …" + text.substring(from, to).replace('\n', ' ') + "…";
				List<String> examples = found.computeIfAbsent(what, (key) -> new ArrayList<>());
				if (examples.stream()
					.noneMatch((seen) -> seen.endsWith(text.substring(from, to).replace('\n', ' ') + "…"))) {
					examples.add(example);
				}
			}
		});
	}

	private static void collectDanish(JsonNode node, List<String> texts) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if ("da".equals(field.getKey()) && field.getValue().isString()) {
					texts.add(field.getValue().asString());
				}
				else {
					collectDanish(field.getValue(), texts);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectDanish(element, texts));
		}
	}

	static List<String> readmeExamples() throws IOException {
		List<String> examples = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			Matcher example = README_EXAMPLE.matcher(line);
			if (example.matches()) {
				examples.add(example.group(2));
			}
		}
		assertThat(examples).as("examples in the README").hasSizeGreaterThan(10);
		return examples;
	}

	/** A caseworker signed in on the pages, in Danish, filling in the intake form. */
	static final class PageSession {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();

		private final String base;

		PageSession(int port) throws Exception {
			this.base = "http://localhost:" + port;
			String login = get("/login");
			post("/login", form(
					Map.of("username", List.of("caseworker"), "password", List.of("test-caseworker-password")), login));
		}

		/** The visible text of the result page for the request. */
		String result(JsonNode request) throws Exception {
			String intake = get("/");
			Map<String, List<String>> fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : request.properties()) {
				List<String> values = new ArrayList<>();
				if (field.getValue().isArray()) {
					field.getValue().forEach((value) -> values.add(value.asString()));
				}
				else {
					values.add(field.getValue().asString());
				}
				fields.put(field.getKey(), values);
			}
			String page = post("/", form(fields, intake));
			assertThat(page).contains("data-field=\"decisionId\"");
			return visibleText(page);
		}

		String get(String path) throws Exception {
			return this.client
				.send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept-Language", "da").build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}

		private String post(String path, String form) throws Exception {
			return this.client
				.send(HttpRequest.newBuilder(URI.create(this.base + path))
					.header("Accept-Language", "da")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}

		private static String form(Map<String, List<String>> fields, String pageWithForm) {
			StringJoiner form = new StringJoiner("&");
			fields.forEach(
					(name, values) -> values.forEach((value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
							+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
			Matcher csrf = CSRF.matcher(pageWithForm);
			if (csrf.find()) {
				form.add("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
			}
			return form.toString();
		}

		// what a reader sees: no scripts, styles, tags or attributes
		static String visibleText(String html) {
			// the contract's hooks (data-field="status" and the like) hold the codes
			// other
			// teams' scripts read; a reader sees the words beside them
			return html.replaceAll("(?s)<script.*?</script>", " ")
				.replaceAll("(?s)<code data-field=\"[^\"]*\"[^>]*>[^<]*</code>", " ")
				.replaceAll("(?s)<style.*?</style>", " ")
				.replaceAll("(?s)<[^>]*>", " ")
				.replace("&quot;", "\"")
				.replace("&amp;", "&")
				.replaceAll("\\s+", " ");
		}

	}

	private static Path temporaryDataDirectory() {
		try {
			return Files.createTempDirectory("danish-output-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
