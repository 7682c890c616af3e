package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dk.model3.HttpTestClient;
import dk.model3.intake.IntakePage;
import dk.model3.pages.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One change walked end to end in a real Chromium, as the policy office makes it: a
 * policy user drafts 2023.02 extending the KUI network meeting to everybody under 30,
 * sees a typo marked at its line and fixes it, sees the old scenarios fail and fixes
 * them, sees the preview name the citizens who gain the meeting, requests publication;
 * the author cannot approve, a second POLICY user does; the caseworker's page then
 * answers from 2023.02 with its checksum, and triage load running through the publication
 * has no failed request. The screenshots of rules/README.md come from here
 * ({@code service/target/screenshots/workbench-*.png}).
 */
class WorkbenchPageIntegrationTests extends SharedWorkbenchContext {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String LOAD = """
			{"citizenRef": "load-%d", "age": 27, "assessmentDate": "2029-02-01", "benefit": "CASH_BENEFIT",
			 "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}""";

	// the approval page from its publication section
	static final String PUBLICATION = "document.getElementById('publication').scrollIntoView()";

	static Browser browser;

	record Answer(int status, String version, String checksum) {
	}

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

	@Test
	void walksOneChangeFromDraftToACaseworkersAnswer() throws Exception {
		WorkbenchApi api = new WorkbenchApi(this.port);
		browser.signIn(base(), "policy", "test-policy-password");

		// a new draft from the version in force
		browser.open(base() + "/workbench");
		assertThat(browser.find("h1").getText()).isEqualTo("Regelværkstedet");
		browser.screenshot(SCREENSHOTS.resolve("workbench-index.png"), 1100);
		assertThat(browser.all("[data-version='2023.01']")).hasSize(1);
		browser.find("#id").sendKeys("2023.02");
		new Select(browser.find("#from")).selectByValue("2023.01");
		browser.find("#inForceFrom").sendKeys("2029-01-01");
		browser.find("#title").sendKeys("KUI-netværksmøde til alle under 30");
		browser.clickAndWait("form button[type=submit].button-primary");
		assertThat(browser.find("h1").getText()).isEqualTo("Udkast 2023.02");
		assertThat(browser.field("state")).isEqualTo("Udkast");

		// a typo in the edit: marked at its line, in the error summary and the gutter
		browser.clickAndWait("a[data-file='flags.drl']");
		String flags = WorkbenchApi.kuiUnder30(editorText());
		int line = lineOf(flags, "age < 30");
		setEditorText(flags.replace("age < 30,", "agee < 30,"));
		browser.clickAndWait("#editor-form button[type=submit]");
		assertThat(browser.field("errors")).contains("flags.drl linje " + line);
		assertThat(browser.find("#line-" + line).getAttribute("class")).contains("problem-line");
		browser.script("window.scrollTo(0, 0)");
		browser.screenshot(SCREENSHOTS.resolve("workbench-error-summary.png"), 800);
		browser.script("document.getElementById('line-" + line + "').scrollIntoView({block: 'center'})");
		browser.screenshot(SCREENSHOTS.resolve("workbench-error.png"), 900);
		setEditorText(flags);
		browser.clickAndWait("#editor-form button[type=submit]");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("saved")).contains("flags.drl");

		// the checks: a progress indicator, then the old scenarios fail
		runChecks();
		assertThat(browser.find("[data-field='checks-result']").getAttribute("data-passed")).isEqualTo("false");
		List<Integer> failing = new ArrayList<>();
		for (WebElement scenario : browser.all("[data-scenario-line]")) {
			failing.add(Integer.parseInt(scenario.getAttribute("data-scenario-line")));
		}
		assertThat(failing).isNotEmpty();
		assertThat(browser.find("[data-field='failed-scenarios']").getText())
			.contains("netværksmøde i Den Kommunale Ungeindsats")
			.doesNotContain("KUI_NETWORK_MEETING");
		browser.script("document.getElementById('checks').scrollIntoView()");
		browser.screenshot(SCREENSHOTS.resolve("workbench-checks.png"), 1100);

		// the scenarios fixed in the editor; every check passes
		browser.clickAndWait("a[data-file='scenarios.yaml']");
		setEditorText(WorkbenchApi.expectKui(editorText(), failing));
		browser.clickAndWait("#editor-form button[type=submit]");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		runChecks();
		assertThat(browser.find("[data-field='checks-result']").getAttribute("data-passed")).isEqualTo("true");

