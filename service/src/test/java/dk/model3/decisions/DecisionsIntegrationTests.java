package dk.model3.decisions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dk.model3.audit.DecisionRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "triage.rules.dir=../rules")
class DecisionsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// README: PLACED CROSS_SECTOR with the joint-plan offer under 2023.01
	private static final String CROSS_SECTOR = """
			{"citizenRef":"%s","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"],"assessmentDate":"2024-03-01"}""";

	private static final Path DATA = temporaryDataDirectory();

	// a second caseworker, who may read but not review the first one's decisions
	static final String OTHER = HttpTestClient.basic("other-caseworker", "other-caseworker-password");

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		registry.add("triage.data-dir", DATA::toString);
		Path users = Files.writeString(DATA.getParent().resolve(DATA.getFileName() + ".users"),
				"other-caseworker:CASEWORKER:{bcrypt}"
						+ new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
							.encode("other-caseworker-password")
						+ "\n");
		registry.add("triage.security.users-file", users::toString);
	}

	@Autowired
	DecisionRecords records;

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void givesEveryAnswerItsOwnDecisionIdNotDerivedFromTheCase() {
		JsonNode first = decide("same-case");
		JsonNode second = decide("same-case");
		String id = first.path("decisionId").asString();
		// a UUID of version 7: time-ordered, the rest random
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(second.path("decisionId").asString()).isNotEqualTo(id);
	}

	@Test
	void namesEverySourceByTitleIssuerAndDateFromTheSourcesFile() throws IOException {
		JsonNode sources = YAMLMapper.builder().build().readTree(Files.readString(Path.of("../rules/sources.yaml")));
		JsonNode answer = decide("sources");
		List<JsonNode> cited = new java.util.ArrayList<>();
		answer.path("explanation").forEach((rule) -> cited.add(rule.path("source")));
		answer.path("whyNot").forEach((reason) -> cited.add(reason.path("source")));
		assertThat(cited).hasSizeGreaterThan(4);
		for (JsonNode source : cited) {
			JsonNode listed = sources.valueStream()
				.filter((document) -> document.path("file").asString().equals(source.path("document").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(source.path("title").asString()).isEqualTo(listed.path("title").asString()).isNotBlank();
			assertThat(source.path("issuer").asString()).isEqualTo(listed.path("issuer").asString()).isNotBlank();
			assertThat(source.path("date").asString()).isEqualTo(listed.path("date").asString()).isNotBlank();
			assertThat(source.path("section").asString()).isNotBlank();
		}
	}

	@Test
	void writesTheJustificationWithEveryRuleItsSourceTheFactsTheWhyNotsAndTheVersion() {
		JsonNode answer = decide("justify");
		var response = this.http.get(justification(answer, "da"), HttpTestClient.CASEWORKER);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		String text = response.body();
		assertThat(text).contains("Begrundelse til journalen", answer.path("decisionId").asString(),
				"Anbefaling: Lag 2: tværgående samarbejde. Ansvarligt område: Beskæftigelse (jobcentret).",
				"Markeringer: tilbud om én samlet plan.", "- Alder: 40 år", "- Ydelse: kontanthjælp",
				"- Problemer: hjemløshed (forsorgshjem eller gadesovende)", "- Beskæftigelsespotentiale: til stede",
				"Regelversion " + answer.path("rulesVersion").asString(),
				"kontrolsum " + answer.path("rulesChecksum").asString(), "Næste skridt: ");
		// in order: recommendation, facts, rules, why not, next step, version
		assertThat(text.indexOf("Anbefaling:")).isLessThan(text.indexOf("Oplysninger, der er lagt vægt på:"));
		assertThat(text.indexOf("Oplysninger, der er lagt vægt på:"))
			.isLessThan(text.indexOf("Regler, der er anvendt:"));
		assertThat(text.indexOf("Regler, der er anvendt:")).isLessThan(text.indexOf("Hvorfor ikke de andre lag:"));
		assertThat(text.indexOf("Hvorfor ikke de andre lag:")).isLessThan(text.indexOf("Næste skridt:"));
		assertThat(text.indexOf("Næste skridt:")).isLessThan(text.indexOf("Regelversion "));
		for (JsonNode rule : answer.path("explanation")) {
			assertThat(text).contains("»" + rule.path("source").path("title").asString() + "«",
					"afsnit »" + rule.path("source").path("section").asString() + "«");
		}
		assertThat(answer.path("whyNot")).isNotEmpty();
		for (JsonNode reason : answer.path("whyNot")) {
			assertThat(text).contains(reason.path("text").path("da").asString());
		}
		assertThat(text).doesNotContain("produktets læsning", "(CASH_BENEFIT)", "= ja", "= nej", "\\\"");

		String english = this.http.get(justification(answer, "en"), HttpTestClient.CASEWORKER).body();
		assertThat(english).contains("Justification for the case file",
				"Recommendation: Tier 2: cross-sector. Responsible area: Employment (job centre).", "- Age: 40 years",
				"- Benefit: cash benefit", "Rule version " + answer.path("rulesVersion").asString(), "Next step: ");
		// the justification is as good as the answer: no case reference in it
		assertThat(text).doesNotContain("justify");
	}

	@Test
	void answersUnknownDecisionsAndLanguagesWithProblems() throws IOException {
		var unknown = this.http.get("/api/v1/decisions/no-such-decision/justification", HttpTestClient.CASEWORKER);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(unknown.body()).path("type").asString())
			.isEqualTo("urn:model3:problem:unknown-decision");

		JsonNode answer = decide("lang");
		var french = this.http.get(justification(answer, "fr"), HttpTestClient.CASEWORKER);
		assertThat(french.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(french.body()).path("errors").get(0).path("field").asString()).isEqualTo("lang");

		var cpr = this.http.get("/api/v1/decisions/0101901234/justification", HttpTestClient.CASEWORKER);
		assertThat(cpr.statusCode()).isEqualTo(404);
		assertThat(cpr.body()).doesNotContain("0101901234");
	}

	@Test
	void listsTheReasonCodesInDanishAndEnglish() throws IOException {
		var response = this.http.get("/api/v1/review-reasons", HttpTestClient.CASEWORKER);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reasons = JSON.readTree(response.body());
		Set<String> codes = new HashSet<>();
		for (JsonNode reason : reasons) {
			codes.add(reason.path("code").asString());
			assertThat(reason.path("da").asString()).isNotBlank();
			assertThat(reason.path("en").asString()).isNotBlank();
		}
		assertThat(codes).hasSize(ReviewReason.values().length).contains("RULE_DOES_NOT_FIT");
	}

	@Test
	void recordsAnAcceptanceOnceInTheDecisionLogBeforeAnswering() throws IOException {
		JsonNode answer = decide("accept");
		String id = answer.path("decisionId").asString();
		var response = review(id, "{\"result\":\"ACCEPTED\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode stored = JSON.readTree(response.body());
		assertThat(stored.path("decisionId").asString()).isEqualTo(id);
		assertThat(stored.path("result").asString()).isEqualTo("ACCEPTED");
		assertThat(stored.path("status").asString()).isEqualTo("PLACED");
		assertThat(stored.path("tier").asString()).isEqualTo("CROSS_SECTOR");
		assertThat(stored.path("responsibleArea").asString()).isEqualTo("EMPLOYMENT");
		assertThat(stored.path("reviewer").asString()).isEqualTo("caseworker");
		assertThat(stored.path("decidingRuleId").asString()).isEqualTo("T2-01");

		assertThat(storedReview(id)).isEqualTo(stored);

		var again = review(id, "{\"result\":\"ACCEPTED\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(again.body()).path("type").asString())
			.isEqualTo("urn:model3:problem:already-reviewed");
		assertThat(storedReview(id)).isEqualTo(stored);
	}

	@Test
	void letsOnlyTheCaseworkerWhoDecidedReviewAndRecordsWhoReadTheJustification() throws IOException {
		JsonNode answer = decide("mine");
		String id = answer.path("decisionId").asString();
		var other = this.http.post("/api/v1/decisions/" + id + "/review", OTHER, "{\"result\":\"ACCEPTED\"}");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(other.body()).path("type").asString())
			.isEqualTo("urn:model3:problem:not-the-decision-maker");
		assertThat(this.records.review(id)).isEmpty();

		assertThat(this.http.get(justification(answer, "da"), OTHER).statusCode()).isEqualTo(200);
		assertThat(this.http.get(justification(answer, "en"), HttpTestClient.CASEWORKER).statusCode()).isEqualTo(200);
		assertThat(this.records.reads(id)).extracting(DecisionRecords.Read::reader, DecisionRecords.Read::what)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("other-caseworker", "JUSTIFICATION_API"),
					org.assertj.core.groups.Tuple.tuple("caseworker", "JUSTIFICATION_API"));
		assertThat(review(id, "{\"result\":\"ACCEPTED\"}").statusCode()).isEqualTo(201);
		assertThat(review(id, "{\"result\":\"ACCEPTED\"}").statusCode()).isEqualTo(409);
		// the refusals are counted by their named reason, not by their status alone
		String metrics = this.http.get("/actuator/prometheus", HttpTestClient.POLICY).body();
		assertThat(metrics).contains("reason=\"not-the-decision-maker\"", "reason=\"already-reviewed\"")
			.doesNotContain("reason=\"http-409\"");
	}

	@Test
	void recordsAnOverrideWithItsReasonAndCountsItInTheSummary() throws IOException {
		JsonNode before = summary("2023.01");
		JsonNode answer = decide("override");
		String id = answer.path("decisionId").asString();
		var response = review(id, """
				{"result":"OVERRIDDEN","status":"PLACED","tier":"PENSION_SOCIAL","responsibleArea":"SOCIAL",
				 "reason":"PROFESSIONAL_ASSESSMENT"}""");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode stored = JSON.readTree(response.body());
		assertThat(stored.path("tier").asString()).isEqualTo("PENSION_SOCIAL");
		assertThat(stored.path("reason").asString()).isEqualTo("PROFESSIONAL_ASSESSMENT");
		assertThat(stored.path("recommended").path("tier").asString()).isEqualTo("CROSS_SECTOR");
		assertThat(storedReview(id)).isEqualTo(stored);
		// the journal text now starts with the caseworker's own outcome and reason, then
		// the recommendation it departs from
		String text = this.http.get(justification(answer, "da"), HttpTestClient.CASEWORKER).body();
		assertThat(text).contains(
				"Sagsbehandlerens vurdering: Lag 3: pension og socialområdet. Ansvarligt område: Socialområdet.",
				"Begrundelse: Faglig vurdering af borgerens samlede situation.",
				"Vurderingen afviger fra anbefalingen nedenfor.");
		assertThat(text.indexOf("Sagsbehandlerens vurdering:")).isLessThan(text.indexOf("Anbefaling: Lag 2"));
		assertThat(this.http.get(justification(answer, "en"), HttpTestClient.CASEWORKER).body())
			.contains("The caseworker's review: Tier 3: pension and social.");
		review(decide("accept-for-summary").path("decisionId").asString(), "{\"result\":\"ACCEPTED\"}");

		JsonNode after = summary("2023.01");
		assertThat(after.path("version").asString()).isEqualTo("2023.01");
		assertThat(after.path("reviews").asLong() - before.path("reviews").asLong()).isEqualTo(2);
		assertThat(after.path("overridden").asLong() - before.path("overridden").asLong()).isEqualTo(1);
		assertThat(after.path("accepted").asLong() - before.path("accepted").asLong()).isEqualTo(1);
		assertThat(count(after, "byRule", "ruleId", "T2-01", "overridden")
				- count(before, "byRule", "ruleId", "T2-01", "overridden"))
			.isEqualTo(1);
		assertThat(count(after, "byTier", "tier", "CROSS_SECTOR", "reviews")
				- count(before, "byTier", "tier", "CROSS_SECTOR", "reviews"))
			.isEqualTo(2);
		assertThat(count(after, "byReason", "reason", "PROFESSIONAL_ASSESSMENT", "overridden")
				- count(before, "byReason", "reason", "PROFESSIONAL_ASSESSMENT", "overridden"))
			.isEqualTo(1);
		assertThat(summary("2021.03").path("reviews").asLong()).isZero();
		// what caseworkers changed the recommendation to
		assertThat(after.path("changedTo")
			.valueStream()
			.filter((change) -> change.path("from").path("tier").asString().equals("CROSS_SECTOR")
					&& change.path("to").path("tier").asString().equals("PENSION_SOCIAL")
					&& change.path("to").path("responsibleArea").asString().equals("SOCIAL"))
			.mapToLong((change) -> change.path("overridden").asLong())
			.sum()).isPositive();
		assertThat(this.http.get("/api/v1/reviews/summary", HttpTestClient.CASEWORKER).statusCode()).isEqualTo(403);
	}

	@Test
	void refusesABadReviewNamingEachField() throws IOException {
		String id = decide("bad-review").path("decisionId").asString();
		assertThat(errorFields(review(id, "{}"))).containsExactly("/result");
		assertThat(errorFields(review(id, "{\"result\":\"MAYBE\"}"))).containsExactly("/result");
		assertThat(errorFields(review(id, "{\"result\":\"ACCEPTED\",\"comment\":\"x\"}"))).containsExactly("/comment");
		assertThat(errorFields(review(id, "{\"result\":\"ACCEPTED\",\"tier\":\"CROSS_SECTOR\"}")))
			.containsExactly("/tier");
		assertThat(errorFields(review(id, "{\"result\":\"OVERRIDDEN\"}"))).containsExactlyInAnyOrder("/status",
				"/responsibleArea", "/reason");
		assertThat(errorFields(review(id, """
				{"result":"OVERRIDDEN","status":"PLACED","responsibleArea":"SOCIAL","reason":"because I say so"}""")))
			.containsExactlyInAnyOrder("/tier", "/reason");
		assertThat(errorFields(review(id, """
				{"result":"OVERRIDDEN","status":"OUT_OF_SCOPE","tier":"CROSS_SECTOR","responsibleArea":"SOCIAL",
				 "reason":"RULE_DOES_NOT_FIT"}"""))).containsExactly("/tier");
		// an override that repeats the recommendation is an acceptance
		assertThat(errorFields(review(id, """
				{"result":"OVERRIDDEN","status":"PLACED","tier":"CROSS_SECTOR","responsibleArea":"EMPLOYMENT",
				 "reason":"RULE_DOES_NOT_FIT"}"""))).containsExactly("/result");
		assertThat(errorFields(review(id, "not json"))).containsExactly("");
		// none of them was recorded: the decision can still be reviewed
		assertThat(this.records.review(id)).isEmpty();
		assertThat(review(id, "{\"result\":\"ACCEPTED\"}").statusCode()).isEqualTo(201);

		var unknown = review("no-such-decision", "{\"result\":\"ACCEPTED\"}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(review(id, "{\"result\":\"ACCEPTED\"}").statusCode()).isEqualTo(409);
	}

	private JsonNode decide(String ref) {
		var response = this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, CROSS_SECTOR.formatted(ref));
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String justification(JsonNode answer, String lang) {
		return "/api/v1/decisions/" + answer.path("decisionId").asString() + "/justification?lang=" + lang;
	}

	private java.net.http.HttpResponse<String> review(String decisionId, String body) {
		return this.http.post("/api/v1/decisions/" + decisionId + "/review", HttpTestClient.CASEWORKER, body);
	}

	private JsonNode summary(String version) {
		var response = this.http.get("/api/v1/reviews/summary?version=" + version, HttpTestClient.POLICY);
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static long count(JsonNode summary, String list, String key, String value, String field) {
		return summary.path(list)
			.valueStream()
			.filter((entry) -> entry.path(key).asString().equals(value))
			.mapToLong((entry) -> entry.path(field).asLong())
			.sum();
	}

	private static List<String> errorFields(java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return JSON.readTree(response.body())
			.path("errors")
			.valueStream()
			.map((error) -> error.path("field").asString())
			.toList();
	}

	private JsonNode storedReview(String decisionId) {
		return JSON.valueToTree(this.records.review(decisionId).orElseThrow());
	}

	private static Path temporaryDataDirectory() {
		try {
			// created owner-only, as the decision log requires; in the build folder
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "decisions-tests");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
