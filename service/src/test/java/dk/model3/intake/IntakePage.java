package dk.model3.intake;

import java.util.Map;

import dk.model3.pages.Browser;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The intake form as a person fills it in: one control per request field, found by the
 * contract's names. The workbench's browser tests fill it through this too.
 */
public final class IntakePage {

	private final Browser browser;

	private final String baseUrl;

	public IntakePage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	public IntakePage open() {
		this.browser.open(this.baseUrl + "/");
		return this;
	}

	/** Fills the form with a request body of the API and submits it. */
	public void submit(JsonNode body) {
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			switch (name) {
				case "benefit", "rulesVersion" ->
					new Select(this.browser.find("select[name='" + name + "']")).selectByValue(value.asString());
				case "employmentPotential" -> tick(name + "-" + value.asString());
				case "problems" -> value.forEach((problem) -> tick("problems-" + problem.asString()));
				case "brainInjuryCoordination", "measuresSentence", "placedOutOfHome", "serviceActMeasures" -> {
					if (value.asBoolean()) {
						tick(name);
					}
				}
				default -> type(name, value.asString());
			}
		}
		this.browser.clickAndWait("form.intake-form button[type=submit]");
	}

	void type(String name, String text) {
		var input = this.browser.find("input[name='" + name + "']");
		input.clear();
		input.sendKeys(text);
	}

	// DKFDS draws its own box on the label; the person clicks that
	void tick(String id) {
		this.browser.find("label[for='" + id + "']").click();
	}

}