		// the preview names who gains the meeting, with the rule that made the difference
		WebElement gained = browser.find("[data-flag-gained='KUI_NETWORK_MEETING']");
		List<WebElement> citizens = gained.findElements(org.openqa.selenium.By.cssSelector("[data-citizen]"));
		assertThat(citizens).isNotEmpty();
		assertThat(citizens.get(0).getAttribute("data-citizen")).startsWith("NDJ-");
		assertThat(citizens.get(0).getText()).contains("+F-05");
		assertThat(browser.all("#preview [data-tier]")).hasSize(3);
		// and warns, in Danish, that 25-29 year olds now get two coordinations at once
		assertThat(browser.find("[data-field='forbidden'] [data-combination='JOINT_PLAN_AND_KUI_MEETING']").getText())
			.contains("både tilbud om én samlet plan og netværksmøde");
		browser.script("document.getElementById('preview').scrollIntoView()");
		browser.screenshot(SCREENSHOTS.resolve("workbench-preview.png"), 1300);
		assertThat(browser.accessibilityViolations()).isEmpty();

		// triage runs all along the publication
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong sequence = new AtomicLong();
		ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		List<Future<?>> load = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			load.add(clients.submit(() -> {
				while (running.get()) {
					HttpResponse<String> response = api.post("/api/v1/triage", WorkbenchApi.CASEWORKER,
							LOAD.formatted(sequence.incrementAndGet()));
					JsonNode body = (response.statusCode() == 200) ? api.json(response) : null;
					answers.add(new Answer(response.statusCode(),
							(body != null) ? body.path("rulesVersion").asString() : null,
							(body != null) ? body.path("rulesChecksum").asString() : null));
				}
			}));
		}

		// a request needs a change note, in Danish and English; saving it means checking
		// again
		browser.clickAndWait("#request-publication");
		assertThat(browser.field("errors")).contains("Skriv en ændringsnote på dansk og engelsk");
		assertThat(browser.find("[data-field='errors'] a").getAttribute("href")).endsWith("#note-da");
		assertThat(browser.field("state")).isEqualTo("Udkast");
		browser.find("#note-da").sendKeys("KUI-netværksmødet gælder nu alle unge under 30 år.");
		browser.find("#note-en").sendKeys("The KUI network meeting now reaches everybody under 30.");
		browser.clickAndWait("#save-note");
		assertThat(browser.field("note-saved")).contains("Ændringsnoten er gemt");
		runChecks();
		assertThat(browser.find("[data-field='checks-result']").getAttribute("data-passed")).isEqualTo("true");

		// request; the author cannot approve
		browser.clickAndWait("#request-publication");
		assertThat(browser.field("state")).isEqualTo("Anmodet om offentliggørelse");
		browser.find("#changes summary").click();
		browser.find("label[for='approve-yes']").click();
		browser.find("#comment").sendKeys("Min egen");
		browser.clickAndWait("#decide");
		assertThat(browser.field("errors")).contains("En anden medarbejder med politikrollen");
		assertThat(browser.field("state")).isEqualTo("Anmodet om offentliggørelse");

		// a second POLICY user approves
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "paula", "paula-s-long-password");
		browser.open(base() + "/workbench/drafts/2023.02");
		// the approval names what the page shows: the files' checksum and the date
		assertThat(browser.field("inForceFrom")).isEqualTo("2029-01-01");
		assertThat(browser.field("approval-pins")).contains("2029-01-01", "sha256:");
		// nothing is chosen for the approver, and the button waits until the changes are
		// open
		assertThat(browser.find("#approve-yes").isSelected()).isFalse();
		assertThat(browser.find("#approve-no").isSelected()).isFalse();
		assertThat(browser.find("#decide").isEnabled()).isFalse();
		// without JavaScript the server holds: an approval without the changes read is
		// refused
		browser.script("document.getElementById('decide').disabled = false");
		browser.find("label[for='approve-yes']").click();
		browser.clickAndWait("#decide");
		assertThat(browser.field("errors")).contains("Åbn ændringerne");
		assertThat(browser.field("state")).isEqualTo("Anmodet om offentliggørelse");
		// the approval shows the note, the checks, whom the change moves, and the changes
		assertThat(browser.field("approval-note")).isEqualTo("KUI-netværksmødet gælder nu alle unge under 30 år.");
		assertThat(browser.find("[data-field='approval-checks']").getAttribute("data-passed")).isEqualTo("true");
		assertThat(browser.field("approval-preview")).contains("2023.01");
		browser.find("#changes summary").click();
		assertThat(browser.find("#decide").isEnabled()).isTrue();
		assertThat(browser.find("#changes-seen").isSelected()).isTrue();
		assertThat(browser.find("[data-rule='F-05']").getText()).contains("F-05 (ændret)",
				"betingelse tilføjet: alder under 30");
		assertThat(browser.all("[data-scenario-change='changed']")).hasSize(failing.size());
		browser.clickAndWait("#decide");
		assertThat(browser.field("errors")).contains("Vælg, om du godkender");
		browser.find("#changes summary").click();
		assertThat(browser.find("#changes summary").getText()).endsWith(
				"1 regel og " + ((failing.size() == 1) ? "1 scenarie" : failing.size() + " scenarier") + " ændret");
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-approval.png"), 1280, 1400, PUBLICATION);
		browser.screenshotAt(SCREENSHOTS.resolve("workbench-approval-phone.png"), 390, 1400, PUBLICATION);
		assertThat(browser.accessibilityViolations()).isEmpty();
		browser.find("label[for='approve-yes']").click();
		browser.find("#comment").sendKeys("KUI til under 30 som aftalt");
		browser.clickAndWait("#decide");
		// the publication runs off the request thread; the page follows it and reloads
		browser.awaitField("state", "Offentliggjort", Duration.ofSeconds(120));
		WebDriverWait wait = browser.waitUpTo(HttpTestClient.HANG_GUARD);
		long published = sequence.get();
		wait.until((driver) -> sequence.get() > published + 20);
		running.set(false);
		for (Future<?> each : load) {
			each.get();
		}
		clients.shutdown();

		// an id that is no version's is an unknown draft, not an error
		browser.open(base() + "/workbench/drafts/X.lock");
		assertThat(browser.find("h1").getText()).isEqualTo("Ukendt udkast");

		// the audit page names both people and the checksum
		browser.open(base() + "/workbench/versions/2023.02/history");
		String checksum = browser.find("[data-field='checksum']").getText();
		assertThat(checksum).startsWith("sha256:");
		assertThat(browser.field("requestedBy")).isEqualTo("policy");
		assertThat(browser.field("approvedBy")).isEqualTo("paula");
		assertThat(browser.all("[data-action='published']")).hasSize(1);
		assertThat(browser.find("[data-field='changes']").getText())
			.isEqualTo("KUI-netværksmødet gælder nu alle unge under 30 år.");
		assertThat(browser.accessibilityViolations()).isEmpty();
		browser.screenshot(SCREENSHOTS.resolve("workbench-history.png"), 1000);

		// zero failed requests; 2023.01 before, 2023.02 with its checksum after
		assertThat(answers).isNotEmpty().allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.version()).isIn("2023.01", "2023.02"));
		assertThat(answers).anySatisfy((answer) -> {
			assertThat(answer.version()).isEqualTo("2023.02");
			assertThat(answer.checksum()).isEqualTo(checksum);
		});

		// the caseworker's page answers from 2023.02 with that checksum
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "caseworker", "test-caseworker-password");
		// 2023.02 comes into force on 2029-01-01: a version never applies backwards
		new IntakePage(browser, base()).open().submit(JSON.readTree("""
				{"citizenRef": "sag-2024-1", "age": 27, "assessmentDate": "2029-02-01", "benefit": "CASH_BENEFIT",
				 "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}"""));
		assertThat(browser.field("rulesVersion")).isEqualTo("2023.02");
		assertThat(browser.field("rulesChecksum")).isEqualTo(checksum);
		assertThat(browser.all("[data-flag='KUI_NETWORK_MEETING']")).isNotEmpty();
	}

	private void runChecks() {
		browser.clickAndWait("#run-checks");
		// the progress indicator while they run, then the page reloads with the results
		if (browser.all("[data-field='checks-result']").isEmpty()
				|| !browser.all("[data-field='checks-running']").isEmpty()) {
			assertThat(browser.all("[data-field='checks-running'] progress")).isNotEmpty();
		}
		browser.waitUpTo(Duration.ofMinutes(4))
			.ignoring(RuntimeException.class)
			.until((driver) -> browser.all("[data-field='checks-running']").isEmpty()
					&& !browser.all("[data-field='checks-result'][data-up-to-date='true']").isEmpty());
	}

	private String editorText() {
		return (String) browser.script("return document.getElementById('editor').value");
	}

	// what typing the whole file would do, without typing 300 lines key by key
	private void setEditorText(String text) {
		browser.script("const editor = document.getElementById('editor'); editor.value = arguments[0];"
				+ " editor.dispatchEvent(new Event('input'));", text);
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
