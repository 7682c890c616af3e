package dk.model3.workbench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.pages.Browser;
import dk.model3.rules.scenarios.Scenario;
import dk.model3.rules.scenarios.ScenarioBlocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario table: a scenario saved as JSON is checked against the contract (a 400
 * problem naming the field) and written in place; in a real Chromium, after a rule change
 * and one check run, a policy editor fixes a failing row in place, adds a new scenario
 * from an empty form and one from a citizen of the impact preview. Fixing every failing
 * row and checking again is the end-to-end test of GuidedRulesIntegrationTests. The
 * screenshots of rules/README.md come from here
 * ({@code service/target/screenshots/workbench-scenarios*.png}).
 */
class ScenarioTableIntegrationTests extends SharedWorkbenchContext {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String KUI_25 = "A 25 year old with severe substance abuse and two departments involved goes cross-sector"
			+ " to the youth coordination committee with a joint plan offer and without a KUI network meeting";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern FLAGS = Pattern.compile("flags: expected \\[(.*)\\], got \\[(.*)\\]");

	private static final Pattern RULES = Pattern
		.compile("rules: expected \\[(.*)\\] among the rules that decided, got .*");

	// the table from the row above the open form
	static final String OPEN_ROW = "document.getElementById('scenario-form').closest('tr').previousElementSibling"
			+ ".scrollIntoView({block: 'start'})";

	static Browser browser;

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aScenarioOutsideTheContractIsRefusedNamingTheField() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2023.07", "2028-03-01").statusCode()).isEqualTo(201);
		String before = api.file("2023.07", "scenarios.yaml");

		assertThat(refused(api, body(KUI_25, "", (given) -> {
		}, "PLACED", "CROSS_SECTOR"))).as("a name taken").isEqualTo("/name");
		assertThat(refused(api, body(" ", KUI_25, (given) -> {
		}, "PLACED", "CROSS_SECTOR"))).isEqualTo("/name");
		assertThat(refused(api, body("A new case", "", (given) -> given.put("age", 200), "PLACED", "CROSS_SECTOR")))
			.isEqualTo("/given/age");
		assertThat(refused(api,
				body("A new case", "", (given) -> given.put("benefit", "LOTTERY"), "PLACED", "CROSS_SECTOR")))
			.isEqualTo("/given/benefit");
		assertThat(refused(api,
				body("A new case", "", (given) -> given.put("citizenRef", "sag-1"), "PLACED", "CROSS_SECTOR")))
			.isEqualTo("/given/citizenRef");
		assertThat(refused(api, body("A new case", "", (given) -> {
		}, "DONE", "CROSS_SECTOR"))).isEqualTo("/expect/status");
		assertThat(refused(api, body("A new case", "", (given) -> {
		}, "OUT_OF_SCOPE", "CROSS_SECTOR"))).as("a tier without a placement").isEqualTo("/expect/tier");
		ObjectNode flag = body("A new case", "", (given) -> {
		}, "PLACED", "CROSS_SECTOR");
		((ObjectNode) flag.get("expect")).putArray("flags").add("FREE_LUNCH");
		assertThat(refused(api, flag)).isEqualTo("/expect/flags");
		ObjectNode rule = body("A new case", "", (given) -> {
		}, "PLACED", "CROSS_SECTOR");
		((ObjectNode) rule.get("expect")).putArray("rules").add("X-99");
		assertThat(refused(api, rule)).isEqualTo("/expect/rules");
		assertThat(refused(api, body("A new case", "No such case", (given) -> {
		}, "PLACED", "CROSS_SECTOR"))).isEqualTo("/replaces");
		// nothing refused was written
		assertThat(api.file("2023.07", "scenarios.yaml")).isEqualTo(before);

