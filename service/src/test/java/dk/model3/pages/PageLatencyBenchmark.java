package dk.model3.pages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long a caseworker waits from pressing "Visitér" until the result page has loaded,
 * in the same headless Chromium as the browser tests, against a running service. Run by
 * hand ({@code bench/page-latency.sh}); never part of the test suite.
 */
public final class PageLatencyBenchmark {

	private PageLatencyBenchmark() {
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	public static void main(String[] args) {
		// from the environment: Maven's exec.args would also replace the build's npm
		// arguments
		String base = setting("BENCH_URL", "http://localhost:8080");
		String user = setting("BENCH_USER", "caseworker");
		String password = setting("BENCH_PASSWORD", System.getenv("TRIAGE_CASEWORKER_PASSWORD"));
		int runs = Integer.parseInt(setting("BENCH_RUNS", "50"));
		try (Browser browser = Browser.start()) {
			browser.signIn(base, user, password);
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < runs + 5; i++) {
				browser.open(base + "/");
				browser.find("#citizenRef").sendKeys("bench-" + i);
				browser.find("#age").sendKeys("40");
				new Select(browser.find("#benefit")).selectByValue("CASH_BENEFIT");
				browser.find("label[for='employmentPotential-PRESENT']").click();
				browser.find("label[for='problems-HOMELESSNESS']").click();
				long start = System.nanoTime();
				browser.find("#submit").click();
				new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
					.until((driver) -> !driver.findElements(By.cssSelector("[data-field='status']")).isEmpty()
							&& "complete".equals(browser.script("return document.readyState")));
				double elapsed = (System.nanoTime() - start) / 1e6;
				if (i >= 5) {
					// the first five warm up the service and the browser
					millis.add(elapsed);
				}
			}
			Collections.sort(millis);
			System.out.printf("submit to result page loaded, %d runs: median %.0f ms, p90 %.0f ms, max %.0f ms%n",
					millis.size(), millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9)),
					millis.get(millis.size() - 1));
		}
	}

}
