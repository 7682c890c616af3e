package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.model3.intake.IntakePage;
import dk.model3.pages.Browser;
import dk.model3.rules.scenarios.Scenario;
import dk.model3.rules.scenarios.ScenarioBlocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Tilføj som scenarie" on the intake page's result, in a real Chromium: a member of
 * staff who holds both the caseworker's and the policy role
 * ({@code bo.lind:CASEWORKER,POLICY} in the users file) triages a citizen, chooses one of
 * the open drafts, and gets the scenario table's new row with the citizen's facts and the
 * draft's answer, the facts posted and never in an address or the log; a caseworker
 * without the policy role never sees the choice. Its own users file, so its own Spring
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
class TriageResultScenarioIntegrationTests {

	static final Path DATA = WorkbenchApi.dataDirectory();

	static final Path USERS = usersFile();

	static Browser browser;

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aCaseworkerWhoAlsoHoldsThePolicyRoleAddsATriagedCitizenAsAScenarioOfAnOpenDraft(CapturedOutput output) {
		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "bo.lind", "bo-s-long-password");
		// the intake form, not the policy staff's start page
		browser.open(base() + "/");
		assertThat(browser.all("form.intake-form")).hasSize(1);

		// no open draft yet: the result says so, and where drafts are made
		triage(browser);
		assertThat(browser.field("no-open-drafts")).contains("Der er ingen åbne udkast");
		assertThat(browser.all("#add-scenario")).isEmpty();

		WorkbenchApi api = new WorkbenchApi(this.port);
		for (String draft : List.of("2098.03", "2098.04")) {
			assertThat(api.post("/api/v1/drafts", WorkbenchApi.POLICY, """
					{"id": "%s", "from": "2023.01", "inForceFrom": "%s-01", "title": "KUI to under-30s %s",
					 "titleDa": "KUI til under 30 %s"}""".formatted(draft, draft.replace('.', '-'), draft, draft))
				.statusCode()).isEqualTo(201);
		}
		String before = api.file("2098.04", "scenarios.yaml");

		triage(browser);
		assertThat(browser.find("#scenario-heading").getText()).isEqualTo("Brug borgeren som scenarie");
		assertThat(new Select(browser.find("#scenario-draft")).getOptions()).extracting(WebElement::getText)
			.containsExactly("2098.03: KUI til under 30 2098.03", "2098.04: KUI til under 30 2098.04");
		assertThat(browser.find("#add-scenario input[name='citizen']").getDomProperty("value")).contains("\"age\":27")
			.doesNotContain("scenario-ref-27");
		assertThat(browser.accessibilityViolations()).isEmpty();

		new Select(browser.find("#scenario-draft")).selectByValue("2098.04");
		browser.clickAndWait("#add-as-scenario");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/workbench/scenarios/from-triage");
		assertThat(browser.find("h1").getText()).isEqualTo("Scenarier i udkast 2098.04");
		assertThat(browser.find("#new-heading").getText()).isEqualTo("Nyt scenarie fra en visitation");
		assertThat(browser.find("#s-age").getDomProperty("value")).isEqualTo("27");
		assertThat(new Select(browser.find("#s-benefit")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("CASH_BENEFIT");
		assertThat(browser.find("#s-problems-ANXIETY").isSelected()).isTrue();
		assertThat(browser.find("#s-problems-ADHD").isSelected()).isTrue();
		assertThat(browser.find("#s-departmentsInvolved").getDomProperty("value")).isEqualTo("2");
		// the draft's answer: the 2023.01 rules place a 27 year old with two problems and
		// two departments cross-sector, with the joint plan offer
		assertThat(new Select(browser.find("#s-status")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("PLACED");
		assertThat(browser.find("#s-flags-JOINT_PLAN_OFFER").isSelected()).isTrue();
		assertThat(browser.driver().getPageSource()).doesNotContain("scenario-ref-27");
		assertThat(browser.accessibilityViolations()).isEmpty();

		String name = "A 27 year old on cash benefit with anxiety, ADHD and two departments triaged on the intake page";
		browser.find("#s-name").sendKeys(name);
		browser.clickAndWait("#save-scenario");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("scenario-saved")).contains(name);
		String after = api.file("2098.04", "scenarios.yaml");
		assertThat(after).startsWith(before.stripTrailing());
		List<Scenario> scenarios = ScenarioBlocks.parse("2098.04", after);
		Scenario added = scenarios.get(scenarios.size() - 1);
		assertThat(added.name()).isEqualTo(name);
		assertThat(added.given().path("age").asInt()).isEqualTo(27);
		assertThat(added.given().has("citizenRef")).isFalse();
		assertThat(added.expect().flags()).extracting(Enum::name).contains("JOINT_PLAN_OFFER");
		assertThat(api.file("2098.03", "scenarios.yaml")).isEqualTo(before.replace("2098.04", "2098.03"));
		// the citizen's case reference and facts are in no log line
		assertThat(output.getAll()).doesNotContain("scenario-ref-27").doesNotContain("\"age\":27");
	}

	@Test
	void aCaseworkerWithoutThePolicyRoleNeverSeesIt() {
		Browser browser = browser();
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "caseworker", "test-caseworker-password");
		triage(browser);
		assertThat(browser.find("h1").getText()).isNotBlank();
		assertThat(browser.all("[data-field='add-scenario']")).isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain("from-triage");
	}

	// a 27 year old on cash benefit with anxiety and ADHD, two departments involved
	private void triage(Browser browser) {
		new IntakePage(browser, base()).open().submit(JSON.readTree("""
				{"citizenRef": "scenario-ref-27", "age": 27, "benefit": "CASH_BENEFIT",
				 "employmentPotential": "PRESENT", "problems": ["ANXIETY", "ADHD"], "departmentsInvolved": 2}"""));
		assertThat(browser.all("[data-field='errors']")).isEmpty();
	}

	private static Browser browser() {
		if (browser == null) {
			browser = Browser.start();
		}
		return browser;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static Path usersFile() {
		try {
			Path file = Files.createTempFile("triage-result-scenario-users", ".txt");
			Files.write(file, List.of("# a member of the policy office who also triages",
					"bo.lind:CASEWORKER,POLICY:{bcrypt}" + new BCryptPasswordEncoder().encode("bo-s-long-password")));
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
