package dk.model3.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's report.html for the committed outcome panel
 * (fixtures/panel/panel-outcomes.jsonl, compared with 2023.01): well-formed HTML without
 * a script or anything fetched, the tiers of the first period, the transitions and the
 * outcome cohorts worked out by hand (fixtures/README.md), suppressed cohorts without
 * figures, and no person in it.
 */
class EvaluationReportTests {

	private static final Path PANEL = LocalSpark.REPO.resolve("fixtures/panel/panel-outcomes.jsonl");

	@TempDir
	static Path work;

	private static String html;

	private static ObjectNode summary;

	@BeforeAll
	static void runTheJob() throws Exception {
		Path out = work.resolve("out");
		summary = EvaluationJob.run(LocalSpark.session(), new JobSettings(PANEL.toString(), null, out.toString(),
				LocalSpark.RULES, LocalSpark.pin("2021.03"), LocalSpark.pin("2023.01"), false));
		html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
	}

	@Test
	void isWellFormedHtmlWithoutScriptsOrAnythingFetched() {
		Parser parser = Parser.htmlParser().setTrackErrors(50);
		Document document = Jsoup.parse(html, "", parser);
		assertThat(parser.getErrors()).isEmpty();
		assertThat(document.select("script, link, iframe, object, embed, img")).isEmpty();
		assertThat(document.select("[src], [href], [srcset], [action]")).isEmpty();
		assertThat(html).doesNotContain("http://", "https://", "url(", "@import", "javascript:");
		assertThat(document.select("html").attr("lang")).isEqualTo("da");
		assertThat(document.select("svg")).isNotEmpty();
	}

	@Test
	void showsTheTiersOfEachPeriodAgainstTheMemosSizes() {
		Document document = Jsoup.parse(html);
		Element table = tableAfter(document, "Lag pr. periode");
		// 2023-01-02: OUT-01 to OUT-08 employment-only, OUT-09 to OUT-11 pension/social
		assertThat(cells(table, "2023-01-02")).containsExactly("2023-01-02", "8 ✗", "0 ✗", "3 ✗");
		// every other period as the summary counts it
		for (JsonNode period : summary.get("periods")) {
			JsonNode byTier = period.get("results").get("2021.03").get("byTier");
			List<String> row = cells(table, period.get("period").stringValue());
			assertThat(row.get(1)).startsWith(byTier.path("EMPLOYMENT_ONLY").asLong(0) + " ");
			assertThat(row.get(3)).startsWith(byTier.path("PENSION_SOCIAL").asLong(0) + " ");
		}
		assertThat(document.text()).contains("ikke under 300", "not under 125", "1.600–2.400");
		// one chart per tier, with the memo's size as a dashed line
		assertThat(document.select("svg line[stroke-dasharray]")).hasSize(4);
	}

	@Test
	void showsTheTransitionsBetweenTheVersions() {
		Element table = tableAfter(Jsoup.parse(html), "Skift mellem regelversioner");
		long sum = 0;
		for (Element cell : table.select("td")) {
			sum += cell.text().isEmpty() ? 0 : Long.parseLong(cell.text().replace(".", ""));
		}
		assertThat(table.select("th").first().text()).isEqualTo("2021.03 ↓ / 2023.01 →");
		// every classified row of the panel once: 12 + 11 + 12 + 11
		assertThat(sum).isEqualTo(46);
		// the outcomes in words, Danish first, never the contract's codes
		assertThat(table.select("th").eachText()).anyMatch((th) -> th.startsWith("Lag 1: kun beskæftigelse"))
			.noneMatch((th) -> th
				.matches(".*\\b(PLACED|MANUAL_REVIEW|OUT_OF_SCOPE|CROSS_SECTOR|EMPLOYMENT_ONLY|PENSION_SOCIAL)\\b.*"));
	}