		// one scenario edited in place, its name data whatever it holds
		String name = "A case: with \"quotes\", a # and 'more'";
		HttpResponse<String> saved = api.putJson("/api/v1/drafts/2023.07/scenarios", WorkbenchApi.POLICY,
				body(name, KUI_25, (given) -> {
				}, "PLACED", "CROSS_SECTOR").toString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(api.json(saved).path("problems").isEmpty()).isTrue();
		String after = api.file("2023.07", "scenarios.yaml");
		int start = before.indexOf("  - name: " + KUI_25);
		assertThat(after.substring(0, start)).isEqualTo(before.substring(0, start));
		int end = before.indexOf("\n\n", start);
		assertThat(after).endsWith(before.substring(end));
		List<Scenario> scenarios = ScenarioBlocks.parse("2023.07", after);
		assertThat(scenarios).extracting(Scenario::name).contains(name).doesNotContain(KUI_25);
		// in the draft's history as an edit of the file
		assertThat(api.get("/api/v1/versions/2023.07/history", WorkbenchApi.POLICY).body()).contains("scenarios.yaml");
	}

	@Test
	void aPolicyEditorFixesAFailingRowAndAddsScenariosInTheTable() throws Exception {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2023.08", "2028-04-01").statusCode()).isEqualTo(201);
		// the KUI age change: the joint plan from 30, so 25-29 year olds keep the KUI
		// meeting
		String derived = api.file("2023.08", "derived.drl");
		assertThat(derived).contains("Profile( age >= 25 )");
		api.save("2023.08", "derived.drl", derived.replace("Profile( age >= 25 )", "Profile( age >= 30 )"));
		JsonNode checks = api.check("2023.08");
		// what each failing scenario now gets: its flags, and the rules expected that no
		// longer decide
		Map<String, List<String>> flagsGot = new LinkedHashMap<>();
		Map<String, List<String>> rulesGone = new LinkedHashMap<>();
		List<String> failing = new ArrayList<>();
		for (JsonNode failed : checks.path("scenarios").path("failed")) {
			String name = failed.path("name").asString();
			for (JsonNode difference : failed.path("differences")) {
				Matcher flags = FLAGS.matcher(difference.asString());
				Matcher rules = RULES.matcher(difference.asString());
				if (flags.matches()) {
					flagsGot.put(name, codes(flags.group(2)));
				}
				else if (rules.matches()) {
					rulesGone.put(name, codes(rules.group(1)));
				}
				else {
					throw new AssertionError("the flags or the rules differ, nothing else: " + difference);
				}
			}
			failing.add(name);
		}
		assertThat(flagsGot).containsKey(KUI_25);

		browser = Browser.start();
		browser.signIn(base(), "policy", "test-policy-password");
		browser.open(base() + "/workbench/drafts/2023.08");
		browser.clickAndWait("[data-field='scenarios-link']");
		assertThat(browser.find("h1").getText()).isEqualTo("Scenarier i udkast 2023.08");
		assertThat(browser.find("[data-field='scenario-count']").getAttribute("data-failed"))
			.isEqualTo(String.valueOf(failing.size()));
		// the failing ones first, with what the draft gave instead, in Danish
		List<WebElement> rows = browser.all("[data-table='scenarios'] tbody tr[data-scenario]");
		for (int i = 0; i < failing.size(); i++) {
			assertThat(rows.get(i).getAttribute("data-result")).isEqualTo("failed");
		}
		assertThat(rows.get(failing.size()).getAttribute("data-result")).isNotEqualTo("failed");
		WebElement kui = row(KUI_25);
		assertThat(kui.getText()).contains("Alder: 25 år", "Ydelse: kontanthjælp", "Tilbud om én samlet plan")
			.doesNotContain("JOINT_PLAN_OFFER", "CASH_BENEFIT");

		// the first fixed in place: "Ret", the flags the draft now gives, "Gem" (every
		// row
		// fixed, then checked again: GuidedRulesIntegrationTests)
		boolean first = true;
		for (String name : failing.subList(0, 1)) {
			List<String> flags = flagsGot.get(name);
			browser.clickAndWait(row(name).findElement(By.cssSelector("[data-edit]")));
			assertThat(browser.find("#s-name").getAttribute("value")).isEqualTo(name);
			for (WebElement box : browser.all("#scenario-form input[name='flags']")) {
				if (flags == null) {
					break;
				}
				boolean wanted = flags.contains(box.getAttribute("value"));
				if (box.isSelected() != wanted) {
					browser.find("label[for='" + box.getAttribute("id") + "']").click();
				}
			}
			List<String> gone = rulesGone.getOrDefault(name, List.of());
			if (!gone.isEmpty()) {
				WebElement rules = browser.find("#s-rules");
				List<String> kept = codes(rules.getAttribute("value")).stream()
					.filter((rule) -> !gone.contains(rule))
					.toList();
				rules.clear();
				rules.sendKeys(String.join(", ", kept));
			}
			if (first) {
				first = false;
				assertThat(browser.accessibilityViolations()).isEmpty();
				browser.script("document.getElementById('scenario-form').scrollIntoView({block: 'start'})");
				browser.screenshotAt(SCREENSHOTS.resolve("workbench-scenarios.png"), 1280, 1300, OPEN_ROW);
				browser.screenshotAt(SCREENSHOTS.resolve("workbench-scenarios-phone.png"), 390, 1300, OPEN_ROW);
			}
			browser.clickAndWait("#save-scenario");
			assertThat(browser.all("[data-field='errors']")).isEmpty();
			assertThat(browser.field("scenario-saved")).contains(name);
		}

		// "Tilføj et nyt scenarie": an empty form, nothing ticked; saved at the end of
		// the
		// file
		browser.clickAndWait("[data-link='new-scenario']");
		assertThat(browser.find("#new-heading").getText()).isEqualTo("Nyt scenarie");
		assertThat(browser.find("#s-name").getAttribute("value")).isEmpty();
		assertThat(browser.find("#s-age").getAttribute("value")).isEmpty();
		assertThat(browser.find("#s-departmentsInvolved").getAttribute("value")).isEmpty();
		assertThat(new Select(browser.find("#s-benefit")).getFirstSelectedOption().getAttribute("value")).isEmpty();
		assertThat(browser.all("#scenario-form input[type='checkbox']")).isNotEmpty().noneMatch(WebElement::isSelected);
		assertThat(browser.all("[data-link='new-scenario']")).isEmpty();
		assertThat(browser.accessibilityViolations()).isEmpty();
		String written = "A 29 year old on cash benefit with anxiety, ADHD and two departments involved gets a KUI network meeting";
		browser.find("#s-name").sendKeys(written);
		browser.find("#s-age").sendKeys("29");
		new Select(browser.find("#s-benefit")).selectByValue("CASH_BENEFIT");
		new Select(browser.find("#s-employmentPotential")).selectByValue("PRESENT");
		browser.find("label[for='s-problems-ANXIETY']").click();
		browser.find("label[for='s-problems-ADHD']").click();
		browser.find("#s-departmentsInvolved").sendKeys("2");
		new Select(browser.find("#s-status")).selectByValue("PLACED");
		new Select(browser.find("#s-tier")).selectByValue("EMPLOYMENT_ONLY");
		browser.find("label[for='s-flags-KUI_NETWORK_MEETING']").click();
		browser.clickAndWait("#save-scenario");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("scenario-saved")).contains(written);
		assertThat(row(written).getText()).contains("Alder: 29 år", "Ydelse: kontanthjælp");
		Scenario typed = last(ScenarioBlocks.parse("2023.08", api.file("2023.08", "scenarios.yaml")));
		assertThat(typed.name()).isEqualTo(written);
		assertThat(typed.given().path("age").asInt()).isEqualTo(29);
		assertThat(typed.given().path("problems").toString()).contains("ANXIETY", "ADHD");
		assertThat(typed.expect().tier().name()).isEqualTo("EMPLOYMENT_ONLY");
		assertThat(typed.expect().flags()).extracting(Enum::name).containsExactly("KUI_NETWORK_MEETING");

