package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.pages.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages policy staff start from, in a real Chromium: {@code /} shows them their start
 * page (drafts, versions in force and coming, override rates, the way to the catalogue,
 * the workbench and the decisions) while caseworkers keep the intake form; the decisions
 * page names each rule in Danish; the catalogue has a contents list. Each page axe-clean,
 * with screenshots at 1280 px and phone width
 * ({@code service/target/screenshots/start-*.png}).
 */
class StartPageIntegrationTests extends SharedWorkbenchContext {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static Browser browser;

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
	void showsPolicyStaffTheirStartPageAndCaseworkersTheIntakeForm() {
		WorkbenchApi api = new WorkbenchApi(this.port);
		assertThat(api.create("2024.07", "2031-01-01").statusCode()).isEqualTo(201);
		// one recommendation accepted and one overridden, for the override rates
		for (String review : new String[] { "{\"result\":\"ACCEPTED\"}",
				"{\"result\":\"OVERRIDDEN\",\"status\":\"PLACED\",\"tier\":\"PENSION_SOCIAL\",\"responsibleArea\":\"SOCIAL\",\"reason\":\"RULE_DOES_NOT_FIT\"}" }) {
			HttpResponse<String> answer = api.post("/api/v1/triage", WorkbenchApi.CASEWORKER, """
					{"citizenRef": "start-1", "age": 40, "benefit": "CASH_BENEFIT", "employmentPotential": "PRESENT",
					 "problems": ["HOMELESSNESS"]}""");
			String id = api.json(answer).path("decisionId").asString();
			assertThat(api.post("/api/v1/decisions/" + id + "/review", WorkbenchApi.CASEWORKER, review).statusCode())
				.isEqualTo(201);
		}

		browser.signIn(base(), "policy", "test-policy-password");
		browser.open(base() + "/");
		assertThat(browser.find("h1").getText()).isEqualTo("Regler og opfølgning");
		assertThat(browser.all("#citizenRef")).isEmpty();
		assertThat(browser.find("[data-link='workbench']").getAttribute("href")).endsWith("/workbench");
		assertThat(browser.find("[data-link='catalogue']").getAttribute("href")).endsWith("/rules");
		assertThat(browser.find("[data-link='reviews']").getAttribute("href")).endsWith("/reviews");
		assertThat(browser.find("[data-draft='2024.07']").getText()).contains("Udkast", "2031-01-01");
		assertThat(browser.find("[data-version='2023.01']").getAttribute("data-when")).isEqualTo("NOW");
		assertThat(browser.find("[data-version='2023.01']").getText()).contains("Gælder nu");
		// as the summary counts them (the records may hold reviews of other tests' runs)
		tools.jackson.databind.JsonNode counted = api
			.json(api.get("/api/v1/reviews/summary?version=2023.01", WorkbenchApi.POLICY));
		assertThat(counted.path("overridden").asLong()).isPositive();
		assertThat(browser.field("override-rate")).contains("2023.01", counted.path("reviews").asLong() + " afgørelser",
				counted.path("overridden").asLong() + " ændret");
		assertThat(browser.find("[data-table='most-overridden']").getText()).contains("T2-01");
		assertThat(browser.accessibilityViolations()).isEmpty();
		screenshots("start");

		// the decisions name each rule in Danish, and what caseworkers changed to
		browser.clickAndWait("[data-link='reviews']");
		String named = browser.find("tr[data-rule='T2-01'] [data-rule-name]").getText();
		assertThat(named).isNotBlank().doesNotContain("T2-01");
		assertThat(browser.all("[data-change='true']")).isNotEmpty();
		assertThat(browser.accessibilityViolations()).isEmpty();
		screenshots("start-reviews");

		// the catalogue: a contents list to each part and rule, Danish labels
		browser.open(base() + "/rules/2023.01");
		assertThat(browser.find("[data-field='contents'] h2").getText()).isEqualTo("Indhold");
		assertThat(browser.find("[data-field='contents'] a[href='#F-05']").getText()).isEqualTo("F-05");
		assertThat(browser.find("[data-field='contents'] a[href='#file-flags']").getText()).isEqualTo("Markeringer");
		assertThat(browser.all("#file-flags")).hasSize(1);
		assertThat(browser.find("#changes h2").getText()).isEqualTo("Ændringer");
		assertThat(browser.find("#main").getText()).doesNotContain("Derived facts", "Outcomes", "Flags", "Why not",
				"??");
		assertThat(browser.accessibilityViolations()).isEmpty();
		screenshots("start-catalogue");
		// and a search box: the rules that mention the words, the contents list to them
		// alone
		browser.find("#q").sendKeys("KUI");
		browser.clickAndWait("[data-field='search'] button[type=submit]");
		assertThat(browser.field("found")).contains("passer på «KUI»");
		assertThat(browser.all("section[data-rule='F-05']")).hasSize(1);
		assertThat(browser.all("section[data-rule='T0-01']")).isEmpty();
		assertThat(browser.all("[data-field='contents'] a[href='#T0-01']")).isEmpty();
		assertThat(browser.accessibilityViolations()).isEmpty();

		// a caseworker keeps the intake form
		browser.driver().manage().deleteAllCookies();
		browser.signIn(base(), "caseworker", "test-caseworker-password");
		browser.open(base() + "/");
		assertThat(browser.all("#citizenRef")).hasSize(1);
		browser.open(base() + "/start");
		assertThat(browser.all("[data-table='drafts']")).isEmpty();
	}

	// the page's top at 1280 px and at a phone's width
	private static void screenshots(String name) {
		Dimension size = browser.driver().manage().window().getSize();
		try {
			Files.createDirectories(SCREENSHOTS);
			for (int width : new int[] { 1280, 390 }) {
				browser.driver().manage().window().setSize(new Dimension(width, 1400));
				Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"),
						((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			browser.driver().manage().window().setSize(size);
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