	@Test
	void showsTheOutcomeCohortsAsWorkedOutByHandAndSuppressesTheSmallOnes() {
		Document document = Jsoup.parse(html);
		Element shown = tableAfter(document, "Lag 1: kun beskæftigelse, indgået 2023");
		// off benefit, education benefit, flex job, disability pension, same, other, not
		// in the register (fixtures/README.md: 1 1 1 0 3 1 1, 2 1 1 1 2 1 0 and 4 0 1 1 1
		// 0
		// 1): every cell of 1 to 4 people is hidden, a cell of no one is shown
		String hidden = "skjult / hidden";
		assertThat(cells(shown, "1 år")).containsExactly("1 år / year", "8", hidden, hidden, hidden, "0 (0 %)", hidden,
				hidden, hidden);
		assertThat(cells(shown, "2 år")).containsExactly("2 år / years", "8", hidden, hidden, hidden, hidden, hidden,
				hidden, "0 (0 %)");
		assertThat(cells(shown, "3 år")).containsExactly("3 år / years", "8", hidden, "0 (0 %)", hidden, hidden, hidden,
				"0 (0 %)", hidden);
		assertThat(shown.select("td.suppressed")).hasSize(17);
		// the chart above the figures: a bar per horizon, the hidden cells one grey part
		// without a number
		Element chart = chartAfter(document, "Lag 1: kun beskæftigelse, indgået 2023");
		assertThat(chart.select("svg").stream().map((bar) -> bar.select("rect").size()).toList()).containsExactly(1, 1,
				1);
		assertThat(chart.select("svg rect title").eachText()).allMatch((title) -> title
			.equals("skjult: færre end 5 personer i en celle / hidden: fewer than 5 people in a cell"));
		assertThat(chart.select(".bar-label").eachText()).containsExactly("1 år, n = 8", "2 år, n = 8", "3 år, n = 8");
		for (String cohort : List.of("Lag 3: pension og socialområdet, indgået 2023",
				"Lag 1: kun beskæftigelse, indgået 2024", "Flag: Undtagelse for 15–17-årige, indgået 2023")) {
			Element bars = chartAfter(document, cohort);
			assertThat(bars.select("svg")).isEmpty();
			assertThat(bars.select(".suppressed").eachText()).isNotEmpty()
				.allMatch((text) -> text.equals("færre end 5 personer – ikke vist / fewer than 5 people – not shown"));
			Element suppressed = tableAfter(document, cohort);
			assertThat(suppressed.select("tr:gt(0)")).isNotEmpty();
			for (Element row : suppressed.select("tr:gt(0)")) {
				assertThat(row.select("td.suppressed").text())
					.isEqualTo("færre end 5 personer – ikke vist / fewer than 5 people – not shown");
				assertThat(row.select("td.num, svg")).isEmpty();
			}
		}
		assertThat(tableAfter(document, "Lag 1: kun beskæftigelse, indgået 2024").select("tr")).hasSize(3);
		// no person: neither key nor reference
		assertThat(html).doesNotContain("OUT-");
	}

	@Test
	void escapesEveryTextItWrites() {
		ObjectNode crafted = JsonMapper.builder().build().createObjectNode();
		crafted.put("input", "register<script>alert('x')</script>&\".jsonl");
		crafted.put("rules", "2021.03");
		crafted.put("rulesChecksum", "sha256:<b>");
		String page = EvaluationReport.render(crafted);
		Document document = Jsoup.parse(page);
		assertThat(document.select("script, b:containsOwn(sha256)")).isEmpty();
		assertThat(document.select("p.meta b").first().text())
			.isEqualTo("register<script>alert('x')</script>&\".jsonl");
		assertThat(EvaluationReport.escape("<a href=\"x\">'&'</a>"))
			.isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	}

	// the first table after the heading that starts with the text
	private static Element tableAfter(Document document, String heading) {
		for (Element title : document.select("h2, h3")) {
			if (title.text().startsWith(heading)) {
				Element next = title.nextElementSibling();
				while (next != null && next.select("table").isEmpty()) {
					next = next.nextElementSibling();
				}
				assertThat(next).as("a table after " + heading).isNotNull();
				return next.select("table").first();
			}
		}
		throw new AssertionError("no heading " + heading);
	}

	private static Element chartAfter(Document document, String heading) {
		for (Element title : document.select("h3")) {
			if (title.text().startsWith(heading)) {
				Element chart = title.nextElementSibling();
				assertThat(chart.hasClass("bars")).isTrue();
				return chart;
			}
		}
		throw new AssertionError("no heading " + heading);
	}

	private static List<String> cells(Element table, String first) {
		for (Element row : table.select("tr")) {
			Element cell = row.selectFirst("td, th");
			if (cell != null && cell.text().startsWith(first)) {
				List<String> texts = new ArrayList<>();
				// a cell's text without the charts' tooltips
				row.select("td, th").forEach((td) -> {
					Element copy = td.clone();
					copy.select("svg").remove();
					texts.add(copy.text());
				});
				return texts;
			}
		}
		throw new AssertionError("no row " + first);
	}

}
