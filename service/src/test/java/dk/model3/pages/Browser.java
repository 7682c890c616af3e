package dk.model3.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import dk.model3.HttpTestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through Debian's chromedriver (never a downloaded one).
 * Without Chromium on the machine the browser tests are skipped with a message, except
 * under CI, where that is a failure: CI installs it.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	// axe-core comes from npm through the build (package.json), like DKFDS
	private static final Path AXE = Path.of("..", "node_modules", "axe-core", "axe.min.js");

	// how often a wait asks the page again: WebDriverWait's own 500 ms made every page
	// load cost half a second, though it takes a few milliseconds here
	private static final Duration POLL = Duration.ofMillis(25);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	public static Browser start() {
		requireChromium();
		try {
			Path profile = Files.createTempDirectory("triage-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=da",
					"--user-data-dir=" + profile.toAbsolutePath());
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(HttpTestClient.HANG_GUARD);
			driver.manage().timeouts().scriptTimeout(HttpTestClient.HANG_GUARD);
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void requireChromium() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver); they are not installed here";
		if ("true".equals(System.getenv("CI"))) {
			Assertions.fail(message + ", and under CI they must run: .ci/run installs them");
		}
		Assumptions.abort("Skipped: " + message);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/**
	 * Clicks something that loads another page and waits until it has: the old page is
	 * gone and the new document is complete.
	 */
	public void clickAndWait(WebElement element) {
		loadsNewPage(element::click);
	}

	/** Does what the person does (a click, a key) and waits for the page it loads. */
	public void loadsNewPage(Runnable action) {
		// A new page comes with a new window object: mark the old one, then wait until
		// the mark is gone and the new page has loaded. Waiting for the clicked element
		// to go stale asks Chromium about a node of a document that may be half gone,
		// which it sometimes answers with an error instead of "stale".
		script("window.triageLeaving = true");
		action.run();
		waitUpTo(HttpTestClient.HANG_GUARD).ignoring(WebDriverException.class)
			.until((driver) -> script("return window.triageLeaving === true ? 'old' : document.readyState")
				.equals("complete"));
	}

	/** Clicks the element matching the CSS selector and waits for the page it loads. */
	public void clickAndWait(String css) {
		clickAndWait(find(css));
	}

	/**
	 * A wait for something on the page, at most this long, that asks again every 25 ms
	 * (WebDriverWait on its own asks every 500 ms).
	 */
	public WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.driver, timeout, POLL);
	}

	/**
	 * Waits until the element marked {@code data-field="<name>"} reads the text, on a
	 * page that reloads itself while it follows a job (a publication). An element found
	 * just before a reload is gone when its text is asked for, which Chromium answers as
	 * stale or as an error about a node of a document that is gone: both are asked again.
	 */
	public void awaitField(String name, String text, Duration timeout) {
		waitUpTo(timeout).ignoring(WebDriverException.class).until((driver) -> text.equals(field(name)));
	}

	/** The text of the element marked {@code data-field="<name>"}. */
	public String field(String name) {
		return find("[data-field='" + name + "']").getText().strip();
	}

	public void signIn(String baseUrl, String user, String password) {
		open(baseUrl + "/login");
		find("#username").sendKeys(user);
		find("#password").sendKeys(password);
		clickAndWait("form button[type=submit]");
	}

	/**
	 * axe-core's WCAG 2.1 A and AA violations on the page as it is, one line each (rule,
	 * help, where).
	 */
	@SuppressWarnings("unchecked")
	public List<String> accessibilityViolations() {
		try {
			this.driver.executeScript(Files.readString(AXE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("axe-core is installed by the build (npm ci): " + AXE, ex);
		}
		Object violations = this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then((result) => done({ passes: result.passes.length, violations: result.violations.map((v) =>
				      v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')) }))
				  .catch((error) => done({ passes: 0, violations: ['axe-core failed: ' + error] }));
				""");
		Map<String, Object> result = (Map<String, Object>) violations;
		// a run that checked nothing would report no violations too
		Assertions.assertTrue(((Number) result.get("passes")).longValue() > 0, "axe-core checked no rule");
		return (List<String>) result.get("violations");
	}

	/** The element that has the keyboard focus. */
	public WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/**
	 * The element that has the keyboard focus once the page has applied its
	 * {@code autofocus}: the browser does that at its next rendering step, which may come
	 * after the page reports it has loaded, so this waits for it (or, should it never
	 * come, answers whatever has the focus).
	 */
	public WebElement focusedAfterAutofocus() {
		try {
			waitUpTo(HttpTestClient.HANG_GUARD)
				.until((driver) -> script("return document.querySelector('[autofocus]') === null"
						+ " || document.activeElement === document.querySelector('[autofocus]')"));
		}
		catch (TimeoutException ex) {
			// the assertion on the answer says what had the focus instead
		}
		return focused();
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** A screenshot of the page's top, {@code height} pixels high. */
	public void screenshot(Path file, int height) {
		screenshotAt(file, this.driver.manage().window().getSize().getWidth(), height, null);
	}

	/**
	 * A screenshot at this window size after {@code scroll} (a script that scrolls to
	 * what is shown, or null to show the page as it is); the window as it was afterwards.
	 */
	public void screenshotAt(Path file, int width, int height, String scroll) {
		Dimension size = this.driver.manage().window().getSize();
		try {
			this.driver.manage().window().setSize(new Dimension(width, height));
			if (scroll != null) {
				script(scroll);
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(size);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory; the OS cleans up what is left
		}
	}

}
