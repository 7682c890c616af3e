package dk.model3.workbench;

import dk.model3.pages.Browser;
import org.openqa.selenium.WebElement;

/** The scenario table's rows, as a policy editor finds one: by its name. */
final class ScenarioRows {

	private ScenarioRows() {
	}

	/**
	 * The row of the scenario with this name, found in the page in one round trip to the
	 * browser (asking each of a version's hundred-odd rows for its name took seconds).
	 */
	static WebElement row(Browser browser, String name) {
		Object row = browser.script("""
				return Array.from(document.querySelectorAll('tr[data-scenario]')).find((row) =>
				    row.querySelector("[data-field='scenario-name']").innerText.trim() === arguments[0]) || null;
				""", name);
		if (row instanceof WebElement element) {
			return element;
		}
		throw new AssertionError("no row " + name);
	}

}
