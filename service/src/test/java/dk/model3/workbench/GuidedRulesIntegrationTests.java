package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dk.model3.pages.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided view of a rule, the default way a policy consultant who does not program
 * changes a rule: the KUI change (the age of the joint plan, D-15, from 25 to 30) made in
 * its form alone in a real Chromium, saved, validated and checked; its JSON call's
 * refusals naming the field; and the advanced text editor's syntax error in Danish at its
 * line. The screenshots of rules/README.md come from here
 * ({@code service/target/screenshots/workbench-guided-*.png}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
class GuidedRulesIntegrationTests {

	static final Path DATA = WorkbenchApi.dataDirectory();

	static final Path USERS = WorkbenchApi.usersFile();

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
	void changesTheKuiAgeInTheGuidedViewAloneAndRunsTheChecks() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "policy", "test-policy-password");

		// a new draft from 2023.01, on the workbench's page
		browser.open(base() + "/workbench");
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
		screenshotAt(SCREENSHOTS.resolve("workbench-guided-rule.png"), 1280, 1300);
		screenshotAt(SCREENSHOTS.resolve("workbench-guided-rule-phone.png"), 390, 1500);

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
		browser.clickAndWait("#run-checks");
		new WebDriverWait(browser.driver(), Duration.ofMinutes(4)).ignoring(RuntimeException.class)
			.until((driver) -> browser.all("[data-field='checks-running']").isEmpty()
					&& !browser.all("[data-field='checks-result'][data-up-to-date='true']").isEmpty());
		assertThat(browser.find("[data-check='validation']").getAttribute("data-passed")).isEqualTo("true");
		assertThat(browser.find("[data-check='scenarios']").getAttribute("data-passed")).isEqualTo("false");
		assertThat(browser.find("[data-field='failed-scenarios']").getText())
			.contains("netværksmøde i Den Kommunale Ungeindsats");

		// the rule that uses the age reads the change in words, and offers its own values
		browser.open(base() + "/workbench/drafts/2023.05/rules/F-05");
		assertThat(browser.all("[data-condition]"))
			.extracting((condition) -> condition.getText().lines().findFirst().orElse(""))
			.contains("Ikke: borgeren er fyldt 30 år (D-15)");
		assertThat(browser.find("label[for='value-0']").getText()).isEqualTo("Involverede afdelinger mindst");
		assertThat(new Select(browser.find("#value-1")).getFirstSelectedOption().getText())
			.isEqualTo("Lag 2: tværgående samarbejde");
		assertThat(browser.find("label[for='value-1']").getText()).isEqualTo("Udfaldets lag er ikke");
		browser.screenshot(SCREENSHOTS.resolve("workbench-guided-f05.png"), 1400);
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
	void showsASyntaxErrorTypedInTheAdvancedEditorInDanishAtItsLine() {
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

	// the page at this width, from its top; the window as it was afterwards
	private static void screenshotAt(Path file, int width, int height) {
		Dimension size = browser.driver().manage().window().getSize();
		try {
			browser.driver().manage().window().setSize(new Dimension(width, height));
			browser.script("window.scrollTo(0, 0)");
			java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
			java.nio.file.Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		finally {
			browser.driver().manage().window().setSize(size);
		}
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

}
