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

	static final String KUI_25 = "En 25-årig med meget alvorligt misbrug og to involverede afdelinger placeres i lag 2"
			+ " (tværgående samarbejde), kan forelægges koordinations- og visitationsudvalget for unge og får tilbud om"
			+ " én samlet plan, men ikke et netværksmøde i KUI";

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
		assertThat(
				refused(api, body("Et nyt scenarie", "", (given) -> given.put("age", 200), "PLACED", "CROSS_SECTOR")))
			.isEqualTo("/given/age");
		assertThat(refused(api,
				body("Et nyt scenarie", "", (given) -> given.put("benefit", "LOTTERY"), "PLACED", "CROSS_SECTOR")))
			.isEqualTo("/given/benefit");
		assertThat(refused(api,
				body("Et nyt scenarie", "", (given) -> given.put("citizenRef", "sag-1"), "PLACED", "CROSS_SECTOR")))
			.isEqualTo("/given/citizenRef");
		assertThat(refused(api, body("Et nyt scenarie", "", (given) -> {
		}, "DONE", "CROSS_SECTOR"))).isEqualTo("/expect/status");
		assertThat(refused(api, body("Et nyt scenarie", "", (given) -> {
		}, "OUT_OF_SCOPE", "CROSS_SECTOR"))).as("a tier without a placement").isEqualTo("/expect/tier");
		ObjectNode flag = body("Et nyt scenarie", "", (given) -> {
		}, "PLACED", "CROSS_SECTOR");
		((ObjectNode) flag.get("expect")).putArray("flags").add("FREE_LUNCH");
		assertThat(refused(api, flag)).isEqualTo("/expect/flags");
		ObjectNode rule = body("Et nyt scenarie", "", (given) -> {
		}, "PLACED", "CROSS_SECTOR");
		((ObjectNode) rule.get("expect")).putArray("rules").add("X-99");
		assertThat(refused(api, rule)).isEqualTo("/expect/rules");
		assertThat(refused(api, body("Et nyt scenarie", "No such case", (given) -> {
		}, "PLACED", "CROSS_SECTOR"))).isEqualTo("/replaces");
		// nothing refused was written
		assertThat(api.file("2023.07", "scenarios.yaml")).isEqualTo(before);

		// one scenario edited in place, its name data whatever it holds
		String name = "Et scenarie: med \"citat\", et # og 'mere'";
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

		Browser browser = policyBrowser();
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
		String written = "En 29-årig på kontanthjælp med angst, ADHD og to involverede afdelinger får et netværksmøde i KUI";
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
		browser.find("#s-name").sendKeys("En borger fra forhåndsvisningen beholder udkastets svar");
		browser.clickAndWait("#save-scenario");
		assertThat(browser.field("scenario-saved")).contains("En borger fra forhåndsvisningen");
		List<Scenario> scenarios = ScenarioBlocks.parse("2023.08", api.file("2023.08", "scenarios.yaml"));
		Scenario added = scenarios.get(scenarios.size() - 1);
		assertThat(added.name()).isEqualTo("En borger fra forhåndsvisningen beholder udkastets svar");
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
		return ScenarioRows.row(browser, name);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	static final String REVIEW_17 = "En 17-årig med svær psykisk sygdom og uden foranstaltninger efter serviceloven kræver"
			+ " manuel vurdering";

	static final String WARNED_70 = "En 70-årig angivet med kontanthjælp og angst alene vurderes uden komplekse og"
			+ " sammensatte problemer, med en advarsel om alder og ydelse";

	@Test
	void aScenariosExpectedMissingFactsAndWarningsAreEditedInTheTableAndAsJson() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2098.02", "2098-02-01").statusCode()).isEqualTo(201);
		String before = api.file("2098.02", "scenarios.yaml");

		// JSON: allow-listed to the citizen's facts, missing facts on a manual review
		// only
		ObjectNode review = body("En 17-årig med svær psykisk sygdom vurderes manuelt for to manglende oplysninger",
				REVIEW_17,
				(given) -> given.put("age", 17).put("benefit", "EDUCATION_BENEFIT").put("serviceActMeasures", false),
				"MANUAL_REVIEW", "");
		ObjectNode expect = (ObjectNode) review.get("expect");
		expect.remove("tier");
		expect.put("responsibleArea", "CHILDREN_AND_FAMILY");
		expect.putArray("flags");
		expect.putArray("rules").add("TY-02");
		for (String bad : new String[] { "citizenRef", "shoeSize" }) {
			expect.putArray("missingFacts").add(bad);
			assertThat(refused(api, "2098.02", review)).as(bad).isEqualTo("/expect/missingFacts");
		}
		expect.put("missingFacts", "serviceActMeasures");
		assertThat(refused(api, "2098.02", review)).isEqualTo("/expect/missingFacts");
		expect.putArray("missingFacts").add("serviceActMeasures").add("employmentPotential");
		ObjectNode placed = review.deepCopy();
		((ObjectNode) placed.get("expect")).put("status", "OUT_OF_SCOPE");
		HttpResponse<String> notReview = api.putJson("/api/v1/drafts/2098.02/scenarios", WorkbenchApi.POLICY,
				placed.toString());
		assertThat(notReview.statusCode()).isEqualTo(400);
		assertThat(api.json(notReview).path("errors").path(0).path("field").asString())
			.isEqualTo("/expect/missingFacts");
		assertThat(api.json(notReview).path("detail").asString()).contains("«Kræver manuel vurdering»");
		ObjectNode warned = body("En 70-årig på kontanthjælp anbragt uden for hjemmet får to advarsler", WARNED_70,
				(given) -> given.put("age", 70).put("placedOutOfHome", true), "OUT_OF_SCOPE", "");
		ObjectNode warnedExpect = (ObjectNode) warned.get("expect");
		warnedExpect.remove("tier");
		warnedExpect.putArray("flags");
		warnedExpect.putArray("rules").add("TO-01");
		warnedExpect.putArray("warnings").addArray().add("age").add("colour");
		assertThat(refused(api, "2098.02", warned)).isEqualTo("/expect/warnings");
		warnedExpect.put("warnings", "age");
		assertThat(refused(api, "2098.02", warned)).isEqualTo("/expect/warnings");
		tools.jackson.databind.node.ArrayNode tooMany = warnedExpect.putArray("warnings");
		for (int i = 0; i < 10; i++) {
			tooMany.addArray().add("age");
		}
		assertThat(refused(api, "2098.02", warned)).isEqualTo("/expect/warnings");
		assertThat(api.file("2098.02", "scenarios.yaml")).isEqualTo(before);

		HttpResponse<String> saved = api.putJson("/api/v1/drafts/2098.02/scenarios", WorkbenchApi.POLICY,
				review.toString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		tools.jackson.databind.node.ArrayNode two = warnedExpect.putArray("warnings");
		two.addArray().add("benefit").add("age");
		two.addArray().add("age").add("placedOutOfHome");
		saved = api.putJson("/api/v1/drafts/2098.02/scenarios", WorkbenchApi.POLICY, warned.toString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		String after = api.file("2098.02", "scenarios.yaml");
		assertThat(after).contains("      missingFacts: [serviceActMeasures, employmentPotential]\n")
			.contains("      warnings: [[age, benefit], [age, placedOutOfHome]]\n");
		// only the two blocks changed
		assertThat(after.substring(0, before.indexOf("  - name: " + REVIEW_17)))
			.isEqualTo(before.substring(0, before.indexOf("  - name: " + REVIEW_17)));
		assertThat(after).endsWith(before.substring(before.indexOf("\n\n", before.indexOf("  - name: " + WARNED_70))));

		// in the table: shown in words, edited in the row's form in Danish
		Browser browser = policyBrowser();
		browser.open(base() + "/workbench/drafts/2098.02/scenarios");
		String reviewed = "En 17-årig med svær psykisk sygdom vurderes manuelt for to manglende oplysninger";
		assertThat(row(reviewed).getText())
			.contains("Manglende oplysninger: modtager foranstaltninger efter serviceloven, beskæftigelsespotentiale")
			.doesNotContain("serviceActMeasures");
		String twoWarnings = "En 70-årig på kontanthjælp anbragt uden for hjemmet får to advarsler";
		assertThat(row(twoWarnings).getText()).contains("Advarsel om: alder, ydelse",
				"Advarsel om: alder, anbragt uden for hjemmet");

		browser.clickAndWait(row(twoWarnings).findElement(By.cssSelector("[data-edit]")));
		assertThat(browser.find("#s-warnings-listed").isSelected()).isTrue();
		assertThat(browser.find("#s-warning-0-age").isSelected()).isTrue();
		assertThat(browser.find("#s-warning-0-benefit").isSelected()).isTrue();
		assertThat(browser.find("#s-warning-1-placedOutOfHome").isSelected()).isTrue();
		assertThat(browser.all("[data-warning='2'] input:checked")).isEmpty();
		assertThat(browser.find("[data-warning='2'] legend").getText())
			.isEqualTo("Advarsel 3: de oplysninger, der ikke passer sammen");
		assertThat(browser.find("label[for='s-warning-2-age']").getText()).isEqualTo("Alder");
		assertThat(browser.accessibilityViolations()).isEmpty();
		// the second warning dropped: unticked
		browser.find("label[for='s-warning-1-age']").click();
		browser.find("label[for='s-warning-1-placedOutOfHome']").click();
		// ticked boxes while the warnings are not checked: refused at the choice
		browser.find("label[for='s-warnings-unchecked']").click();
		browser.clickAndWait("#save-scenario");
		assertThat(browser.field("errors")).contains("Vælg «Disse advarsler»");
		assertThat(browser.find("[data-field='errors'] a").getAttribute("href")).endsWith("#s-warnings-unchecked");
		assertThat(browser.find("#s-warning-0-age").isSelected()).isTrue();
		browser.find("label[for='s-warnings-listed']").click();
		browser.clickAndWait("#save-scenario");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		assertThat(browser.field("scenario-saved")).contains(twoWarnings);
		assertThat(ScenarioBlocks.parse("2098.02", api.file("2098.02", "scenarios.yaml"))
			.stream()
			.filter((each) -> each.name().equals(twoWarnings))
			.findFirst()
			.orElseThrow()
			.expect()
			.warnings()).containsExactly(List.of("age", "benefit"));

		// the missing facts: one unticked; on another status refused in Danish
		browser.clickAndWait(row(reviewed).findElement(By.cssSelector("[data-edit]")));
		assertThat(browser.find("#s-missingFacts-serviceActMeasures").isSelected()).isTrue();
		assertThat(browser.find("#s-missingFacts-employmentPotential").isSelected()).isTrue();
		assertThat(browser.find("label[for='s-missingFacts-employmentPotential']").getText())
			.isEqualTo("Beskæftigelsespotentiale");
		assertThat(browser.find("#s-warnings-unchecked").isSelected()).isTrue();
		browser.find("label[for='s-missingFacts-employmentPotential']").click();
		new Select(browser.find("#s-status")).selectByValue("OUT_OF_SCOPE");
		browser.clickAndWait("#save-scenario");
		assertThat(browser.field("errors")).contains("Manglende oplysninger hører kun til status");
		assertThat(browser.find("[data-field='errors'] a").getAttribute("href")).endsWith("#s-missingFacts-age");
		new Select(browser.find("#s-status")).selectByValue("MANUAL_REVIEW");
		browser.find("label[for='s-warnings-none']").click();
		browser.clickAndWait("#save-scenario");
		assertThat(browser.all("[data-field='errors']")).isEmpty();
		Scenario edited = ScenarioBlocks.parse("2098.02", api.file("2098.02", "scenarios.yaml"))
			.stream()
			.filter((each) -> each.name().equals(reviewed))
			.findFirst()
			.orElseThrow();
		assertThat(edited.expect().missingFacts()).containsExactly("serviceActMeasures");
		assertThat(edited.expect().warnings()).isEmpty();
		assertThat(row(reviewed).getText()).contains("Ingen advarsler");
	}

	private static String refused(WorkbenchApi api, String draft, JsonNode body) {
		HttpResponse<String> response = api.putJson("/api/v1/drafts/" + draft + "/scenarios", WorkbenchApi.POLICY,
				body.toString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return api.json(response).path("errors").path(0).path("field").asString();
	}

	// the class's one browser, started by whichever test needs it first, signed in afresh
	// as policy staff
	private Browser policyBrowser() {
		if (browser == null) {
			browser = Browser.start();
		}
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "policy", "test-policy-password");
		return browser;
	}

}
