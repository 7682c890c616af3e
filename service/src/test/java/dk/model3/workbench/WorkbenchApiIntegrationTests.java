package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dk.model3.versions.VersionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench through its JSON calls only, as scripts outside this repository drive it:
 * one change from draft to publication with four eyes, and every check as a gate: a draft
 * with a syntax error, a failing scenario, a gap, an overlap or a dead rule is never
 * published. The completeness check is the one a deployment runs: the whole input space,
 * one profile per class of profiles that share a decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
class WorkbenchApiIntegrationTests {

	static final Path DATA = WorkbenchApi.dataDirectory();

	static final Path USERS = WorkbenchApi.usersFile();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", DATA::toString);
		// the variable operators set, as the contract names it
		registry.add("TRIAGE_USERS_FILE", USERS::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	VersionStore store;

	WorkbenchApi api;

	@BeforeEach
	void client() {
		this.api = new WorkbenchApi(this.port);
	}

	@Test
	void takesAChangeFromDraftToPublicationWithASecondPersonsApproval() {
		HttpResponse<String> created = this.api.create("2023.02", "2024-01-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode draft = this.api.json(created);
		assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.path("author").asString()).isEqualTo("policy");
		assertThat(this.api.create("2023.02", "2024-01-01").statusCode()).isEqualTo(409);
		assertThat(this.api.file("2023.02", "version.yaml")).contains("id: \"2023.02\"")
			.contains("inForceFrom: 2024-01-01");

		// a typo is found at its line at once; the fix clears it
		String flags = WorkbenchApi.kuiUnder30(this.api.file("2023.02", "flags.drl"));
		int line = lineOf(flags, "age < 30");
		JsonNode typo = this.api.save("2023.02", "flags.drl", flags.replace("age < 30,", "agee < 30,"));
		assertThat(typo.path("problems").size()).isPositive();
		assertThat(typo.path("problems").get(0).path("file").asString()).isEqualTo("flags.drl");
		assertThat(typo.path("problems").get(0).path("line").asInt()).as(typo.toString()).isEqualTo(line);
		assertThat(this.api.save("2023.02", "flags.drl", flags).path("problems").size()).isZero();

		// the old scenarios fail where the meeting now reaches; request is refused
		JsonNode failing = this.api.check("2023.02");
		assertThat(failing.path("passed").asBoolean()).isFalse();
		assertThat(failing.path("upToDate").asBoolean()).isTrue();
		List<Integer> lines = new ArrayList<>();
		failing.path("scenarios").path("failed").forEach((failed) -> lines.add(failed.path("line").asInt()));
		assertThat(lines).isNotEmpty();
		assertThat(failing.path("scenarios").path("failed").get(0).path("differences").toString())
			.contains("KUI_NETWORK_MEETING");
		assertRefused(this.api.post("/api/v1/drafts/2023.02/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");

		// scenarios fixed: every check passes; the preview names who gains the meeting
		this.api.save("2023.02", "scenarios.yaml",
				WorkbenchApi.expectKui(this.api.file("2023.02", "scenarios.yaml"), lines));
		JsonNode passing = this.api.check("2023.02");
		assertThat(passing.path("passed").asBoolean()).as(passing.toString()).isTrue();
		assertThat(passing.path("completeness").path("gaps").asLong()).isZero();
		JsonNode preview = passing.path("preview");
		assertThat(preview.path("against").asString()).isEqualTo("2023.01");
		assertThat(preview.path("profiles").asLong()).isEqualTo(2500);
		JsonNode gained = preview.path("flagsGained").get(0);
		assertThat(gained.path("flag").asString()).isEqualTo("KUI_NETWORK_MEETING");
		assertThat(gained.path("count").asLong()).isPositive();
		assertThat(gained.path("examples").get(0).path("citizenRef").asString()).startsWith("NDJ-");
		assertThat(gained.path("examples").get(0).path("rules").toString()).contains("+F-05");
		assertThat(preview.path("flagsLost").size()).isZero();
		assertThat(passing.path("millis").path("completeness").isNumber()).isTrue();

		// four eyes: the author cannot approve; a second POLICY user can
		assertThat(this.api.post("/api/v1/drafts/2023.02/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		assertThat(this.api
			.post("/api/v1/drafts/2023.02/approval", WorkbenchApi.POLICY, "{\"approve\":true,\"comment\":\"mine\"}")
			.statusCode()).isEqualTo(403);
		assertThat(this.api
			.post("/api/v1/drafts/2023.02/approval", WorkbenchApi.CASEWORKER, "{\"approve\":true,\"comment\":\"x\"}")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> approved = this.api.post("/api/v1/drafts/2023.02/approval", WorkbenchApi.PAULA,
				"{\"approve\":true,\"comment\":\"KUI til under 30\"}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(this.api.json(approved).path("state").asString()).isEqualTo("PUBLISHED");

		// activated without a restart, with the checksum the checks ran for
		String checksum = passing.path("checksum").asString();
		JsonNode rules = this.api.json(this.api.get("/api/v1/rules", WorkbenchApi.POLICY));
		JsonNode listed = null;
		for (JsonNode version : rules.path("versions")) {
			if (version.path("version").asString().equals("2023.02")) {
				listed = version;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.path("state").asString()).isEqualTo("ACTIVE");
		assertThat(listed.path("checksum").asString()).isEqualTo(checksum);
		JsonNode triage = this.api.json(this.api.post("/api/v1/triage", WorkbenchApi.CASEWORKER, """
				{"citizenRef": "wb-1", "age": 27, "assessmentDate": "2024-02-01", "benefit": "CASH_BENEFIT",
				 "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}"""));
		assertThat(triage.path("rulesVersion").asString()).isEqualTo("2023.02");
		assertThat(triage.path("rulesChecksum").asString()).isEqualTo(checksum);
		assertThat(triage.path("flags").toString()).contains("KUI_NETWORK_MEETING");

		// published: never edited again; in git as a tag with its checksum and both
		// people
		assertRefused(this.api.put("/api/v1/drafts/2023.02/files/flags.drl", WorkbenchApi.POLICY, flags),
				"not-a-draft");
		assertThat(this.store.publication("2023.02")).hasValueSatisfying((tag) -> assertThat(tag)
			.contains("checksum: " + checksum, "requested-by: policy", "approved-by: paula"));
		assertThat(this.store.mainFiles()).containsKey("2023.02/flags.drl");
		JsonNode history = this.api.json(this.api.get("/api/v1/versions/2023.02/history", WorkbenchApi.POLICY));
		List<String> actions = new ArrayList<>();
		history.path("events").forEach((event) -> actions.add(event.path("action").asString()));
		assertThat(actions).containsSubsequence("created", "edited", "checked", "requested", "approved", "published");
		assertThat(history.path("approvedBy").asString()).isEqualTo("paula");
		assertThat(history.path("checksum").asString()).isEqualTo(checksum);
		assertThat(history.path("commits").size()).isPositive();
		assertThat(history.path("commits").get(history.path("commits").size() - 1).path("author").asString())
			.isEqualTo("policy");
	}

	@Test
	void neverPublishesADraftWithASyntaxError() {
		this.api.create("9.1", "2030-01-01");
		String tiers = this.api.file("9.1", "tiers.drl");
		JsonNode saved = this.api.save("9.1", "tiers.drl", tiers.replaceFirst("then", "thn"));
		assertThat(saved.path("problems").size()).isPositive();
		JsonNode checks = this.api.check("9.1");
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertThat(checks.path("validation").size()).isPositive();
		assertRefused(this.api.post("/api/v1/drafts/9.1/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithAFailingScenario() {
		this.api.create("9.2", "2030-01-01");
		String scenarios = this.api.file("9.2", "scenarios.yaml");
		this.api.save("9.2", "scenarios.yaml",
				scenarios.replaceFirst("responsibleArea: CHILDREN_AND_FAMILY", "responsibleArea: SOCIAL"));
		JsonNode checks = this.api.check("9.2");
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertThat(checks.path("validation").size()).isZero();
		assertThat(checks.path("scenarios").path("failed").size()).isEqualTo(1);
		assertThat(checks.path("completeness").path("gaps").asLong()).isZero();
		assertRefused(this.api.post("/api/v1/drafts/9.2/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithAGap() {
		this.api.create("9.3", "2030-01-01");
		String tiers = this.api.file("9.3", "tiers.drl");
		String withoutChildren = tiers.replaceFirst("(?s)rule \"T0-01 .*?\\nend\\n", "");
		assertThat(withoutChildren).isNotEqualTo(tiers);
		this.api.save("9.3", "tiers.drl", withoutChildren);
		JsonNode checks = this.api.check("9.3");
		assertThat(checks.path("completeness").path("gaps").asLong()).isPositive();
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/9.3/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithAnOverlap() {
		this.api.create("9.4", "2030-01-01");
		String tiers = this.api.file("9.4", "tiers.drl");
		String rule = java.util.regex.Pattern.compile("(?s)rule \"T0-01 .*?\\nend\\n")
			.matcher(tiers)
			.results()
			.findFirst()
			.orElseThrow()
			.group();
		String twin = rule.replace("T0-01", "T0-09").replace("Children under 15 are outside", "Under-15s are outside");
		this.api.save("9.4", "tiers.drl", tiers + "\n" + twin);
		JsonNode checks = this.api.check("9.4");
		assertThat(checks.path("completeness").path("overlaps").asLong()).isPositive();
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/9.4/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithADeadRule() {
		this.api.create("9.5", "2030-01-01");
		String flags = this.api.file("9.5", "flags.drl");
		String dead = """

				rule "F-99 Nobody is younger than zero"
					@id("F-99")
					@source("000_376bb355f2c46007.txt")
					@section("15-17 årige")
					@da("Ingen borger er under nul år.")
					@en("No citizen is younger than zero.")
				when
					Profile( age < 0 )
				then
					insert(new FlagRaised(Flag.KUI_NETWORK_MEETING));
				end
				""";
		JsonNode saved = this.api.save("9.5", "flags.drl", flags + dead);
		assertThat(saved.path("problems").size()).as(saved.toString()).isZero();
		JsonNode checks = this.api.check("9.5");
		assertThat(checks.path("completeness").path("deadRules").toString()).contains("F-99");
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/9.5/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void refusesARequestOrApprovalWhenTheDraftChangedSinceItsChecks() {
		this.api.create("9.6", "2030-01-01");
		assertRefused(this.api.post("/api/v1/drafts/9.6/publication-request", WorkbenchApi.POLICY, ""),
				"checks-not-run");
		JsonNode checks = this.api.check("9.6",
				"""
						{"citizenRef": "own-1", "age": 19, "benefit": "EDUCATION_BENEFIT", "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}

						{"citizenRef": "own-2", "age": 40, "benefit": "CASH_BENEFIT", "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}
						""");
		assertThat(checks.path("passed").asBoolean()).as(checks.toString()).isTrue();
		assertThat(checks.path("preview").path("profiles").asLong()).isEqualTo(2);
		assertThat(checks.path("preview").path("population").asString()).isEqualTo("the population sent");
		String flags = this.api.file("9.6", "flags.drl");
		this.api.save("9.6", "flags.drl", flags + "\n// a comment after the checks\n");
		assertThat(this.api.json(this.api.get("/api/v1/drafts/9.6/checks", WorkbenchApi.POLICY))
			.path("upToDate")
			.asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/9.6/publication-request", WorkbenchApi.POLICY, ""),
				"checks-out-of-date");
		assertThat(this.api.json(this.api.get("/api/v1/drafts/9.6", WorkbenchApi.POLICY)).path("state").asString())
			.isEqualTo("DRAFT");

		// checked again and requested, a second person may also reject, with a comment
		assertThat(this.api.check("9.6").path("passed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/drafts/9.6/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		assertRefused(this.api.put("/api/v1/drafts/9.6/files/flags.drl", WorkbenchApi.POLICY, flags), "not-a-draft");
		HttpResponse<String> rejected = this.api.post("/api/v1/drafts/9.6/approval", WorkbenchApi.PAULA,
				"{\"approve\":false,\"comment\":\"Mangler en ny kilde\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat(this.api.json(rejected).path("state").asString()).isEqualTo("REJECTED");
		assertRefused(this.api.post("/api/v1/drafts/9.6/approval", WorkbenchApi.PAULA, "{\"approve\":true}"),
				"not-requested");
		assertThat(this.store.publishedVersions()).doesNotContain("9.6");
		JsonNode history = this.api.json(this.api.get("/api/v1/versions/9.6/history", WorkbenchApi.POLICY));
		assertThat(history.path("events").get(history.path("events").size() - 1).path("action").asString())
			.isEqualTo("rejected");
	}

	@Test
	void answersBadRequestsWithProblemsNamingTheField() {
		HttpResponse<String> bad = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
				"{\"id\":\"../x\",\"from\":\"2023.01\",\"inForceFrom\":\"2024-01-01\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("/id");
		HttpResponse<String> date = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
				"{\"id\":\"9.7\",\"from\":\"2023.01\",\"inForceFrom\":\"soon\"}");
		assertThat(date.statusCode()).isEqualTo(400);
		assertThat(date.body()).contains("/inForceFrom");
		assertThat(this.api.get("/api/v1/drafts/nope", WorkbenchApi.POLICY).statusCode()).isEqualTo(404);
		this.api.create("9.7", "2030-01-01");
		HttpResponse<String> population = this.api.post("/api/v1/drafts/9.7/checks", WorkbenchApi.POLICY,
				"{\"citizenRef\":\"a\",\"age\":30,\"benefit\":\"NONE\"}\n{\"citizenRef\":\"0101901234\",\"age\":30,\"benefit\":\"NONE\"}\n");
		assertThat(population.statusCode()).isEqualTo(400);
		assertThat(population.body()).contains("line 2").doesNotContain("0101901234");

		// two versions cannot come into force on the same day
		this.api.create("9.9", "2023-01-01");
		JsonNode clash = this.api.save("9.9", "version.yaml", this.api.file("9.9", "version.yaml"));
		assertThat(clash.path("problems").get(0).path("file").asString()).isEqualTo("version.yaml");
		assertThat(clash.path("problems").get(0).path("message").asString()).contains("2023.01");
		assertThat(this.api.get("/api/v1/drafts", WorkbenchApi.CASEWORKER).statusCode()).isEqualTo(403);
		assertThat(this.api.create("2023.01", "2024-01-01").statusCode()).isEqualTo(409);
	}

	@Test
	void replacesADraftsFilesWithAnUploadedVersionFolder() {
		this.api.create("9.10", "2031-01-01");
		java.util.Map<String, String> files = new java.util.TreeMap<>();
		for (String name : List.of("version.yaml", "derived.drl", "tiers.drl", "whynot.drl", "scenarios.yaml")) {
			files.put(name, this.api.file("9.10", name));
		}
		files.put("flags.drl", WorkbenchApi.kuiUnder30(this.api.file("9.10", "flags.drl")));
		HttpResponse<String> uploaded = this.api.putZip("/api/v1/drafts/9.10/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("2023.02/", files));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		assertThat(this.api.json(uploaded).path("problems").size()).isZero();
		assertThat(this.api.file("9.10", "flags.drl")).contains("age < 30");

		HttpResponse<String> escape = this.api.putZip("/api/v1/drafts/9.10/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", java.util.Map.of("../../flags.drl", "x")));
		assertThat(escape.statusCode()).isEqualTo(400);
		assertThat(escape.body()).contains("zip");
		HttpResponse<String> other = this.api.putZip("/api/v1/drafts/9.10/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", java.util.Map.of("notes.txt", "x")));
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(other.body()).contains("notes.txt");
		assertThat(
				this.api.putZip("/api/v1/drafts/9.10/files", WorkbenchApi.POLICY, "not a zip".getBytes()).statusCode())
			.isEqualTo(400);
	}

	private static void assertRefused(HttpResponse<String> response, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		assertThat(response.body()).contains(reason);
	}

	private static int lineOf(String text, String part) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(part)) {
				return i + 1;
			}
		}
		throw new AssertionError(part + " not found");
	}

}
