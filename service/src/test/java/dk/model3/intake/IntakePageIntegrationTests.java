package dk.model3.intake;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dk.model3.HttpTestClient;
import dk.model3.audit.DecisionRecords;
import dk.model3.pages.Browser;
import dk.model3.request.RequestReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake page in a real Chromium against the service on a random port: what a
 * caseworker fills in, reads back and reaches with the keyboard alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:production-test.properties")
class IntakePageIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CROSS_SECTOR_CASE = """
			{"citizenRef":"review-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"]}""";

	private static final Pattern README_EXAMPLE = Pattern.compile("^\\| (.+?) \\| `(\\{.*\\})` \\|$");

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	DecisionRecords records;

	HttpTestClient http;

	IntakePage page;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void signIn() {
		this.http = new HttpTestClient(this.port);
		this.page = new IntakePage(browser, base());
		browser.open(base() + "/?lang=da");
		if (browser.driver().getCurrentUrl().contains("/login")) {
			browser.signIn(base(), "caseworker", "test-caseworker-password");
		}
	}

	/** The README's table of example requests, one per kind of outcome. */
	static Stream<Arguments> readmeExamples() throws IOException {
		List<Arguments> examples = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			Matcher example = README_EXAMPLE.matcher(line);
			if (example.matches()) {
				examples.add(Arguments.of(example.group(1), example.group(2)));
			}
		}
		assertThat(examples).as("examples in the README").hasSizeGreaterThan(10);
		return examples.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readmeExamples")
	void showsExactlyWhatTheApiDecidesForEachReadmeExample(String outcome, String body) {
		JsonNode api = JSON.readTree(this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, body).body());
		this.page.open().submit(JSON.readTree(body));

		assertThat(browser.field("citizenRef")).isEqualTo(api.path("citizenRef").asString());
		assertThat(browser.field("status")).isEqualTo(api.path("status").asString());
		assertThat(browser.field("tier")).isEqualTo(api.path("tier").isNull() ? "" : api.path("tier").asString());
		assertThat(browser.field("responsibleArea")).isEqualTo(api.path("responsibleArea").asString());
		assertThat(browser.field("rulesVersion")).isEqualTo(api.path("rulesVersion").asString());
		assertThat(browser.field("rulesChecksum")).isEqualTo(api.path("rulesChecksum").asString());
		assertThat(browser.field("nextStep")).isEqualTo(api.path("nextStep").path("da").asString());
		assertThat(attributes("[data-flag]", "data-flag")).containsExactlyInAnyOrderElementsOf(values(api, "flags"));
		// a yes/no is always answered on the form (an unticked box is "no")
		assertThat(attributes("[data-missing]", "data-missing")).containsExactlyInAnyOrderElementsOf(
				values(api, "missingFacts").stream().filter((f) -> !RequestReader.YES_NO_FIELDS.contains(f)).toList());
		assertThat(attributes("[data-rule]", "data-rule")).containsExactlyElementsOf(
				api.path("explanation").valueStream().map((rule) -> rule.path("ruleId").asString()).toList());
		assertThat(attributes("[data-why-not]", "data-why-not")).containsExactlyElementsOf(
				api.path("whyNot").valueStream().map((why) -> why.path("tier").asString()).toList());
		// each flag with its meaning in Danish, not only its code
		browser.all("[data-flag]").forEach((flag) -> assertThat(flag.getText()).hasSizeGreaterThan(40));
	}

	@Test
	void warnsOfImplausibleInputAboveTheResultAndNotOtherwise() {
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"plausibel-1","age":70,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
				 "problems":["ANXIETY"]}"""));

		assertThat(browser.field("status")).isEqualTo("OUT_OF_SCOPE");
		assertThat(attributes("[data-warning-fields]", "data-warning-fields")).containsExactly("age benefit");
		assertThat(browser.find("[data-field=warnings]").getText()).contains("kontanthjælp", "Kontroller");

		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"plausibel-2","age":40,"benefit":"CASH_BENEFIT","problems":["ANXIETY"]}"""));

		assertThat(browser.all("[data-field=warnings]")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readmeExamples")
	void putsNoAnswerInAnyAddressThePagesProduce(String outcome, String body) {
		// a case reference no decision id (hexadecimal) can contain by chance
		ObjectNode request = (ObjectNode) JSON.readTree(body);
		request.put("citizenRef", "privat-sag-" + outcome.length());
		List<String> answers = new ArrayList<>(List.of("citizenRef", "age=", "benefit", "problems", "potential"));
		request.properties().forEach((field) -> {
			if (field.getValue().isArray()) {
				field.getValue().valueStream().forEach((value) -> answers.add(value.asString()));
			}
			else if (field.getValue().isString()) {
				answers.add(field.getValue().asString());
			}
		});
		this.page.open().submit(request);
		assertThat(addressesOnThePage()).as("the result page")
			.hasSizeGreaterThan(3)
			.noneMatch((url) -> containsAny(url, answers));

		browser.clickAndWait("#change");
		assertThat(browser.find("#citizenRef").getDomProperty("value"))
			.isEqualTo(request.path("citizenRef").asString());
		assertThat(addressesOnThePage()).as("the form to correct the answers")
			.hasSizeGreaterThan(3)
			.noneMatch((url) -> containsAny(url, answers));

		browser.clickAndWait("form.intake-form button[type=submit]");
		browser.clickAndWait("#justification");
		assertThat(addressesOnThePage()).as("the justification page")
			.hasSizeGreaterThan(3)
			.noneMatch((url) -> containsAny(url, answers));
	}

	// the page's own address and every address it can send the browser to, each as the
	// DOM resolves it (its property), read in one call to the browser
	private List<String> addressesOnThePage() {
		List<?> resolved = (List<?>) browser.script("""
				const addresses = [location.href];
				for (const [tag, attribute, property] of [['a', 'href', 'href'], ['form', 'action', 'action'],
						['button', 'formaction', 'formAction'], ['link', 'href', 'href'], ['script', 'src', 'src'],
						['img', 'src', 'src']]) {
					document.querySelectorAll(tag + '[' + attribute + ']').forEach((e) => addresses.push(e[property]));
				}
				return addresses;""");
		return resolved.stream().map(String::valueOf).toList();
	}

	private static boolean containsAny(String url, List<String> answers) {
		String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
		return answers.stream().anyMatch(decoded::contains);
	}

	@Test
	void placesAChildUnderFifteenOutOfScope() {
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"child-1","age":14,"benefit":"NONE","problems":["HOMELESSNESS"]}"""));
		assertThat(browser.field("status")).isEqualTo("OUT_OF_SCOPE");
		assertThat(browser.field("tier")).isEmpty();
		assertThat(browser.find("#outcome").getText()).contains("uden for model 3");
	}

	@Test
	void linksEveryBadFieldFromTheErrorSummaryAndMarksItAtTheField() {
		this.page.open();
		this.page.type("citizenRef", "case 1/2");
		this.page.type("age", "fyrre");
		this.page.type("departmentsInvolved", "99");
		browser.clickAndWait("form.intake-form button[type=submit]");

		WebElement summary = browser.find("[data-field='errors']");
		assertThat(browser.focusedAfterAutofocus()).isEqualTo(summary);
		assertThat(attributes("[data-field='errors'] a", "href")).extracting((href) -> href.replaceAll(".*#", "#"))
			.containsExactly("#citizenRef", "#age", "#benefit", "#departmentsInvolved");
		for (String field : List.of("citizenRef", "age", "benefit", "departmentsInvolved")) {
			assertThat(browser.find("#" + field + "-error").getText()).isNotBlank();
			assertThat(browser.find("#" + field).getAttribute("aria-invalid")).isEqualTo("true");
		}
		assertThat(browser.driver().getTitle()).startsWith("Fejl");
		// what was typed is kept
		assertThat(browser.find("#age").getDomProperty("value")).isEqualTo("fyrre");

		summary.findElement(By.cssSelector("a[href$='#age']")).click();
		assertThat(browser.focused().getDomAttribute("id")).isEqualTo("age");
	}

	@Test
	void refusesACprNumberAsCaseReferenceAndNeverShowsItBack() {
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"010190-1234","age":40,"benefit":"CASH_BENEFIT"}"""));
		assertThat(browser.find("[data-field='errors']").getText()).contains("CPR");
		assertThat(attributes("[data-field='errors'] a", "data-error-field")).containsExactly("citizenRef");
		assertThat(browser.driver().getPageSource()).doesNotContain("010190-1234").doesNotContain("0101901234");
		assertThat(browser.all("[data-field='status']")).isEmpty();
	}

	@Test
	void refusesACaseworkersPinOfAVersionNotInForceOnTheAssessmentDate() {
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"pin-1","age":40,"benefit":"CASH_BENEFIT","assessmentDate":"2024-06-01",
				 "rulesVersion":"2021.03"}"""));
		assertThat(attributes("[data-field='errors'] a", "data-error-field")).containsExactly("rulesVersion");
		assertThat(browser.find("#rulesVersion-error").getText()).contains("ikke den, der gælder");
		assertThat(browser.all("[data-field='status']")).isEmpty();
	}

	// domain.md: a 15-17 year old with more complex problems and no social measures reads
	// that an assessment is needed, not that an answer is missing after a "no"
	@Test
	void namesTheAssessmentNotAMissingAnswerForAYouthWithoutSocialMeasures() {
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"youth-1","age":16,"benefit":"NONE","problems":["ANXIETY","SUBSTANCE_ABUSE"]}"""));
		assertThat(browser.field("status")).isEqualTo("MANUAL_REVIEW");
		assertThat(browser.field("nextStep")).contains("børnefaglig undersøgelse");
		assertThat(browser.all("#missing-heading")).isEmpty();
		assertThat(browser.find("main").getText()).doesNotContain("mangler").contains("intet lag").doesNotContain("()");
	}

	@Test
	void linksAMissingFactBackToItsFieldWithTheAnswersKept() {
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"missing-1","age":30,"benefit":"CASH_BENEFIT","problems":["SEVERE_SUBSTANCE_ABUSE"]}"""));
		List<WebElement> missing = browser.all("[data-missing]");
		if (missing.isEmpty()) {
			// the rules decide what is missing; this profile is one they cannot decide
			// today
			assertThat(browser.field("status")).isNotEqualTo("MANUAL_REVIEW");
			return;
		}
		String field = missing.get(0).getDomAttribute("data-missing");
		browser.clickAndWait(missing.get(0));
		assertThat(browser.driver().getCurrentUrl()).contains("#" + field);
		assertThat(browser.find("#citizenRef").getDomProperty("value")).isEqualTo("missing-1");
		assertThat(browser.find("#problems-SEVERE_SUBSTANCE_ABUSE").isSelected()).isTrue();
		assertThat(new Select(browser.find("#benefit")).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("CASH_BENEFIT");
	}

	@Test
	void isUsableWithTheKeyboardAlone() {
		this.page.open();
		Actions keys = new Actions(browser.driver());
		assertThat(tabTo("citizenRef")).as("tabs to the case reference").isTrue();
		keys.sendKeys("keyboard-1").perform();
		assertThat(tabTo("age")).isTrue();
		keys.sendKeys("14").perform();
		assertThat(tabTo("benefit")).isTrue();
		// a closed select picks the option whose text starts with what is typed
		keys.sendKeys("Ingen").perform();
		assertThat(tabTo("problems-HOMELESSNESS")).isTrue();
		keys.sendKeys(Keys.SPACE).perform();
		assertThat(tabTo("submit")).isTrue();
		browser.loadsNewPage(() -> keys.sendKeys(Keys.ENTER).perform());

		assertThat(browser.field("citizenRef")).isEqualTo("keyboard-1");
		assertThat(browser.field("status")).isEqualTo("OUT_OF_SCOPE");
		assertThat(tabTo("change")).as("reaches the link back to the form").isTrue();
	}

	@Test
	void hasNoWcagViolationsOnTheFormTheResultOrTheErrors() {
		this.page.open();
		assertThat(browser.accessibilityViolations()).as("the form").isEmpty();
		this.page.submit(JSON.readTree("""
				{"citizenRef":"a11y-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
				 "problems":["HOMELESSNESS"],"departmentsInvolved":2}"""));
		assertThat(browser.accessibilityViolations()).as("a result").isEmpty();
		// the README's picture of the result page (copied to docs/ by hand when the page
		// changes)
		browser.screenshot(Path.of("target", "screenshots", "result.png"), 1500);
		this.page.open().submit(JSON.readTree("""
				{"citizenRef":"010190-1234","age":200}"""));
		assertThat(browser.accessibilityViolations()).as("the error state").isEmpty();
	}

	@Test
	void switchesToEnglishAndBack() {
		browser.open(base() + "/?lang=en");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.find("h1").getText()).isEqualTo("Triage of a citizen");
		browser.clickAndWait("a[hreflang='da']");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("da");
		assertThat(browser.find("label[for='age']").getText()).startsWith("Alder");
	}

	@Test
	void showsTheJustificationForTheCaseFileAsTheApiWritesIt() {
		this.page.open().submit(JSON.readTree(CROSS_SECTOR_CASE));
		String decisionId = browser.field("decisionId");
		String checksum = browser.field("rulesChecksum");
		browser.clickAndWait("#justification");

		String api = this.http
			.get("/api/v1/decisions/" + decisionId + "/justification?lang=da", HttpTestClient.CASEWORKER)
			.body();
		assertThat(browser.field("justification")).isEqualTo(api.strip());
		assertThat(browser.accessibilityViolations()).as("the justification page").isEmpty();
		assertThat(api).contains(checksum);
		browser.clickAndWait("#justification-text");
		assertThat(browser.find("pre").getText().strip()).isEqualTo(api.strip());
	}

	@Test
	void recordsAnAcceptedRecommendationInTheRecords() throws IOException {
		this.page.open().submit(JSON.readTree(CROSS_SECTOR_CASE));
		String decisionId = browser.field("decisionId");
		browser.clickAndWait("#review-accept");

		assertThat(browser.field("reviewResult")).isEqualTo("ACCEPTED");
		assertThat(browser.accessibilityViolations()).as("the recorded review").isEmpty();
		assertThat(browser.field("decisionId")).isEqualTo(decisionId);
		JsonNode logged = reviewLogged(decisionId);
		assertThat(logged.path("result").asString()).isEqualTo("ACCEPTED");
		assertThat(logged.path("reviewer").asString()).isEqualTo("caseworker");
	}

	@Test
	void recordsAnOverrideWithItsReasonCodeInTheRecords() throws IOException {
		this.page.open().submit(JSON.readTree(CROSS_SECTOR_CASE));
		String decisionId = browser.field("decisionId");
		new Select(browser.find("#review-status")).selectByValue("PLACED");
		new Select(browser.find("#review-tier")).selectByValue("PENSION_SOCIAL");
		new Select(browser.find("#review-responsibleArea")).selectByValue("SOCIAL");
		browser.clickAndWait("#review-override");
		// no reason code: refused, and what was chosen is kept
		assertThat(attributes("[data-field='errors'] a", "data-error-field")).containsExactly("reason");
		assertThat(browser.accessibilityViolations()).as("the review's error state").isEmpty();
		assertThat(new Select(browser.find("#review-tier")).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("PENSION_SOCIAL");
		new Select(browser.find("#review-reason")).selectByValue("PROFESSIONAL_ASSESSMENT");
		browser.clickAndWait("#review-override");

		assertThat(browser.field("reviewResult")).isEqualTo("OVERRIDDEN");
		JsonNode logged = reviewLogged(decisionId);
		assertThat(logged.path("result").asString()).isEqualTo("OVERRIDDEN");
		assertThat(logged.path("tier").asString()).isEqualTo("PENSION_SOCIAL");
		assertThat(logged.path("responsibleArea").asString()).isEqualTo("SOCIAL");
		assertThat(logged.path("reason").asString()).isEqualTo("PROFESSIONAL_ASSESSMENT");
	}

	@Test
	void listsTheCaseworkersOwnDecisionsWithOpenManualReviewsFirst() {
		String manual = decided("""
				{"citizenRef":"mine-1","age":30,"benefit":"CASH_BENEFIT","problems":["SEVERE_SUBSTANCE_ABUSE"]}""");
		String placed = decided(CROSS_SECTOR_CASE);
		String reviewed = decided(CROSS_SECTOR_CASE);
		assertThat(this.http
			.post("/api/v1/decisions/" + reviewed + "/review", HttpTestClient.CASEWORKER, "{\"result\":\"ACCEPTED\"}")
			.statusCode()).isEqualTo(201);

		browser.open(base() + "/mine?lang=da");
		assertThat(browser.find("h1").getText()).isEqualTo("Mine visitationer");
		List<String> ids = attributes("[data-decision]", "data-decision");
		List<String> open = attributes("[data-decision]", "data-open");
		List<String> statuses = attributes("[data-decision]", "data-status");
		List<String> groups = IntStream.range(0, ids.size())
			.mapToObj((i) -> !"true".equals(open.get(i)) ? "2" : "MANUAL_REVIEW".equals(statuses.get(i)) ? "0" : "1")
			.toList();
		assertThat(ids).contains(manual, placed, reviewed);
		// open manual reviews, then unreviewed recommendations, then reviewed ones
		assertThat(groups).isSorted();
		assertThat(groups.get(ids.indexOf(manual))).isEqualTo("0");
		assertThat(groups.get(ids.indexOf(placed))).isEqualTo("1");
		assertThat(groups.get(ids.indexOf(reviewed))).isEqualTo("2");
		assertThat(browser.find("[data-field='openManualReviews']").getText()).contains("manuelle vurdering");
		assertThat(browser.accessibilityViolations()).as("the caseworker's own list").isEmpty();

		// the review page is one click away, and the visit is in the access log
		browser.clickAndWait("[data-decision='" + manual + "'] a[href$='/review']");
		assertThat(browser.field("decisionId")).isEqualTo(manual);
		assertThat(this.records.reads(manual)).extracting(DecisionRecords.Read::what).contains("REVIEW_PAGE");
	}

	private String decided(String request) {
		var answer = this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, request);
		assertThat(answer.statusCode()).isEqualTo(200);
		return JSON.readTree(answer.body()).path("decisionId").asString();
	}

	@Test
	void showsPolicyStaffTheOverrideRatesAndKeepsCaseworkersOut() {
		browser.open(base() + "/reviews");
		assertThat(browser.driver().getPageSource()).doesNotContain("data-field=\"overrideRate\"");
		browser.driver().manage().deleteAllCookies();
		try {
			browser.signIn(base(), "policy", "test-policy-password");
			browser.open(base() + "/reviews");
			JsonNode api = JSON.readTree(this.http.get("/api/v1/reviews/summary", HttpTestClient.POLICY).body());
			assertThat(browser.field("reviews")).isEqualTo(api.path("reviews").asString());
			assertThat(attributes("[data-rule]", "data-rule")).containsExactlyElementsOf(
					api.path("byRule").valueStream().map((row) -> row.path("ruleId").asString()).toList());
			assertThat(browser.accessibilityViolations()).as("the summary page").isEmpty();
		}
		finally {
			browser.driver().manage().deleteAllCookies();
		}
	}

	private JsonNode reviewLogged(String decisionId) {
		return JSON.valueToTree(this.records.review(decisionId)
			.orElseThrow(() -> new AssertionError("no review of " + decisionId + " in the records")));
	}

	/** Presses Tab (at most 80 times) until the element with this id has the focus. */
	private boolean tabTo(String id) {
		Actions keys = new Actions(browser.driver());
		for (int i = 0; i < 80; i++) {
			if (id.equals(browser.focused().getDomAttribute("id"))) {
				return true;
			}
			keys.sendKeys(Keys.TAB).perform();
		}
		return false;
	}

	// one round trip to the browser for all the elements: one each took seconds on a list
	// of a few hundred decisions
	private static List<String> attributes(String css, String attribute) {
		List<?> values = (List<?>) browser.script(
				"return Array.from(document.querySelectorAll(arguments[0]), (e) => e.getAttribute(arguments[1]));", css,
				attribute);
		return values.stream().map((value) -> (value != null) ? value.toString() : null).toList();
	}

	private static List<String> values(JsonNode api, String field) {
		return api.path(field).valueStream().map(JsonNode::asString).toList();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
