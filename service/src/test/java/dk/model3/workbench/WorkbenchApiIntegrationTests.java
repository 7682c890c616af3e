package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dk.model3.triage.Copenhagen;
import dk.model3.versions.VersionStore;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
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

	static final MovableClock CLOCK = new MovableClock();

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	@Autowired
	MeterRegistry meters;

	WorkbenchApi api;

	@BeforeEach
	void client() {
		this.api = new WorkbenchApi(this.port);
	}

	@Test
	void takesAChangeFromDraftToPublicationWithASecondPersonsApproval() {
		HttpResponse<String> created = this.api.create("2023.02", "2029-01-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode draft = this.api.json(created);
		assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.path("author").asString()).isEqualTo("policy");
		assertThat(this.api.create("2023.02", "2029-01-01").statusCode()).isEqualTo(409);
		assertThat(this.api.file("2023.02", "version.yaml")).contains("id: \"2023.02\"")
			.contains("inForceFrom: \"2029-01-01\"");
		assertThat(draft.path("inForceFrom").asString()).isEqualTo("2029-01-01");

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
		// the meeting now reaches 26-29 year olds, who are offered the joint plan too:
		// two coordinations at once, which the preview warns of without failing the
		// checks
		JsonNode forbidden = preview.path("forbidden");
		assertThat(forbidden.size()).as(forbidden.toString()).isEqualTo(1);
		assertThat(forbidden.get(0).path("combination").asString()).isEqualTo("JOINT_PLAN_AND_KUI_MEETING");
		assertThat(forbidden.get(0).path("count").asLong()).isPositive();
		for (JsonNode example : forbidden.get(0).path("examples")) {
			assertThat(JSON.readTree(example.path("profile").asString()).path("age").asInt()).isBetween(25, 29);
		}
		assertThat(passing.path("millis").path("completeness").isNumber()).isTrue();

		// four eyes: the author cannot approve; a second POLICY user can, naming what
		// they saw
		assertThat(this.api.post("/api/v1/drafts/2023.02/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		assertThat(this.api.approve("2023.02", WorkbenchApi.POLICY, "mine").statusCode()).isEqualTo(403);
		assertThat(this.api
			.post("/api/v1/drafts/2023.02/approval", WorkbenchApi.CASEWORKER, "{\"approve\":true,\"comment\":\"x\"}")
			.statusCode()).isEqualTo(403);
		// the changes, rule by rule in Danish; an approval naming another diff is refused
		HttpResponse<String> diff = this.api.get("/api/v1/drafts/2023.02/changes", WorkbenchApi.PAULA);
		assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
		JsonNode changes = this.api.json(diff);
		assertThat(changes.path("from").asString()).isEqualTo("2023.01");
		assertThat(changes.path("rules").get(0).path("ruleId").asString()).isEqualTo("F-05");
		assertThat(changes.path("rules").get(0).path("change").asString()).isEqualTo("CHANGED");
		assertThat(changes.path("rules").get(0).path("conditions").get(0).path("da").asString())
			.isEqualTo("betingelse tilføjet: alder under 30");
		assertThat(changes.path("scenarios").path("changed").size()).isEqualTo(lines.size());
		assertThat(changes.path("scenarios").path("changed").get(0).path("da").asString())
			.contains("forventede markeringer");
		JsonNode seen = this.api.draft("2023.02", WorkbenchApi.PAULA);
		HttpResponse<String> otherDiff = this.api.post("/api/v1/drafts/2023.02/approval", WorkbenchApi.PAULA,
				JSON.createObjectNode()
					.put("approve", true)
					.put("checksum", seen.path("checksum").asString())
					.put("inForceFrom", seen.path("inForceFrom").asString())
					.put("changes", "sha256:" + "0".repeat(64))
					.toString());
		assertRefused(otherDiff, "changed-since-seen");
		assertThat(otherDiff.body()).contains("/changes");
		assertThat(this.api.get("/api/v1/drafts/2023.02/changes", WorkbenchApi.CASEWORKER).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/drafts/2099.98/changes", WorkbenchApi.POLICY).statusCode()).isEqualTo(404);
		double taken = compiles("checks");
		HttpResponse<String> approved = this.api.approve("2023.02", WorkbenchApi.PAULA, "KUI til under 30");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(this.api.json(approved).path("state").asString()).isEqualTo("PUBLISHED");
		// the version the passing checks compiled serves: not compiled again
		assertThat(compiles("checks")).isEqualTo(taken + 1);

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
				{"citizenRef": "wb-1", "age": 27, "assessmentDate": "2029-02-01", "benefit": "CASH_BENEFIT",
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
		// the change note is the published catalogue's changes, Danish on the Danish page
		String catalogue = this.api.page("/rules/2023.02", WorkbenchApi.POLICY).body();
		assertThat(catalogue).contains("Et testudkast.")
			.doesNotContain("A test draft.")
			.doesNotContain("KUI network meeting for 15-24");
		assertThat(this.api.page("/rules/2023.02?lang=en", WorkbenchApi.POLICY).body()).contains("A test draft.");
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
	void requiresAChangeNoteInDanishAndEnglishBeforeAPublicationRequest() {
		HttpResponse<String> created = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY, """
				{"id": "2093.01", "from": "2023.01", "inForceFrom": "2036-01-01", "title": "No note yet"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		// the notes of the version it was made from are not the draft's note
		assertThat(this.api.json(created).path("note").isNull()).isTrue();
		assertThat(this.api.check("2093.01").path("passed").asBoolean()).isTrue();
		HttpResponse<String> refused = this.api.post("/api/v1/drafts/2093.01/publication-request", WorkbenchApi.POLICY,
				"");
		assertRefused(refused, "note-missing");
		assertThat(refused.body()).contains("/note/da", "/note/en");

		HttpResponse<String> english = this.api.note("2093.01", WorkbenchApi.POLICY, "Kun dansk", " ");
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("\"/en\"");
		assertThat(this.api.note("2093.01", WorkbenchApi.POLICY, "x".repeat(2001), "long").statusCode()).isEqualTo(400);
		assertThat(this.api.note("2093.01", WorkbenchApi.CASEWORKER, "a", "b").statusCode()).isEqualTo(403);
		HttpResponse<String> saved = this.api.note("2093.01", WorkbenchApi.POLICY,
				"KUI-netværksmødet gælder nu \"unge\" under 30 år.", "The KUI network meeting now reaches under-30s.");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(this.api.json(saved).path("problems").size()).isZero();

		// the note is the version's change notes in version.yaml, Danish under da:
		JsonNode draft = this.api.draft("2093.01", WorkbenchApi.POLICY);
		assertThat(draft.path("note").path("da").asString())
			.isEqualTo("KUI-netværksmødet gælder nu \"unge\" under 30 år.");
		assertThat(draft.path("note").path("en").asString())
			.isEqualTo("The KUI network meeting now reaches under-30s.");
		String descriptor = this.api.file("2093.01", "version.yaml");
		assertThat(descriptor).doesNotContain("Adds the KUI network meeting for 15-24 year olds");
		assertThat(VersionYaml.changesDa(descriptor))
			.containsExactly("KUI-netværksmødet gælder nu \"unge\" under 30 år.");
		assertThat(VersionYaml.changes(descriptor)).containsExactly("The KUI network meeting now reaches under-30s.");

		// a save like any other: the checks run again before the request
		assertRefused(this.api.post("/api/v1/drafts/2093.01/publication-request", WorkbenchApi.POLICY, ""),
				"checks-out-of-date");
		assertThat(this.api.check("2093.01").path("passed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/drafts/2093.01/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		assertRefused(this.api.note("2093.01", WorkbenchApi.POLICY, "a", "b"), "not-a-draft");

		// both calls are in the OpenAPI description
		assertThat(this.api.get("/v3/api-docs", WorkbenchApi.POLICY).body()).contains("/api/v1/drafts/{id}/note",
				"/api/v1/drafts/{id}/changes");

		// the history page shows the note
		HttpResponse<String> history = this.api.page("/workbench/versions/2093.01/history", WorkbenchApi.POLICY);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(history.body()).contains("KUI-netværksmødet gælder nu &quot;unge&quot; under 30 år.");
	}

	@Test
	void neverPublishesADraftWithASyntaxError() {
		this.api.create("2091.01", "2030-01-01");
		String tiers = this.api.file("2091.01", "tiers.drl");
		JsonNode saved = this.api.save("2091.01", "tiers.drl", tiers.replaceFirst("then", "thn"));
		assertThat(saved.path("problems").size()).isPositive();
		JsonNode checks = this.api.check("2091.01");
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertThat(checks.path("validation").size()).isPositive();
		assertRefused(this.api.post("/api/v1/drafts/2091.01/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithAFailingScenario() {
		this.api.create("2091.02", "2030-01-01");
		String scenarios = this.api.file("2091.02", "scenarios.yaml");
		this.api.save("2091.02", "scenarios.yaml",
				scenarios.replaceFirst("responsibleArea: CHILDREN_AND_FAMILY", "responsibleArea: SOCIAL"));
		JsonNode checks = this.api.check("2091.02");
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertThat(checks.path("validation").size()).isZero();
		assertThat(checks.path("scenarios").path("failed").size()).isEqualTo(1);
		assertThat(checks.path("completeness").path("gaps").asLong()).isZero();
		assertRefused(this.api.post("/api/v1/drafts/2091.02/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithAGap() {
		this.api.create("2091.03", "2030-01-01");
		String tiers = this.api.file("2091.03", "tiers.drl");
		String withoutChildren = tiers.replaceFirst("(?s)rule \"T0-01 .*?\\nend\\n", "");
		assertThat(withoutChildren).isNotEqualTo(tiers);
		this.api.save("2091.03", "tiers.drl", withoutChildren);
		JsonNode checks = this.api.check("2091.03");
		assertThat(checks.path("completeness").path("gaps").asLong()).isPositive();
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/2091.03/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithAnOverlap() {
		this.api.create("2091.04", "2030-01-01");
		String tiers = this.api.file("2091.04", "tiers.drl");
		String rule = java.util.regex.Pattern.compile("(?s)rule \"T0-01 .*?\\nend\\n")
			.matcher(tiers)
			.results()
			.findFirst()
			.orElseThrow()
			.group();
		String twin = rule.replace("T0-01", "T0-09").replace("Children under 15 are outside", "Under-15s are outside");
		this.api.save("2091.04", "tiers.drl", tiers + "\n" + twin);
		JsonNode checks = this.api.check("2091.04");
		assertThat(checks.path("completeness").path("overlaps").asLong()).isPositive();
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/2091.04/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void neverPublishesADraftWithADeadRule() {
		this.api.create("2091.05", "2030-01-01");
		String flags = this.api.file("2091.05", "flags.drl");
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
		JsonNode saved = this.api.save("2091.05", "flags.drl", flags + dead);
		assertThat(saved.path("problems").size()).as(saved.toString()).isZero();
		JsonNode checks = this.api.check("2091.05");
		assertThat(checks.path("completeness").path("deadRules").toString()).contains("F-99");
		assertThat(checks.path("passed").asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/2091.05/publication-request", WorkbenchApi.POLICY, ""),
				"checks-failed");
	}

	@Test
	void refusesARequestOrApprovalWhenTheDraftChangedSinceItsChecks() {
		this.api.create("2091.06", "2030-01-01");
		assertRefused(this.api.post("/api/v1/drafts/2091.06/publication-request", WorkbenchApi.POLICY, ""),
				"checks-not-run");
		JsonNode checks = this.api.check("2091.06",
				"""
						{"citizenRef": "own-1", "age": 19, "benefit": "EDUCATION_BENEFIT", "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}

						{"citizenRef": "own-2", "age": 40, "benefit": "CASH_BENEFIT", "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}
						""");
		assertThat(checks.path("passed").asBoolean()).as(checks.toString()).isTrue();
		assertThat(checks.path("preview").path("profiles").asLong()).isEqualTo(2);
		assertThat(checks.path("preview").path("population").asString()).isEqualTo("the population sent");
		String flags = this.api.file("2091.06", "flags.drl");
		this.api.save("2091.06", "flags.drl", flags + "\n// a comment after the checks\n");
		assertThat(this.api.json(this.api.get("/api/v1/drafts/2091.06/checks", WorkbenchApi.POLICY))
			.path("upToDate")
			.asBoolean()).isFalse();
		assertRefused(this.api.post("/api/v1/drafts/2091.06/publication-request", WorkbenchApi.POLICY, ""),
				"checks-out-of-date");
		assertThat(this.api.json(this.api.get("/api/v1/drafts/2091.06", WorkbenchApi.POLICY)).path("state").asString())
			.isEqualTo("DRAFT");

		// checked again and requested, a second person may also reject, with a comment
		assertThat(this.api.check("2091.06").path("passed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/drafts/2091.06/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		assertRefused(this.api.put("/api/v1/drafts/2091.06/files/flags.drl", WorkbenchApi.POLICY, flags),
				"not-a-draft");
		HttpResponse<String> rejected = this.api.post("/api/v1/drafts/2091.06/approval", WorkbenchApi.PAULA,
				"{\"approve\":false,\"comment\":\"Mangler en ny kilde\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat(this.api.json(rejected).path("state").asString()).isEqualTo("REJECTED");
		assertRefused(this.api.approve("2091.06", WorkbenchApi.PAULA, "after all"), "not-requested");
		assertThat(this.store.publishedVersions()).doesNotContain("2091.06");
		JsonNode history = this.api.json(this.api.get("/api/v1/versions/2091.06/history", WorkbenchApi.POLICY));
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
				"{\"id\":\"2091.07\",\"from\":\"2023.01\",\"inForceFrom\":\"soon\"}");
		assertThat(date.statusCode()).isEqualTo(400);
		assertThat(date.body()).contains("/inForceFrom");
		assertThat(this.api.get("/api/v1/drafts/2099.99", WorkbenchApi.POLICY).statusCode()).isEqualTo(404);
		this.api.create("2091.07", "2030-01-01");
		HttpResponse<String> population = this.api.post("/api/v1/drafts/2091.07/checks", WorkbenchApi.POLICY,
				"{\"citizenRef\":\"a\",\"age\":30,\"benefit\":\"NONE\"}\n{\"citizenRef\":\"0101901234\",\"age\":30,\"benefit\":\"NONE\"}\n");
		assertThat(population.statusCode()).isEqualTo(400);
		assertThat(population.body()).contains("line 2").doesNotContain("0101901234");

		// two versions cannot come into force on the same day
		this.api.create("2091.09", "2023-01-01");
		JsonNode clash = this.api.save("2091.09", "version.yaml", this.api.file("2091.09", "version.yaml"));
		assertThat(clash.path("problems").get(0).path("file").asString()).isEqualTo("version.yaml");
		assertThat(clash.path("problems").get(0).path("message").asString()).contains("2023.01");
		assertThat(this.api.get("/api/v1/drafts", WorkbenchApi.CASEWORKER).statusCode()).isEqualTo(403);
		assertThat(this.api.create("2023.01", "2024-01-01").statusCode()).isEqualTo(409);
	}

	@Test
	void replacesADraftsFilesWithAnUploadedVersionFolder() {
		this.api.create("2091.10", "2031-01-01");
		java.util.Map<String, String> files = new java.util.TreeMap<>();
		for (String name : List.of("version.yaml", "derived.drl", "tiers.drl", "whynot.drl", "scenarios.yaml")) {
			files.put(name, this.api.file("2091.10", name));
		}
		files.put("flags.drl", WorkbenchApi.kuiUnder30(this.api.file("2091.10", "flags.drl")));
		HttpResponse<String> uploaded = this.api.putZip("/api/v1/drafts/2091.10/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("2023.02/", files));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		assertThat(this.api.json(uploaded).path("problems").size()).isZero();
		assertThat(this.api.file("2091.10", "flags.drl")).contains("age < 30");

		HttpResponse<String> escape = this.api.putZip("/api/v1/drafts/2091.10/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", java.util.Map.of("../../flags.drl", "x")));
		assertThat(escape.statusCode()).isEqualTo(400);
		assertThat(escape.body()).contains("zip");
		HttpResponse<String> other = this.api.putZip("/api/v1/drafts/2091.10/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", java.util.Map.of("notes.txt", "x")));
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(other.body()).contains("notes.txt");
		assertThat(this.api.putZip("/api/v1/drafts/2091.10/files", WorkbenchApi.POLICY, "not a zip".getBytes())
			.statusCode()).isEqualTo(400);
	}

	@Test
	void refusesAnApprovalByAnyoneWhoEditedTheDraft() {
		this.api.create("2092.01", "2032-01-01");
		// paula edits one file of policy's draft
		String flags = this.api.file("2092.01", "flags.drl");
		HttpResponse<String> edited = this.api.put("/api/v1/drafts/2092.01/files/flags.drl", WorkbenchApi.PAULA,
				flags + "\n// paula's note\n");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(this.api.check("2092.01").path("passed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/drafts/2092.01/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);

		HttpResponse<String> byEditor = this.api.approve("2092.01", WorkbenchApi.PAULA, "looks fine");
		assertThat(byEditor.statusCode()).as(byEditor.body()).isEqualTo(403);
		assertThat(byEditor.body()).contains("four-eyes");
		assertThat(this.api.approve("2092.01", WorkbenchApi.POLICY, "mine").statusCode()).isEqualTo(403);
		assertThat(this.api.draft("2092.01", WorkbenchApi.POLICY).path("state").asString()).isEqualTo("REQUESTED");
		assertThat(this.store.publishedVersions()).doesNotContain("2092.01");
		assertThat(this.store.publication("2092.01")).isEmpty();
	}

	@Test
	void refusesAnApprovalOfAnythingElseThanTheApproverSaw() {
		this.api.create("2092.02", "2033-01-01");
		assertThat(this.api.check("2092.02").path("passed").asBoolean()).isTrue();
		JsonNode seen = this.api.draft("2092.02", WorkbenchApi.PAULA);
		assertThat(seen.path("inForceFrom").asString()).isEqualTo("2033-01-01");

		// the date changed in version.yaml after the approver looked; checked and
		// requested again
		String descriptor = this.api.file("2092.02", "version.yaml");
		this.api.save("2092.02", "version.yaml",
				descriptor.replace("inForceFrom: \"2033-01-01\"", "inForceFrom: \"2033-02-01\""));
		assertThat(this.api.draft("2092.02", WorkbenchApi.PAULA).path("inForceFrom").asString())
			.isEqualTo("2033-02-01");
		assertThat(this.api.check("2092.02").path("passed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/drafts/2092.02/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);

		HttpResponse<String> stale = this.api.approve("2092.02", WorkbenchApi.PAULA, "OK",
				seen.path("checksum").asString(), seen.path("inForceFrom").asString());
		assertRefused(stale, "changed-since-seen");
		assertThat(fields(stale)).containsExactly("/checksum", "/inForceFrom");
		HttpResponse<String> oldDate = this.api.approve("2092.02", WorkbenchApi.PAULA, "OK",
				this.api.draft("2092.02", WorkbenchApi.PAULA).path("checksum").asString(), "2033-01-01");
		assertRefused(oldDate, "changed-since-seen");
		assertThat(fields(oldDate)).containsExactly("/inForceFrom");

		// an approval names both; a rejection needs neither
		HttpResponse<String> without = this.api.post("/api/v1/drafts/2092.02/approval", WorkbenchApi.PAULA,
				"{\"approve\":true,\"comment\":\"OK\",\"inForceFrom\":\"2033-02-01\"}");
		assertThat(without.statusCode()).isEqualTo(400);
		assertThat(fields(without)).containsExactly("/checksum");
		HttpResponse<String> noDate = this.api.post("/api/v1/drafts/2092.02/approval", WorkbenchApi.PAULA,
				"{\"approve\":true,\"comment\":\"OK\",\"checksum\":\"" + seen.path("checksum").asString() + "\"}");
		assertThat(noDate.statusCode()).isEqualTo(400);
		assertThat(fields(noDate)).containsExactly("/inForceFrom");
		assertThat(this.store.publishedVersions()).doesNotContain("2092.02");
		HttpResponse<String> rejected = this.api.post("/api/v1/drafts/2092.02/approval", WorkbenchApi.PAULA,
				"{\"approve\":false,\"comment\":\"Ny dato uden begrundelse\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat(this.api.json(rejected).path("state").asString()).isEqualTo("REJECTED");
	}

	@Test
	void neverPublishesAVersionWhoseInForceDateIsBeforeTheDayOfPublication() {
		String before = todaysVersion();

		// refused at the request
		this.api.create("2092.03", "2025-02-01");
		assertThat(this.api.check("2092.03").path("passed").asBoolean()).isTrue();
		HttpResponse<String> requested = this.api.post("/api/v1/drafts/2092.03/publication-request",
				WorkbenchApi.POLICY, "");
		assertRefused(requested, "in-force-date-passed");
		assertThat(fields(requested)).containsExactly("/inForceFrom");

		// and at the approval, when the day came while the draft waited
		LocalDate tomorrow = LocalDate.now(CLOCK).plusDays(1);
		this.api.create("2092.04", tomorrow.toString());
		assertThat(this.api.check("2092.04").path("passed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/drafts/2092.04/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(200);
		try {
			CLOCK.set(Instant.now().plus(Duration.ofDays(2)));
			HttpResponse<String> approved = this.api.approve("2092.04", WorkbenchApi.PAULA, "OK");
			assertRefused(approved, "in-force-date-passed");
			assertThat(fields(approved)).containsExactly("/inForceFrom");
		}
		finally {
			CLOCK.set(null);
		}
		assertThat(this.store.publishedVersions()).doesNotContain("2092.03", "2092.04");
		assertThat(this.api.draft("2092.04", WorkbenchApi.POLICY).path("state").asString()).isEqualTo("REQUESTED");
		assertThat(todaysVersion()).isEqualTo(before);
	}

	@Test
	void neverStoresAPopulationSentForThePreview() throws IOException {
		this.api.create("2092.05", "2034-01-01");
		this.api.save("2092.05", "flags.drl", WorkbenchApi.kuiUnder30(this.api.file("2092.05", "flags.drl")));
		StringBuilder population = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			population
				.append("""
						{"citizenRef": "zq-4711-%d", "age": %d, "benefit": "CASH_BENEFIT", "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}
						"""
					.formatted(i, 25 + i % 5));
		}
		JsonNode checks = this.api.check("2092.05", population.toString());
		JsonNode preview = checks.path("preview");
		assertThat(preview.path("profiles").asLong()).isEqualTo(20);
		assertThat(preview.path("population").asString()).isEqualTo("the population sent");
		assertThat(preview.path("flagsGained").get(0).path("count").asLong()).isPositive();
		// shown from this run, for now
		assertThat(preview.toString()).contains("zq-4711-");

		assertThat(filesHolding("zq-4711")).isEmpty();
		assertThat(gitObjectsHolding(DATA.resolve("versions.git"), "zq-4711")).isEmpty();
		String kept = this.store.draftFiles("2092.05", ".workbench/2092.05.checks.json")
			.get(".workbench/2092.05.checks.json");
		assertThat(kept).contains("\"changed\"").doesNotContain("zq-4711");

		// the reference population's examples are kept: its citizens are pseudonyms
		assertThat(this.api.check("2092.05").path("preview").toString()).contains("NDJ-");
		assertThat(gitObjectsHolding(DATA.resolve("versions.git"), "zq-4711")).isEmpty();
	}

	@Test
	void refusesIdsThatAreNotVersionIdsBeforeTouchingTheRepository() {
		for (String id : List.of("X.lock", "a..b", "sources.yaml", "2023.1", "2023.001", "2023.02.lock", "..",
				"main")) {
			HttpResponse<String> created = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
					"{\"id\":\"" + id + "\",\"from\":\"2023.01\",\"inForceFrom\":\"2035-01-01\",\"title\":\"x\"}");
			assertThat(created.statusCode()).as(id + ": " + created.body()).isEqualTo(400);
			assertThat(fields(created)).as(id).containsExactly("/id");
		}
		for (String path : List.of("/api/v1/drafts/X.lock", "/api/v1/drafts/a..b/checks",
				"/api/v1/drafts/sources.yaml/files/flags.drl", "/api/v1/versions/X.lock/history",
				"/api/v1/versions/sources.yaml/history")) {
			HttpResponse<String> response = this.api.get(path, WorkbenchApi.POLICY);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(400, 404);
			assertThat(response.body()).as(path).doesNotContain("Exception");
		}
		assertThat(this.api.put("/api/v1/drafts/X.lock/files/flags.drl", WorkbenchApi.POLICY, "x").statusCode())
			.isEqualTo(400);
		assertThat(this.api.post("/api/v1/drafts/a..b/publication-request", WorkbenchApi.POLICY, "").statusCode())
			.isEqualTo(400);
		assertThat(this.api.approve("X.lock", WorkbenchApi.PAULA, "x", "sha256:" + "0".repeat(64), "2035-01-01")
			.statusCode()).isEqualTo(400);
		assertThat(this.store.drafts())
			.noneMatch((id) -> id.contains("lock") || id.contains("..") || id.contains("yaml") || id.equals("main"));

		// a file name that is no version's
		this.api.create("2092.06", "2035-01-01");
		HttpResponse<String> lock = this.api.put("/api/v1/drafts/2092.06/files/X.lock", WorkbenchApi.POLICY, "x");
		assertThat(lock.statusCode()).isEqualTo(400);
		assertThat(fields(lock)).containsExactly("/name");
		assertThat(this.api.put("/api/v1/drafts/2092.06/files/Flags.drl", WorkbenchApi.POLICY, "x").statusCode())
			.isEqualTo(400);
	}

	@Test
	void refusesAZipBeyondItsLimitsBeforeAnythingIsCommitted() {
		this.api.create("2092.07", "2035-02-01");
		int commits = this.store.draftHistory("2092.07").size();
		String descriptor = this.api.file("2092.07", "version.yaml");
		String line = "// " + "x".repeat(70) + "\n";

		// 64 KiB of zip that would unpack to far more: refused once 2 MiB are read
		Map<String, String> bomb = new TreeMap<>();
		bomb.put("version.yaml", descriptor);
		for (String name : List.of("a.drl", "b.drl", "c.drl")) {
			bomb.put(name, line.repeat(900 * 1024 / line.length()));
		}
		HttpResponse<String> tooBig = this.api.putZip("/api/v1/drafts/2092.07/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", bomb));
		assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(400);
		assertThat(tooBig.body()).contains("2 MiB").contains("c.drl");
		HttpResponse<String> oneFile = this.api.putZip("/api/v1/drafts/2092.07/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", Map.of("version.yaml", descriptor, "a.drl", line.repeat(20_000))));
		assertThat(oneFile.statusCode()).isEqualTo(400);
		assertThat(oneFile.body()).contains("a.drl").contains("1 MiB");
		HttpResponse<String> longLine = this.api.putZip("/api/v1/drafts/2092.07/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", Map.of("version.yaml", descriptor, "a.drl", "x".repeat(20_000))));
		assertThat(longLine.statusCode()).isEqualTo(400);
		assertThat(longLine.body()).contains("a.drl line 1");

		// a zip without version.yaml, or with a name no version has
		HttpResponse<String> noDescriptor = this.api.putZip("/api/v1/drafts/2092.07/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", Map.of("flags.drl", this.api.file("2092.07", "flags.drl"))));
		assertThat(noDescriptor.statusCode()).as(noDescriptor.body()).isEqualTo(400);
		assertThat(fields(noDescriptor)).containsExactly("zip/version.yaml");
		HttpResponse<String> upper = this.api.putZip("/api/v1/drafts/2092.07/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("", Map.of("version.yaml", descriptor, "Flags.drl", "x")));
		assertThat(upper.statusCode()).isEqualTo(400);
		assertThat(fields(upper)).containsExactly("zip/Flags.drl");
		HttpResponse<String> nested = this.api.putZip("/api/v1/drafts/2092.07/files", WorkbenchApi.POLICY,
				WorkbenchApi.zip("a/b/", Map.of("version.yaml", descriptor)));
		assertThat(nested.statusCode()).isEqualTo(400);

		assertThat(this.store.draftHistory("2092.07")).hasSize(commits);
		assertThat(this.api.file("2092.07", "version.yaml")).isEqualTo(descriptor);
		assertThat(this.api.json(this.api.get("/api/v1/drafts/2092.07", WorkbenchApi.POLICY)).path("files").toString())
			.contains("flags.drl", "tiers.drl");
	}

	@Test
	void takesATitleAsTextAndRefusesWhatCouldEndAStringAtCreation() {
		String title = "Ændring: KUI for 15–29-årige (§ 2), 100 % & mere";
		HttpResponse<String> created = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
				JSON.createObjectNode()
					.put("id", "2092.08")
					.put("from", "2023.01")
					.put("inForceFrom", "2035-03-01")
					.put("title", title)
					.put("titleDa", "Netværksmøde i KUI for 15–29-årige")
					.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(this.api.json(created).path("title").asString()).isEqualTo(title);
		assertThat(this.api.json(created).path("titleDa").asString()).isEqualTo("Netværksmøde i KUI for 15–29-årige");
		assertThat(this.api.file("2092.08", "version.yaml")).startsWith("# Rule version descriptor")
			.contains("title: \"Netværksmøde i KUI for 15–29-årige\"");
		HttpResponse<String> quotedDa = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
				JSON.createObjectNode()
					.put("id", "2092.11")
					.put("from", "2023.01")
					.put("inForceFrom", "2035-03-01")
					.put("titleDa", "Pris \"citat\"")
					.toString());
		assertThat(quotedDa.statusCode()).as(quotedDa.body()).isEqualTo(400);
		assertThat(fields(quotedDa)).containsExactly("/titleDa");
		assertThat(quotedDa.body()).contains("Titlen må ikke indeholde");
		// a replacement group, a backslash and quotes: refused with the field, never a
		// 500
		HttpResponse<String> quoted = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
				JSON.createObjectNode()
					.put("id", "2092.10")
					.put("from", "2023.01")
					.put("inForceFrom", "2035-03-01")
					.put("title", "Pris $1 og \\1 \"citat\"")
					.toString());
		assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(400);
		assertThat(fields(quoted)).containsExactly("/title");
		assertThat(quoted.body()).contains("Titlen må ikke indeholde");
		assertThat(this.api.get("/api/v1/drafts/2092.10", WorkbenchApi.POLICY).statusCode()).isEqualTo(404);
		HttpResponse<String> twoLines = this.api.post("/api/v1/drafts", WorkbenchApi.POLICY,
				"{\"id\":\"2092.09\",\"from\":\"2023.01\",\"inForceFrom\":\"2035-03-01\",\"title\":\"a\\nb\"}");
		assertThat(twoLines.statusCode()).isEqualTo(400);
		assertThat(fields(twoLines)).containsExactly("/title");
	}

	private String todaysVersion() {
		HttpResponse<String> response = this.api.post("/api/v1/triage", WorkbenchApi.CASEWORKER, """
				{"citizenRef": "today-1", "age": 40, "benefit": "CASH_BENEFIT",
				 "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]}""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.api.json(response).path("rulesVersion").asString();
	}

	private List<String> fields(HttpResponse<String> response) {
		List<String> fields = new ArrayList<>();
		this.api.json(response).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	// every file under the data directory whose bytes hold the text
	private static List<Path> filesHolding(String text) throws IOException {
		byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(DATA)) {
			return files.filter(Files::isRegularFile).filter((file) -> {
				try {
					return indexOf(Files.readAllBytes(file), wanted) >= 0;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
	}

	// every object of the repository (loose or packed, reachable or not) that holds the
	// text
	static List<String> gitObjectsHolding(Path gitDirectory, String text) throws IOException {
		byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
		Set<ObjectId> ids = new HashSet<>();
		Path objects = gitDirectory.resolve("objects");
		try (Stream<Path> files = Files.walk(objects)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString();
				String folder = file.getParent().getFileName().toString();
				if (folder.length() == 2 && name.length() == 38) {
					ids.add(ObjectId.fromString(folder + name));
				}
				else if (name.endsWith(".idx")) {
					for (PackIndex.MutableEntry entry : PackIndex.open(file.toFile())) {
						ids.add(entry.toObjectId());
					}
				}
			}
		}
		assertThat(ids).isNotEmpty();
		List<String> found = new ArrayList<>();
		try (Repository repository = FileRepositoryBuilder.create(gitDirectory.toFile())) {
			for (ObjectId id : ids) {
				if (indexOf(repository.open(id).getBytes(), wanted) >= 0) {
					found.add(id.name());
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] bytes, byte[] wanted) {
		outer: for (int i = 0; i <= bytes.length - wanted.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (bytes[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** The service's clock, moved on by a test and back to the real time after. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> fixed = new AtomicReference<>();

		void set(Instant instant) {
			this.fixed.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return Copenhagen.ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			Instant instant = this.fixed.get();
			return (instant != null) ? instant : Instant.now();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		Clock movableClock() {
			return CLOCK;
		}

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

	private double compiles(String compiled) {
		Counter counter = this.meters.find("triage.rules.compiles").tag("compiled", compiled).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
