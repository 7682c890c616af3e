package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.pages.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided view of a rule, the default way a policy consultant who does not program
 * changes a rule. The KUI change (the age of the joint plan, D-15, from 25 to 30) end to
 * end in a real Chromium, through pages alone and never the text editor: made in the
 * rule's form, checked, the scenarios it broke fixed in the table, the change note
 * written, publication requested; a second policy user approves after opening the
 * changes, and a 27 year old then gets the KUI meeting. Also: its JSON call's refusals
 * naming the field, a flag rule from the template, and the advanced text editor's syntax
 * error in Danish at its line, fixed there. The screenshots of rules/README.md come from
 * here ({@code service/target/screenshots/workbench-guided-*.png}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
class GuidedRulesIntegrationTests {

	static final Path DATA = WorkbenchApi.dataDirectory();

	static final Path USERS = WorkbenchApi.usersFile();

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	// a 27 year old assessed in the force of the draft below (2030-01-01)
	static final String AGED_27 = """
			{"citizenRef": "guided-1", "age": 27, "assessmentDate": "2030-01-01", "benefit": "CASH_BENEFIT",
			 "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}""";

	static final String D15 = "\tProfile( age >= 25 )\nthen\n\tinsertLogical(new JointPlanAge());";

	static Browser browser;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", DATA::toString);
		registry.add("triage.security.users-file", USERS::toString);
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	private static Browser browser() {
		if (browser == null) {
			browser = Browser.start();
		}
		return browser;
	}

	@Test
	void makesTheKuiChangeEndToEndInTheGuidedViewTheTableAndTheApproval() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		// before: a 27 year old is of the joint plan's age, so no KUI meeting
		JsonNode before = api.json(api.post("/api/v1/triage", WorkbenchApi.CASEWORKER, AGED_27));
		assertThat(before.path("rulesVersion").asString()).isEqualTo("2023.01");
		assertThat(before.path("flags").toString()).doesNotContain("KUI_NETWORK_MEETING");

		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "policy", "test-policy-password");

		// a new draft from 2023.01: the start page, the workbench's page
		browser.open(base() + "/");
		browser.clickAndWait("[data-link='workbench']");
		browser.find("#id").sendKeys("2023.05");
		new Select(browser.find("#from")).selectByValue("2023.01");
		browser.find("#inForceFrom").sendKeys("2030-01-01");
		browser.find("#title").sendKeys("KUI til unge under 30");
		browser.clickAndWait("form button[type=submit].button-primary");
		assertThat(browser.find("h1").getText()).isEqualTo("Udkast 2023.05");
		String derived = api.file("2023.05", "derived.drl");

		// the draft page leads to the rules; each rule by its id and Danish name
		browser.clickAndWait("[data-link='guided-rules']");
		assertThat(browser.find("h1").getText()).isEqualTo("Reglerne i udkast 2023.05");
		assertThat(browser.find("[data-rule-file='derived.drl'] [data-rule='D-15']").getText()).contains("D-15",
				"Borgeren er fyldt 25 år.");
		assertThat(browser.find("[data-advanced='flags.drl']").getText())
			.isEqualTo("Avanceret: rediger filen flags.drl som tekst");
		assertThat(browser.accessibilityViolations()).isEmpty();
		browser.screenshot(SCREENSHOTS.resolve("workbench-guided-rules.png"), 900);

		// D-15 in words: its condition with the age as a field, its texts and its source
		browser.clickAndWait("[data-edit-rule='D-15']");
		assertThat(browser.find("h1").getText()).startsWith("Regel D-15");
		assertThat(browser.field("rule-name")).isEqualTo("Borgeren er fyldt 25 år.");
		assertThat(browser.find("[data-condition] legend").getText()).isEqualTo("Alder mindst 25");
		assertThat(browser.find("label[for='value-0']").getText()).isEqualTo("Alder mindst");
		assertThat(browser.find("#value-0").getAttribute("value")).isEqualTo("25");
		assertThat(new Select(browser.find("#text-source")).getFirstSelectedOption().getText()).isNotBlank()
			.doesNotContain(".txt");
		assertThat(browser.find("main").getText()).doesNotContain("Profile", "age >=", "JointPlanAge");

		// a value outside the allow-list: the error summary and the field say so, nothing
		// is saved
		browser.find("#value-0").clear();
		browser.find("#value-0").sendKeys("tredive");
		browser.clickAndWait("#save-rule");
		assertThat(browser.field("errors"))
			.isEqualTo("Der er problemer med de indtastede oplysninger\nAlder mindst: Skriv et helt tal fra 0 til 150");
		assertThat(browser.find("[data-field='errors'] a").getAttribute("href")).endsWith("#value-0");
		assertThat(browser.find("#value-0").getAttribute("value")).isEqualTo("tredive");
		assertThat(browser.find("#value-0").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(api.file("2023.05", "derived.drl")).isEqualTo(derived);
		assertThat(browser.accessibilityViolations()).isEmpty();

		// 30, and the texts say so: saved, validated
		browser.find("#value-0").clear();
		browser.find("#value-0").sendKeys("30");
		browser.find("#text-da").clear();
		browser.find("#text-da")
			.sendKeys("Borgeren er fyldt 30 år. KUI gælder unge under 30 år, den ventede lov borgere fra 30 år.");
		browser.find("#text-en").clear();
		browser.find("#text-en")
			.sendKeys(
					"The citizen has turned 30. KUI covers young people under 30, the expected law citizens from 30.");
		browser.clickAndWait("#save-rule");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("rule-saved")).contains("Reglen er gemt, og udkastets filer er gyldige.");
		assertThat(browser.find("[data-condition] legend").getText()).isEqualTo("Alder mindst 30");
		assertThat(browser.field("rule-name")).isEqualTo("Borgeren er fyldt 30 år.");
		assertThat(browser.accessibilityViolations()).isEmpty();
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-guided-rule.png"), 1280, 1300, "window.scrollTo(0, 0)");
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-guided-rule-phone.png"), 390, 1500,
				"window.scrollTo(0, 0)");

		// only the age and the two texts changed in the file
		String saved = api.file("2023.05", "derived.drl");
		assertThat(saved.replace("age >= 30", "age >= 25")
			.replace("Borgeren er fyldt 30 år. KUI gælder unge under 30 år, den ventede lov borgere fra 30 år.", "DA")
			.replace("The citizen has turned 30. KUI covers young people under 30, the expected law citizens from 30.",
					"EN"))
			.isEqualTo(derived.replaceFirst("@da\\(\"Borgeren er fyldt 25 år[^\"]*\"\\)", "@da(\"DA\")")
				.replaceFirst("@en\\(\"The citizen has turned 25[^\"]*\"\\)", "@en(\"EN\")"));
		assertThat(saved).contains(D15.replace("25", "30"));

		// the draft's checks run on the saved draft: it compiles, and the scenarios that
		// expected the old age fail
		runChecks(browser);
		assertThat(browser.find("[data-check='validation']").getAttribute("data-passed")).isEqualTo("true");
		assertThat(browser.find("[data-check='scenarios']").getAttribute("data-passed")).isEqualTo("false");
		assertThat(browser.find("[data-field='failed-scenarios']").getText())
			.contains("netværksmøde i Den Kommunale Ungeindsats");
		// and F-08, the committee and the joint plan for 25 to 29 year olds, can no
		// longer
		// fire: a dead rule
		assertThat(browser.find("[data-field='completeness-problems']").getText()).contains("F-08 bruges aldrig");

		// the rule that uses the age reads the change in words, and offers its own values
		browser.clickAndWait("[data-link='guided-rules']");
		browser.clickAndWait("[data-edit-rule='F-05']");
		assertThat(browser.all("[data-condition]"))
			.extracting((condition) -> condition.getText().lines().findFirst().orElse(""))
			.contains("Ikke: borgeren er fyldt 30 år (D-15)");
		assertThat(browser.find("label[for='value-0']").getText()).isEqualTo("Involverede afdelinger mindst");
		assertThat(new Select(browser.find("#value-1")).getFirstSelectedOption().getText())
			.isEqualTo("Lag 2: tværgående samarbejde");
		assertThat(browser.find("label[for='value-1']").getText()).isEqualTo("Udfaldets lag er ikke");
		browser.screenshot(SCREENSHOTS.resolve("workbench-guided-f05.png"), 1400);

		// the failing scenarios fixed in the table, each in its row, from what the page
		// says
		// the draft gave instead
		browser.clickAndWait(browser.driver().findElement(By.linkText("Udkast 2023.05")));
		browser.clickAndWait("[data-field='scenarios-link']");
		assertThat(browser.find("h1").getText()).isEqualTo("Scenarier i udkast 2023.05");
		List<WebElement> failed = browser.all("tr[data-result='failed']");
		assertThat(failed).isNotEmpty();
		assertThat(browser.find("[data-field='scenario-count']").getAttribute("data-failed"))
			.isEqualTo(String.valueOf(failed.size()));
		Map<String, List<String>> differences = new LinkedHashMap<>();
		for (WebElement row : failed) {
			differences.put(row.findElement(By.cssSelector("[data-field='scenario-name']")).getText(),
					row.findElements(By.cssSelector("[data-field='scenario-result'] li"))
						.stream()
						.map(WebElement::getText)
						.toList());
		}
		assertThat(String.join("\n", differences.values().stream().flatMap(List::stream).toList())).contains("men fik")
			.doesNotContain("KUI_NETWORK_MEETING", "JOINT_PLAN_OFFER");
		for (Map.Entry<String, List<String>> row : differences.entrySet()) {
			browser.clickAndWait(row(browser, row.getKey()).findElement(By.cssSelector("[data-edit]")));
			assertThat(browser.find("#s-name").getAttribute("value")).isEqualTo(row.getKey());
			for (String difference : row.getValue()) {
				fix(browser, difference);
			}
			browser.clickAndWait("#save-scenario");
			assertThat(browser.all("[data-field='errors']")).isEmpty();
			assertThat(browser.field("scenario-saved")).contains(row.getKey());
		}

		// F-08 removed in its guided view (F-03 now gives the committee to all 18 to 29)
		browser.clickAndWait(browser.driver().findElement(By.linkText("Tilbage til udkastet")));
		browser.clickAndWait("[data-link='guided-rules']");
		browser.clickAndWait("[data-edit-rule='F-08']");
		browser.find("label[for='confirm-removal']").click();
		browser.clickAndWait("#remove-rule");
		assertThat(browser.field("rule-removed")).contains("Regel F-08 er fjernet");

		// the change note, then the checks again: all pass
		browser.clickAndWait(browser.driver().findElement(By.linkText("Udkast 2023.05")));
		assertThat(browser.find("h1").getText()).isEqualTo("Udkast 2023.05");
		browser.find("#note-da").sendKeys("Den fælles plan gælder fra 30 år; KUI-netværksmødet når unge under 30.");
		browser.find("#note-en")
			.sendKeys("The joint plan starts at 30; the KUI network meeting reaches the under-30s.");
		browser.clickAndWait("#save-note");
		assertThat(browser.field("note-saved")).contains("Ændringsnoten er gemt");
		runChecks(browser);
		assertThat(browser.find("[data-field='checks-result']").getAttribute("data-passed"))
			.as(browser.find("#checks").getText())
			.isEqualTo("true");
		assertThat(browser.all("[data-field='failed-scenarios']")).isEmpty();

		// publication requested; the author signs out
		browser.clickAndWait("#request-publication");
		assertThat(browser.field("state")).isEqualTo("Anmodet om offentliggørelse");
		browser.clickAndWait("form[action$='/logout'] button[type=submit]");

		// a second POLICY user opens the draft from the start page
		browser.signIn(base(), "paula", "paula-s-long-password");
		browser.open(base() + "/");
		browser.clickAndWait(browser.find("[data-draft='2023.05']").findElement(By.tagName("a")));
		assertThat(browser.find("h1").getText()).isEqualTo("Udkast 2023.05");
		assertThat(browser.field("approval-note"))
			.isEqualTo("Den fælles plan gælder fra 30 år; KUI-netværksmødet når unge under 30.");
		assertThat(browser.find("[data-field='approval-checks']").getAttribute("data-passed")).isEqualTo("true");
		// the button waits until the changes are open; they say, in Danish, that D-15's
		// age went from 25 to 30
		assertThat(browser.find("#decide").isEnabled()).isFalse();
		browser.find("#changes summary").click();
		assertThat(browser.find("#decide").isEnabled()).isTrue();
		assertThat(browser.find("[data-rule='D-15']").getText()).contains("D-15 (ændret)",
				"alder mindst 25 → mindst 30", "teksten på dansk er ændret");
		assertThat(browser.find("[data-rule='F-08']").getText()).contains("F-08 (fjernet)");
		assertThat(browser.all("[data-scenario-change='changed']")).hasSize(differences.size());
		browser.find("label[for='approve-yes']").click();
		browser.find("#comment").sendKeys("Den fælles plan fra 30 som aftalt");
		assertThat(browser.accessibilityViolations()).isEmpty();
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-guided-approval.png"), 1280, 1400,
				"document.getElementById('publication').scrollIntoView()");
		browser.clickAndWait("#decide");
		browser.awaitField("state", "Offentliggjort", Duration.ofSeconds(120));

		// served: listed active, and a 27 year old assessed in its force now gets the
		// meeting
		JsonNode listed = null;
		for (JsonNode version : api.json(api.get("/api/v1/rules", WorkbenchApi.POLICY)).path("versions")) {
			if (version.path("version").asString().equals("2023.05")) {
				listed = version;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.path("state").asString()).isEqualTo("ACTIVE");
		JsonNode after = api.json(api.post("/api/v1/triage", WorkbenchApi.CASEWORKER, AGED_27));
		assertThat(after.path("rulesVersion").asString()).isEqualTo("2023.05");
		assertThat(after.path("rulesChecksum").asString()).isEqualTo(listed.path("checksum").asString());
		assertThat(after.path("flags").toString()).contains("KUI_NETWORK_MEETING").doesNotContain("JOINT_PLAN_OFFER");
	}

	// what a policy editor does with one line of what the draft gave instead: the flags
	// ticked as the draft gives them, the rules that no longer decide taken out
	private static void fix(Browser browser, String difference) {
		if (difference.startsWith("Markeringer: forventet ")) {
			String got = difference.substring(difference.indexOf(", men fik ") + ", men fik ".length())
				.toLowerCase(java.util.Locale.ROOT);
			for (WebElement box : browser.all("#scenario-form input[name='flags']")) {
				WebElement label = browser.find("label[for='" + box.getAttribute("id") + "']");
				if (box.isSelected() != got.contains(label.getText().toLowerCase(java.util.Locale.ROOT))) {
					label.click();
				}
			}
		}
		else if (difference.startsWith("Regler: ")) {
			List<String> gone = List.of(difference.substring("Regler: ".length(), difference.indexOf(" skulle være"))
				.split(",\\s*|\\s+og\\s+"));
			WebElement rules = browser.find("#s-rules");
			List<String> kept = List.of(rules.getAttribute("value").split(",\\s*"))
				.stream()
				.filter((rule) -> !rule.isBlank() && !gone.contains(rule))
				.toList();
			rules.clear();
			rules.sendKeys(String.join(", ", kept));
		}
		else {
			throw new AssertionError("the flags or the rules differ, nothing else: " + difference);
		}
	}

	private static WebElement row(Browser browser, String name) {
		return ScenarioRows.row(browser, name);
	}

	private static void runChecks(Browser browser) {
		browser.clickAndWait("#run-checks");
		browser.waitUpTo(Duration.ofMinutes(4))
			.ignoring(RuntimeException.class)
			.until((driver) -> browser.all("[data-field='checks-running']").isEmpty()
					&& !browser.all("[data-field='checks-result'][data-up-to-date='true']").isEmpty());
	}

	@Test
	void addsAFlagRuleFromTheTemplateAndRemovesIt() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2023.08", "2032-01-01").statusCode()).isEqualTo(201);
		String flags = api.file("2023.08", "flags.drl");
		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "policy", "test-policy-password");
		browser.open(base() + "/workbench/drafts/2023.08/rules");
		browser.clickAndWait("[data-link='new-flag']");
		assertThat(browser.find("h1").getText()).isEqualTo("Ny markering i udkast 2023.08");
		assertThat(browser.find("#id").getAttribute("value")).matches("F-\\d{2}");

		// nothing filled in: every field at fault in the summary, nothing saved
		browser.find("#id").clear();
		browser.find("#id").sendKeys("F-05");
		browser.clickAndWait("#add-flag");
		assertThat(browser.field("errors")).contains("Reglens nummer: Versionen har allerede en regel F-05",
				"Betingelser: Vælg mindst én betingelse", "Tekst på dansk: Skriv teksten");
		assertThat(api.file("2023.08", "flags.drl")).isEqualTo(flags);
		assertThat(browser.accessibilityViolations()).isEmpty();

		browser.find("#id").clear();
		browser.find("#id").sendKeys("F-20");
		new Select(browser.find("#flag")).selectByValue("KUI_NETWORK_MEETING");
		browser.find("#cond-AGE_UNDER").sendKeys("30");
		new Select(browser.find("#cond-TIER")).selectByValue("CROSS_SECTOR");
		browser.find("#text-da").sendKeys("Den unge er under 30 år i det tværgående samarbejde.");
		browser.find("#text-en").sendKeys("The young person is under 30 in cross-sector collaboration.");
		browser.find("#text-section").sendKeys("a. KUI (Den Kommunale Unge Indsats)");
		browser.clickAndWait("#add-flag");
		assertThat(browser.find("h1").getText()).isEqualTo("Regel F-20");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("rule-saved")).contains("Reglen er gemt");
		assertThat(browser.all("[data-condition] legend")).extracting(org.openqa.selenium.WebElement::getText)
			.containsExactly("Alder under 30", "Udfaldets lag er lag 2: tværgående samarbejde");
		assertThat(api.file("2023.08", "flags.drl")).startsWith(flags)
			.contains("insert(new FlagRaised(Flag.KUI_NETWORK_MEETING));");

		// removed again, once ticked
		browser.clickAndWait("#remove-rule");
		assertThat(browser.field("errors")).contains("Markér, at du vil fjerne reglen");
		browser.find("label[for='confirm-removal']").click();
		browser.clickAndWait("#remove-rule");
		assertThat(browser.field("rule-removed")).contains("Regel F-20 er fjernet");
		assertThat(browser.all("[data-rule='F-20']")).isEmpty();
		assertThat(api.file("2023.08", "flags.drl")).isEqualTo(flags);
	}

	@Test
	void showsASyntaxErrorTypedInTheAdvancedEditorInDanishAtItsLineAndItIsFixedThere() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2023.07", "2031-01-01").statusCode()).isEqualTo(201);
		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "policy", "test-policy-password");
		browser.open(base() + "/workbench/drafts/2023.07?file=derived.drl");
		String text = (String) browser.script("return document.getElementById('editor').value");
		int line = lineOf(text, "Profile( age >= 25 )");
		browser.script("const editor = document.getElementById('editor'); editor.value = arguments[0];",
				text.replace("Profile( age >= 25 )", "Profile( age >= 25"));
		browser.clickAndWait("#editor-form button[type=submit]");
		assertThat(browser.field("errors")).contains("derived.drl linje " + line, "der mangler");
		assertThat(browser.find("#line-" + line).getAttribute("class")).contains("problem-line");
		// the guided view cannot read the file now, and says where to fix it
		browser.open(base() + "/workbench/drafts/2023.07/rules");
		assertThat(browser.find("[data-rule-file='derived.drl']").getText())
			.contains("Filen kan ikke læses som regler");

		// fixed in the editor at the line the message named: saved, the files valid, the
		// guided view reads the rule again
		browser.clickAndWait("[data-advanced='derived.drl']");
		String broken = (String) browser.script("return document.getElementById('editor').value");
		assertThat(broken.split("\n", -1)[line - 1]).contains("Profile( age >= 25").doesNotContain("25 )");
		browser.script("const editor = document.getElementById('editor'); editor.value = arguments[0];",
				broken.replace("Profile( age >= 25\n", "Profile( age >= 25 )\n"));
		browser.clickAndWait("#editor-form button[type=submit]");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("saved")).isEqualTo("derived.drl er gemt, og udkastets filer er gyldige.");
		assertThat(api.file("2023.07", "derived.drl")).contains(D15);
		browser.open(base() + "/workbench/drafts/2023.07/rules");
		assertThat(browser.find("[data-rule-file='derived.drl'] [data-rule='D-15']").getText()).contains("D-15");
	}

	@Test
	void refusesAValueOrTextOutsideTheAllowListNamingTheField() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2023.06", "2031-06-01").statusCode()).isEqualTo(201);
		String derived = api.file("2023.06", "derived.drl");

		JsonNode list = api.json(api.get("/api/v1/drafts/2023.06/rules", WorkbenchApi.POLICY));
		assertThat(list.findValuesAsString("ruleId")).contains("D-15", "F-05", "T2-01");
		JsonNode form = api.json(api.get("/api/v1/drafts/2023.06/rules/D-15", WorkbenchApi.POLICY));
		assertThat(form.path("file").asString()).isEqualTo("derived.drl");
		JsonNode age = form.path("conditions").get(0).path("fields").get(0);
		assertThat(age.path("index").asInt()).isZero();
		assertThat(age.path("label").asString()).isEqualTo("Alder mindst");
		assertThat(age.path("kind").asString()).isEqualTo("NUMBER");
		assertThat(age.path("value").asString()).isEqualTo("25");
		String seen = form.path("seen").asString();

		for (String bad : new String[] { "\"tredive\"", "\"-1\"", "151", "\"25 ) || true\"" }) {
			HttpResponse<String> refused = api.putJson("/api/v1/drafts/2023.06/rules/D-15", """
					{"values": {"0": %s}}""".formatted(bad));
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			JsonNode error = api.json(refused).path("errors").get(0);
			assertThat(error.path("field").asString()).isEqualTo("/values/0");
			assertThat(error.path("message").asString()).isEqualTo("skriv et helt tal fra 0 til 150");
		}
		HttpResponse<String> injected = api.putJson("/api/v1/drafts/2023.06/rules/D-15", """
				{"texts": {"da": "Fyldt 30.\\") then System.exit(0); end rule \\"x"}}""");
		assertThat(injected.statusCode()).isEqualTo(400);
		assertThat(api.json(injected).path("errors").get(0).path("field").asString()).isEqualTo("/texts/da");
		assertThat(api.json(injected).path("errors").get(0).path("message").asString()).contains("anførselstegn");
		assertThat(api.putJson("/api/v1/drafts/2023.06/rules/D-15", "[1]").statusCode()).isEqualTo(400);
		assertThat(api.putJson("/api/v1/drafts/2023.06/rules/D-99", "{}").statusCode()).isEqualTo(404);
		assertThat(api.putJson("/api/v1/drafts/2023.06/rules/D-15", """
				{"values": {"0": "30"}, "seen": "sha256:0000"}""").statusCode()).isEqualTo(409);
		assertThat(api.file("2023.06", "derived.drl")).isEqualTo(derived);

		HttpResponse<String> saved = api.putJson("/api/v1/drafts/2023.06/rules/D-15", """
				{"values": {"0": "30"}, "seen": "%s"}""".formatted(seen));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(api.json(saved).path("changed").asBoolean()).isTrue();
		assertThat(api.json(saved).path("problems").isEmpty()).isTrue();
		assertThat(api.file("2023.06", "derived.drl")).isEqualTo(derived.replace(D15, D15.replace("25", "30")));
		JsonNode history = api.json(api.get("/api/v1/versions/2023.06/history", WorkbenchApi.POLICY));
		assertThat(history.toString()).contains("derived.drl");
	}

	private String base() {
		return "http://localhost:" + this.port;
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

	@Test
	void addsAndRemovesAFlagRuleThroughTheJsonCallsWithProblemsNamingTheField() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2098.01", "2098-01-01").statusCode()).isEqualTo(201);
		String flags = api.file("2098.01", "flags.drl");

		JsonNode template = api.json(api.get("/api/v1/drafts/2098.01/rules/new-flag", WorkbenchApi.POLICY));
		String suggested = template.path("suggestedId").asString();
		assertThat(suggested).matches("F-\\d{2}");
		assertThat(template.findValuesAsString("name")).contains("AGE_UNDER", "TIER");
		assertThat(template.path("flags").findValuesAsString("value")).contains("KUI_NETWORK_MEETING");
		assertThat(template.path("seen").asString()).isEqualTo(GuidedRules.checksum(flags));
		String rule = """
				{"id": "%s", "flag": "KUI_NETWORK_MEETING", "conditions": {"AGE_UNDER": "30", "TIER": "CROSS_SECTOR"},
				 "texts": {"da": "Den unge er under 30 år i det tværgående samarbejde.",
				           "en": "The young person is under 30 in cross-sector collaboration.",
				           "source": "%s", "section": "a. KUI (Den Kommunale Unge Indsats)"}, "seen": "%s"}"""
			.formatted(suggested, template.path("sources").get(0).path("file").asString(),
					template.path("seen").asString());

		// refused, naming each field; nothing written
		HttpResponse<String> empty = api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY,
				"{\"id\": \"F-05\"}");
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
		assertThat(api.json(empty).path("type").asString()).endsWith("invalid-rule-edit");
		assertThat(api.json(empty).path("errors").findValuesAsString("field")).contains("/id", "/flag", "/conditions",
				"/texts/da");
		assertThat(api.json(empty).path("errors").findValuesAsString("message"))
			.contains("versionen har allerede en regel F-05; vælg et andet nummer");
		HttpResponse<String> injected = api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY,
				rule.replace("Den unge er under 30 år", "Ung.\\\") then System.exit(0); end rule \\\"x"));
		assertThat(injected.statusCode()).as(injected.body()).isEqualTo(400);
		assertThat(api.json(injected).path("errors").findValuesAsString("field")).containsExactly("/texts/da");
		HttpResponse<String> tooOld = api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY,
				rule.replace("\"30\"", "\"151\""));
		assertThat(api.json(tooOld).path("errors").findValuesAsString("field"))
			.containsExactly("/conditions/AGE_UNDER");
		assertThat(api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY, rule.replace("AGE_UNDER", "AGE_OVER"))
			.statusCode()).isEqualTo(400);
		assertThat(api
			.json(api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY, rule.replace("AGE_UNDER", "AGE_OVER")))
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("/conditions/AGE_OVER");
		assertThat(api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY, "[1]").statusCode()).isEqualTo(400);
		assertThat(api.post("/api/v1/drafts/2099.97/rules", WorkbenchApi.POLICY, rule).statusCode()).isEqualTo(404);
		HttpResponse<String> stale = api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY,
				rule.replace(template.path("seen").asString(), "sha256:0000"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(api.json(stale).path("type").asString()).endsWith("rule-file-changed");
		assertThat(api.file("2098.01", "flags.drl")).isEqualTo(flags);

		// added at the end of flags.drl and saved as a file save is: validated, in the
		// history
		HttpResponse<String> added = api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY, rule);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(added.headers().firstValue("Location")).hasValue("/api/v1/drafts/2098.01/rules/" + suggested);
		assertThat(api.json(added).path("file").asString()).isEqualTo("flags.drl");
		assertThat(api.json(added).path("problems").isEmpty()).isTrue();
		String withRule = api.file("2098.01", "flags.drl");
		assertThat(withRule).startsWith(flags).contains("insert(new FlagRaised(Flag.KUI_NETWORK_MEETING));");
		JsonNode form = api.json(api.get("/api/v1/drafts/2098.01/rules/" + suggested, WorkbenchApi.POLICY));
		assertThat(form.path("conditions").valueStream().map((c) -> c.path("words").asString()))
			.containsExactly("Alder under 30", "Udfaldets lag er lag 2: tværgående samarbejde");
		assertThat(api.json(api.get("/api/v1/versions/2098.01/history", WorkbenchApi.POLICY)).toString())
			.contains("flags.drl");

		// removed: only flag rules, the file as it was shown
		HttpResponse<String> notAFlag = api.post("/api/v1/drafts/2098.01/rules/T2-01/removal", WorkbenchApi.POLICY,
				"{}");
		assertThat(notAFlag.statusCode()).isEqualTo(400);
		assertThat(api.json(notAFlag).path("errors").get(0).path("field").asString()).isEqualTo("/ruleId");
		assertThat(api.post("/api/v1/drafts/2098.01/rules/F-99/removal", WorkbenchApi.POLICY, "{}").statusCode())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/drafts/2099.97/rules/F-05/removal", WorkbenchApi.POLICY, "{}").statusCode())
			.isEqualTo(404);
		assertThat(api
			.post("/api/v1/drafts/2098.01/rules/" + suggested + "/removal", WorkbenchApi.POLICY,
					"{\"seen\": \"%s\"}".formatted(GuidedRules.checksum(flags)))
			.statusCode()).isEqualTo(409);
		HttpResponse<String> removed = api.post("/api/v1/drafts/2098.01/rules/" + suggested + "/removal",
				WorkbenchApi.POLICY, "{\"seen\": \"%s\"}".formatted(form.path("seen").asString()));
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(api.json(removed).path("changed").asBoolean()).isTrue();
		assertThat(api.file("2098.01", "flags.drl")).isEqualTo(flags);

		// a draft whose publication is requested cannot be edited: 409
		assertThat(api.check("2098.01").path("passed").asBoolean()).isTrue();
		HttpResponse<String> requested = api.post("/api/v1/drafts/2098.01/publication-request", WorkbenchApi.POLICY,
				"");
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
		HttpResponse<String> locked = api.post("/api/v1/drafts/2098.01/rules", WorkbenchApi.POLICY,
				rule.replace("\"seen\": \"" + template.path("seen").asString() + "\"", "\"seen\": null"));
		assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);
		assertThat(api.json(locked).path("type").asString()).endsWith("not-a-draft");
		assertThat(api.post("/api/v1/drafts/2098.01/rules/F-05/removal", WorkbenchApi.POLICY, "{}").statusCode())
			.isEqualTo(409);
		assertThat(api.file("2098.01", "flags.drl")).isEqualTo(flags);
	}

	@Test
	void theGuidedViewAndTheScenarioTableAreInEnglishOnTheEnglishPages() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.post("/api/v1/drafts", WorkbenchApi.POLICY, """
				{"id": "2098.05", "from": "2023.01", "inForceFrom": "2098-05-01", "title": "KUI to under-30s",
				 "titleDa": "KUI til under 30"}""").statusCode()).isEqualTo(201);
		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "policy", "test-policy-password");

		// the list of rules: each by its English name
		browser.open(base() + "/workbench/drafts/2098.05/rules?lang=en");
		assertThat(browser.find("h1").getText()).isEqualTo("The rules of draft 2098.05");
		assertThat(browser.find("[data-rule='D-15']").getText()).contains("The citizen has turned 25.")
			.doesNotContain("Borgeren");
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-guided-rules-en.png"), 1280, 1400, "window.scrollTo(0, 0)");

		// a rule's form: its name, conditions, fields and choices in English
		browser.open(base() + "/workbench/drafts/2098.05/rules/D-15?lang=en");
		assertThat(browser.field("rule-name")).isEqualTo("The citizen has turned 25.");
		assertThat(texts(browser.all("[data-condition] legend"))).containsExactly("Age at least 25");
		assertThat(browser.find("[data-condition] label").getText()).isEqualTo("Age at least");
		browser.open(base() + "/workbench/drafts/2098.05/rules/F-05?lang=en");
		List<String> conditions = texts(browser.all("[data-condition] .condition-words"));
		assertThat(conditions).contains("The outcome's tier is not tier 2: cross-sector")
			.anyMatch((condition) -> condition.startsWith("Not: the citizen has turned 25"))
			.noneMatch((condition) -> condition.matches("(?s).*(Ikke|ikke:|Udfaldets|Borgeren|borgeren|Lag \\d).*"));
		assertThat(texts(browser.all("[data-condition] select option"))).contains("Tier 1: employment only")
			.noneMatch((choice) -> choice.startsWith("Lag"));
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-guided-rule-en.png"), 1280, 1400, "window.scrollTo(0, 0)");
		assertThat(browser.accessibilityViolations()).isEmpty();

		// the template of a new flag
		browser.open(base() + "/workbench/drafts/2098.05/rules/new-flag?lang=en");
		assertThat(texts(browser.all("#flag option"))).contains("Network meeting in the municipal youth effort (KUI)")
			.doesNotContain("Netværksmøde i Den Kommunale Ungeindsats (KUI)");
		assertThat(texts(browser.all("#cond-BENEFIT option"))).contains("Cash benefit").doesNotContain("Kontanthjælp");

		// the scenario table and a row's form
		browser.open(base() + "/workbench/drafts/2098.05/scenarios?lang=en&ret=0");
		assertThat(browser.find("h1").getText()).isEqualTo("Scenarios of draft 2098.05");
		assertThat(browser.find("[data-table='scenarios'] tbody tr[data-scenario]").getText()).contains("Age: 0 years")
			.doesNotContain("Alder");
		assertThat(texts(browser.all("#scenario-form label")))
			.contains("Age", "Not checked", "No warnings", "These warnings")
			.noneMatch((label) -> label.contains("??") || label.startsWith("Alder") || label.startsWith("Ingen"));
		assertThat(texts(browser.all("#scenario-form legend"))).contains("Expected missing facts", "Expected warnings",
				"Warning 1: the facts that do not fit together");
		browser.script("document.getElementById('scenario-form').scrollIntoView({block: 'start'})");
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-scenarios-en.png"), 1280, 1400,
				"document.getElementById('scenario-form').scrollIntoView({block: 'start'})");
		assertThat(browser.accessibilityViolations()).isEmpty();

		// and the Danish table's choice of warnings in Danish
		browser.open(base() + "/workbench/drafts/2098.05/scenarios?lang=da&ret=0");
		assertThat(texts(browser.all("#scenario-form label"))).contains("Kontrolleres ikke", "Ingen advarsler",
				"Disse advarsler", "Alder");
	}

	private static List<String> texts(List<WebElement> elements) {
		return elements.stream().map(WebElement::getText).map(String::strip).toList();
	}

}