		// "Tilføj som scenarie" from a citizen of the impact preview
		browser.open(base() + "/workbench/drafts/2023.08");
		WebElement citizen = browser.find("#preview [data-citizen]");
		JsonNode facts = JSON.readTree(citizen.findElement(By.cssSelector("code")).getText());
		browser.clickAndWait(citizen.findElement(By.cssSelector("[data-add-scenario]")));
		assertThat(browser.driver().getCurrentUrl()).doesNotContain("age").doesNotContain("benefit");
		assertThat(browser.find("#s-age").getAttribute("value")).isEqualTo(facts.path("age").asString());
		assertThat(new Select(browser.find("#s-benefit")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(facts.path("benefit").asString());
		for (JsonNode problem : facts.path("problems")) {
			assertThat(browser.find("#s-problems-" + problem.asString()).isSelected()).isTrue();
		}
		String status = new Select(browser.find("#s-status")).getFirstSelectedOption().getAttribute("value");
		assertThat(status).isIn("PLACED", "OUT_OF_SCOPE", "MANUAL_REVIEW");
		List<String> ticked = new ArrayList<>();
		for (WebElement box : browser.all("#scenario-form input[name='flags']")) {
			if (box.isSelected()) {
				ticked.add(box.getAttribute("value"));
			}
		}
		assertThat(browser.accessibilityViolations()).isEmpty();
		// without a name: refused, the field named, the form kept as it was
		browser.clickAndWait("#save-scenario");
		assertThat(browser.field("errors")).contains("Skriv scenariets navn");
		assertThat(browser.find("[data-field='errors'] a").getAttribute("href")).endsWith("#s-name");
		assertThat(browser.find("#s-age").getAttribute("value")).isEqualTo(facts.path("age").asString());
		browser.find("#s-name").sendKeys("A citizen of the preview keeps the answer the draft gives");
		browser.clickAndWait("#save-scenario");
		assertThat(browser.field("scenario-saved")).contains("A citizen of the preview");
		List<Scenario> scenarios = ScenarioBlocks.parse("2023.08", api.file("2023.08", "scenarios.yaml"));
		Scenario added = scenarios.get(scenarios.size() - 1);
		assertThat(added.name()).isEqualTo("A citizen of the preview keeps the answer the draft gives");
		assertThat(added.given().path("age").asInt()).isEqualTo(facts.path("age").asInt());
		assertThat(added.expect().status().name()).isEqualTo(status);
		assertThat(added.expect().flags()).extracting(Enum::name).containsExactlyInAnyOrderElementsOf(ticked);
		// the table says the checks must run again, and has not checked the new rows
		assertThat(browser.all("[data-field='not-checked']")).hasSize(1);
		assertThat(row(added.name()).getAttribute("data-result")).isNotEqualTo("failed").isNotEqualTo("passed");
		assertThat(row(written).getAttribute("data-result")).isNotEqualTo("failed").isNotEqualTo("passed");
	}

	private static Scenario last(List<Scenario> scenarios) {
		return scenarios.get(scenarios.size() - 1);
	}

	private static String refused(WorkbenchApi api, JsonNode body) {
		HttpResponse<String> response = api.putJson("/api/v1/drafts/2023.07/scenarios", WorkbenchApi.POLICY,
				body.toString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = api.json(response);
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem.path("errors").path(0).path("field").asString();
	}

	private static ObjectNode body(String name, String replaces, java.util.function.Consumer<ObjectNode> change,
			String status, String tier) {
		ObjectNode body = JSON.createObjectNode().put("name", name);
		if (!replaces.isEmpty()) {
			body.put("replaces", replaces);
		}
		ObjectNode given = body.putObject("given")
			.put("age", 25)
			.put("benefit", "CASH_BENEFIT")
			.put("employmentPotential", "PRESENT")
			.put("departmentsInvolved", 2);
		given.putArray("problems").add("SEVERE_SUBSTANCE_ABUSE");
		change.accept(given);
		ObjectNode expect = body.putObject("expect")
			.put("status", status)
			.put("tier", tier)
			.put("responsibleArea", "EMPLOYMENT");
		expect.putArray("flags").add("YOUTH_COORDINATION_COMMITTEE").add("JOINT_PLAN_OFFER");
		expect.putArray("rules").add("T2-01");
		return body;
	}

	private static List<String> codes(String list) {
		return List.of(list.split(",\\s*")).stream().filter((code) -> !code.isBlank()).toList();
	}

	private static WebElement row(String name) {
		for (WebElement row : browser.all("tr[data-scenario]")) {
			if (row.findElement(By.cssSelector("[data-field='scenario-name']")).getText().equals(name)) {
				return row;
			}
		}
		throw new AssertionError("no row " + name);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
