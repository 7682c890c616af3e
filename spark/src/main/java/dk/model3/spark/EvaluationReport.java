package dk.model3.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.response.ContractWords;
import dk.model3.rules.check.ExpectedTierSizes;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation's report for people: one HTML file, in Danish with English beside, with
 * inline CSS and SVG, no script and nothing fetched, so it opens from the file system, a
 * mail or an archive. Drawn from {@code summary.json} alone: counts and the outcome
 * cohorts, never a person's row; a suppressed cohort stays suppressed. Every text is
 * escaped where it is written ({@link #text}).
 */
final class EvaluationReport {

	private static final Locale DANISH = Locale.forLanguageTag("da-DK");

	private static final List<String> TIERS = List.of("EMPLOYMENT_ONLY", "CROSS_SECTOR", "PENSION_SOCIAL");

	private static final List<String> COURSES = List.of("ENTERS", "STAYS", "CHANGES_TIER", "CHANGES_AREA",
			"CHANGES_TIER_AND_AREA", "LEAVES");

	private static final Map<String, String[]> NAMES = names();

	/** Tables of more periods than this are folded. */
	private static final int FOLDED_FROM = 26;

	private static final Map<String, String> COLOURS = colours();

	private static final String STYLE = """
			body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:20px;color:#222;max-width:1100px}
			h1{font-size:23px;margin:0 0 4px}h2{font-size:18px;margin:30px 0 8px;border-bottom:1px solid #ddd}
			h3{font-size:15px;margin:16px 0 6px}.en{color:#595959;font-weight:normal}
			.meta,.small{color:#595959;font-size:13px}
			.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
			.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
			.card .n{font-size:20px;font-weight:600}.card.ok{border-color:#3a8f5c}.card.bad{border-color:#c0392b;color:#c0392b}
			.scroll{overflow-x:auto}table{border-collapse:collapse;margin:4px 0}
			th,td{border:1px solid #e2e2e2;padding:3px 8px;text-align:left;vertical-align:top}
			td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
			td svg{max-width:none}tr>:first-child{white-space:nowrap}
			.bars{max-width:760px;margin:4px 0 8px}.bar-row{display:flex;align-items:center;gap:8px;margin:3px 0}
			.bar-label{flex:0 0 120px;font-size:13px}.bar-row svg{flex:1;height:20px;min-width:0}svg text.suppressed{fill:#595959;font-style:italic}
			svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#222}
			.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px;margin:6px 0}
			.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
			.legend i.dash{border-top:2px dashed #c0392b;height:0;width:16px;vertical-align:3px}
			.suppressed{color:#595959;font-style:italic}.met{color:#2e7d4f}.off{color:#c0392b}
			""";

	private final StringBuilder html = new StringBuilder(32_768);

	private EvaluationReport() {
	}

	static String render(JsonNode summary) {
		EvaluationReport report = new EvaluationReport();
		report.write(summary);
		return report.html.toString();
	}

	private void write(JsonNode summary) {
		String version = summary.path("rules").asString();
		List<JsonNode> periods = new ArrayList<>();
		summary.path("periods").forEach(periods::add);
		raw("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n");
		raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
		text("National evaluering af model 3 – " + version);
		raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n");
		raw("<h1>National evaluering af model 3 <span class=\"en\">/ National evaluation of model 3</span></h1>\n");
		raw("<p class=\"meta\">Data <b>");
		text(summary.path("input").asString());
		raw("</b> · regelversion / rules <b>");
		text(version);
		raw("</b> (");
		text(shortChecksum(summary.path("rulesChecksum").asString()));
		raw(")");
		if (summary.has("compare")) {
			raw(" · sammenlignet med / compared with <b>");
			text(summary.path("compare").asString());
			raw("</b>");
		}
		raw(" · perioder / periods: ");
		text(number(periods.size()));
		if (!periods.isEmpty()) {
			raw(" (");
			text(periods.get(0).path("period").asString() + " – "
					+ periods.get(periods.size() - 1).path("period").asString());
			raw(")");
		}
		raw("</p>\n");
		cards(summary.path("rows"));
		tiers(periods, version);
		courses(periods);
		if (summary.has("compare")) {
			transitions(periods, version, summary.path("compare").asString());
		}
		outcomes(summary.path("outcomes"));
		raw("<p class=\"meta\">");
		text("Kilder / sources: notatet om model 3 (seed 000, \"Udgangspunktet er en opdeling af borgerne i tre "
				+ "grupper/lag\"); bilag 2 (seed 004, \"Effekter og resultater\"); opfølgningen (seed 003). "
				+ "Rapporten viser kun optællinger; grupper under " + OutcomeTable.SMALLEST
				+ " personer vises ikke. / The report shows counts only; groups under " + OutcomeTable.SMALLEST
				+ " people are not shown.");
		raw("</p>\n</body>\n</html>\n");
	}

	private void cards(JsonNode rows) {
		raw("<div class=\"cards\">\n");
		card(number(rows.path("in").asLong()), "rækker ind / rows in", null);
		card(number(rows.path("out").asLong()), "klassificeret / classified", null);
		card(number(rows.path("rejected").asLong()), "afvist / rejected", null);
		boolean balanced = rows.path("balanced").asBoolean();
		card(balanced ? "stemmer / adds up" : "STEMMER IKKE / DOES NOT ADD UP", rows.path("statement").asString(),
				balanced ? "ok" : "bad");
		raw("</div>\n");
	}

	private void card(String value, String label, String kind) {
		raw("<div class=\"card").raw((kind != null) ? " " + kind : "").raw("\"><div class=\"n\">");
		text(value);
		raw("</div><div>");
		text(label);
		raw("</div></div>\n");
	}

	// one column chart per tier: a column per period, the memo's size as dashed lines
	private void tiers(List<JsonNode> periods, String version) {
		heading("Lag pr. periode mod notatets størrelser", "Tiers per period against the memo's sizes");
		raw("<p>");
		text("Notatet (seed 000) forventer i Norddjurs: lag 1 ikke under 300 borgere, lag 2 ikke under 125, lag 3 "
				+ "ca. 2.000 (læst som 1.600–2.400). Størrelserne er én kommunes; for andre data sammenlign andelene. ");
		raw("<span class=\"en\">");
		text("The memo expects in Norddjurs: tier 1 not under 300, tier 2 not under 125, tier 3 about 2,000 "
				+ "(read as 1,600–2,400). The sizes are one municipality's; for other data compare the shares.");
		raw("</span></p>\n");
		raw("<div class=\"legend\"><span><i style=\"background:#1f5fa8\"></i>");
		text("placeret i laget / placed in the tier");
		raw("</span><span><i class=\"dash\"></i>");
		text("notatets størrelse / the memo's size");
		raw("</span></div>\n");
		for (String tier : TIERS) {
			ExpectedTierSizes.Expected expected = ExpectedTierSizes.of(Tier.valueOf(tier));
			List<Long> counts = new ArrayList<>();
			for (JsonNode period : periods) {
				counts.add(period.path("results").path(version).path("byTier").path(tier).asLong(0));
			}
			raw("<h3>");
			text(NAMES.get(tier)[0]);
			raw(" <span class=\"en\">/ ");
			text(NAMES.get(tier)[1]);
			raw("</span></h3>\n");
			columns(periods, counts, expected);
		}
		details(periods.size(), "Lag pr. periode som tabel / tiers per period as a table");
		raw("<div class=\"scroll\"><table>\n<tr><th>");
		text("periode / period");
		raw("</th>");
		for (String tier : TIERS) {
			raw("<th>");
			text(NAMES.get(tier)[0] + " / " + NAMES.get(tier)[1]);
			raw("</th>");
		}
		raw("</tr>\n");
		for (JsonNode period : periods) {
			raw("<tr><td>");
			text(period.path("period").asString());
			raw("</td>");
			for (String tier : TIERS) {
				long count = period.path("results").path(version).path("byTier").path(tier).asLong(0);
				ExpectedTierSizes.Expected expected = ExpectedTierSizes.of(Tier.valueOf(tier));
				boolean met = expected.met(count);
				raw("<td class=\"num\">");
				text(number(count));
				raw(met ? " <span class=\"met\">✓</span>" : " <span class=\"off\">✗</span>");
				raw("</td>");
			}
			raw("</tr>\n");
		}
		raw("</table></div>\n</details>\n<p class=\"small\">");
		text("✓ som forventet / as expected, ✗ uden for forventningen / off expectation.");
		raw("</p>\n");
	}

	private void columns(List<JsonNode> periods, List<Long> counts, ExpectedTierSizes.Expected expected) {
		int width = 600;
		int height = 150;
		int left = 60;
		int plot = width - left - 10;
		long max = Math.max(1, expected.atLeast());
		if (expected.atMost() != Long.MAX_VALUE) {
			max = Math.max(max, expected.atMost());
		}
		for (long count : counts) {
			max = Math.max(max, count);
		}
		int top = 10;
		int bottom = height - 24;
		double step = (double) plot / Math.max(1, counts.size());
		raw("<svg role=\"img\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
				+ "\">\n");
		for (int i = 0; i < counts.size(); i++) {
			double h = (double) counts.get(i) / max * (bottom - top);
			raw(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f5fa8\"><title>",
					left + i * step, bottom - h, Math.max(1, step * 0.8), Math.max(h, 0.5)));
			text(periods.get(i).path("period").asString() + ": " + number(counts.get(i)));
			raw("</title></rect>\n");
		}
		for (long mark : new long[] { expected.atLeast(), expected.atMost() }) {
			if (mark != Long.MAX_VALUE) {
				double y = bottom - (double) mark / max * (bottom - top);
				raw(String.format(Locale.ROOT,
						"<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"2\" "
								+ "stroke-dasharray=\"5 4\"/>\n",
						left, width - 10, y, y));
				raw(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\">", y + 4));
				text(number(mark));
				raw("</text>\n");
			}
		}
		boolean nearMark = false;
		for (long mark : new long[] { expected.atLeast(), expected.atMost() }) {
			nearMark |= mark != Long.MAX_VALUE && (double) (max - mark) / max * (bottom - top) < 14;
		}
		if (!nearMark) {
			raw("<text x=\"2\" y=\"" + (top + 4) + "\">");
			text(number(max));
			raw("</text>\n");
		}
		raw("<line x1=\"" + left + "\" x2=\"" + (width - 10) + "\" y1=\"" + bottom + "\" y2=\"" + bottom
				+ "\" stroke=\"#999\"/>\n");
		if (!periods.isEmpty()) {
			raw("<text x=\"" + left + "\" y=\"" + (height - 6) + "\">");
			text(periods.get(0).path("period").asString());
			raw("</text>\n<text x=\"" + (width - 10) + "\" y=\"" + (height - 6) + "\" text-anchor=\"end\">");
			text(periods.get(periods.size() - 1).path("period").asString());
			raw("</text>\n");
		}
		raw("</svg>\n");
	}

	// the courses between consecutive periods and the coherent share, per period
	private void courses(List<JsonNode> periods) {
		heading("Forløb mellem perioder", "Courses between periods");
		raw("<p>");
		text("Personer placeret i et lag i mindst én af to på hinanden følgende perioder, efter forløb; "
				+ "sammenhængende forløb (seed 003) som andel af dem, der er placeret i begge. ");
		raw("<span class=\"en\">");
		text("People placed in a tier in at least one of two consecutive periods, by course; the coherent share "
				+ "(seed 003) of those placed in both.");
		raw("</span></p>\n<div class=\"legend\">");
		for (String course : COURSES) {
			legend(course);
		}
		raw("</div>\n");
		details(periods.size() - 1, "Forløb pr. periode / courses per period");
		raw("<div class=\"scroll\"><table>\n<tr><th>");
		text("periode / period");
		raw("</th><th>");
		text("forløb / courses");
		raw("</th>");
		for (String course : COURSES) {
			raw("<th>");
			text(NAMES.get(course)[0] + " / " + NAMES.get(course)[1]);
			raw("</th>");
		}
		raw("<th>");
		text("sammenhængende / coherent");
		raw("</th></tr>\n");
		long most = 1;
		for (JsonNode period : periods) {
			long total = 0;
			for (String course : COURSES) {
				total += period.path("courses").path(course).asLong(0);
			}
			most = Math.max(most, total);
		}
		for (JsonNode period : periods.subList(Math.min(1, periods.size()), periods.size())) {
			raw("<tr><td>");
			text(period.path("period").asString());
			raw("</td><td>");
			List<long[]> parts = new ArrayList<>();
			for (String course : COURSES) {
				parts.add(new long[] { COURSES.indexOf(course), period.path("courses").path(course).asLong(0) });
			}
			stackedBar(parts, most, 260, COURSES);
			raw("</td>");
			for (String course : COURSES) {
				raw("<td class=\"num\">");
				text(number(period.path("courses").path(course).asLong(0)));
				raw("</td>");
			}
			JsonNode indicator = period.path("indicator");
			raw("<td class=\"num\">");
			if (indicator.has("share")) {
				text(number(indicator.path("coherent").asLong()) + " / "
						+ number(indicator.path("inModelBothPeriods").asLong()) + " = "
						+ percent(indicator.path("share").asDouble()));
			}
			else {
				text("–");
			}
			raw("</td></tr>\n");
		}
		raw("</table></div>\n</details>\n");
	}

	// a long table folds away (without a script: the browser's own details element)
	private void details(int rows, String summary) {
		raw((rows > FOLDED_FROM) ? "<details>" : "<details open>");
		raw("<summary>");
		text(summary);
		raw("</summary>\n");
	}

	// the version comparison over all periods: outcome before × after, shaded
	private void transitions(List<JsonNode> periods, String version, String compare) {
		heading("Skift mellem regelversioner " + version + " → " + compare,
				"Transitions between rule versions " + version + " → " + compare);
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		Set<String> labels = new LinkedHashSet<>();
		for (JsonNode period : periods) {
			period.path("transitions").properties().forEach((row) -> {
				labels.add(row.getKey());
				row.getValue().properties().forEach((cell) -> {
					labels.add(cell.getKey());
					matrix.computeIfAbsent(row.getKey(), (key) -> new LinkedHashMap<>())
						.merge(cell.getKey(), cell.getValue().asLong(), Long::sum);
				});
			});
		}
		List<String> sorted = labels.stream().sorted().toList();
		long max = 1;
		for (Map<String, Long> row : matrix.values()) {
			for (long count : row.values()) {
				max = Math.max(max, count);
			}
		}
		raw("<p>");
		text("Alle perioder tilsammen; rækker før, kolonner efter. ");
		raw("<span class=\"en\">");
		text("All periods together; rows before, columns after.");
		raw("</span></p>\n<div class=\"scroll\"><table>\n<tr><th>");
		text(version + " ↓ / " + compare + " →");
		raw("</th>");
		for (String label : sorted) {
			raw("<th>");
			outcomeName(label);
			raw("</th>");
		}
		raw("</tr>\n");
		for (String from : sorted) {
			raw("<tr><th>");
			outcomeName(from);
			raw("</th>");
			for (String to : sorted) {
				long count = matrix.getOrDefault(from, Map.of()).getOrDefault(to, 0L);
				double shade = (count == 0) ? 0 : 0.12 + 0.88 * Math.log1p(count) / Math.log1p(max);
				String colour = from.equals(to) ? "31,95,168" : "217,130,43";
				raw(String.format(Locale.ROOT, "<td class=\"num\" style=\"background:rgba(%s,%.2f);color:%s\">", colour,
						shade, (shade > 0.6) ? "#fff" : "#222"));
				text((count == 0) ? "" : number(count));
				raw("</td>");
			}
			raw("</tr>\n");
		}
		raw("</table></div>\n<p class=\"small\">");
		text("Blå: samme / blue: same; orange: skifter / moves. Logaritmisk skala / log scale.");
		raw("</p>\n");
	}

	// an outcome of the transitions ("MANUAL_REVIEW", "PLACED CROSS_SECTOR") in Danish,
	// English beside
	private void outcomeName(String outcome) {
		String key = outcome.startsWith("PLACED ") ? outcome.substring("PLACED ".length()) : outcome;
		String[] name = NAMES.getOrDefault(key, new String[] { outcome, outcome });
		text(name[0]);
		raw("<br><span class=\"en\">");
		text(name[1]);
		raw("</span>");
	}

	// per cohort a 100 % bar for each horizon, and the counts behind it
	private void outcomes(JsonNode outcomes) {
		heading("Udfald over år efter første placering", "Outcomes over years after the first placement");
		raw("<p>");
		text("Hvor er personerne 1, 2 og 3 år efter, de første gang blev placeret i et lag, efter registrets ydelse "
				+ "(seed 004: \"afgang til job eller uddannelse eller afklaring til anden ydelse\"). En kohorte er "
				+ "dem, der kom ind samme år med samme lag (eller samme flag). Kohorter med under "
				+ OutcomeTable.SMALLEST
				+ " personer vises ikke, og i en kohorte, der vises, heller ikke en celle med under "
				+ OutcomeTable.SMALLEST + " personer (og en celle mere, hvis kun én ville være skjult, så den ikke kan "
				+ "regnes ud af totalen). ");
		raw("<span class=\"en\">");
		text("Where people are 1, 2 and 3 years after their first placement in a tier, by the register's benefit. "
				+ "A cohort is those who entered in the same year with the same tier (or flag). Cohorts of fewer "
				+ "than " + OutcomeTable.SMALLEST + " people are not shown, nor, in a cohort that is shown, a cell of "
				+ "fewer than " + OutcomeTable.SMALLEST + " people (and one cell more where only one would be hidden, "
				+ "so that it cannot be worked out from the total).");
		raw("</span></p>\n<div class=\"legend\">");
		List<String> states = new ArrayList<>();
		outcomes.path("states").forEach((state) -> states.add(state.asString()));
		for (String state : states) {
			legend(state);
		}
		raw("</div>\n");
		Map<String, List<JsonNode>> cohorts = new LinkedHashMap<>();
		for (JsonNode cohort : outcomes.path("cohorts")) {
			String key = cohort.path("by").asString() + "|" + cohort.path("group").asString() + "|"
					+ cohort.path("entryYear").asInt();
			cohorts.computeIfAbsent(key, (k) -> new ArrayList<>()).add(cohort);
		}
		if (cohorts.isEmpty()) {
			raw("<p>");
			text("Ingen kohorter: data dækker ikke et år efter nogen placering. / No cohorts: the data covers no "
					+ "year after a placement.");
			raw("</p>\n");
		}
		for (List<JsonNode> horizons : cohorts.values()) {
			JsonNode first = horizons.get(0);
			String[] group = NAMES.getOrDefault(first.path("group").asString(),
					new String[] { first.path("group").asString(), first.path("group").asString() });
			boolean byFlag = first.path("by").asString().equals(OutcomeTable.BY_FLAG);
			raw("<h3>");
			text((byFlag ? "Flag: " : "") + group[0] + ", indgået " + first.path("entryYear").asInt());
			raw(" <span class=\"en\">/ ");
			text((byFlag ? "flag: " : "") + group[1] + ", entered " + first.path("entryYear").asInt());
			raw("</span></h3>\n");
			cohortChart(horizons, states);
			raw("<div class=\"scroll\"><table>\n<tr><th>");
			text("efter / after");
			raw("</th><th>");
			text("personer / people");
			raw("</th>");
			for (String state : states) {
				raw("<th>");
				text(NAMES.get(state)[0] + " / " + NAMES.get(state)[1]);
				raw("</th>");
			}
			raw("</tr>\n");
			for (JsonNode cohort : horizons) {
				int years = cohort.path("years").asInt();
				raw("<tr><td>");
				text(years + ((years == 1) ? " år / year" : " år / years"));
				raw("</td>");
				if (cohort.path("suppressed").asBoolean(false)) {
					raw("<td class=\"suppressed\" colspan=\"" + (1 + states.size()) + "\">");
					text("færre end " + OutcomeTable.SMALLEST + " personer – ikke vist / fewer than "
							+ OutcomeTable.SMALLEST + " people – not shown");
					raw("</td></tr>\n");
					continue;
				}
				long people = cohort.path("people").asLong();
				raw("<td class=\"num\">");
				text(number(people));
				raw("</td>");
				for (String state : states) {
					if (cohort.path("outcomes").path(state).isNull()) {
						raw("<td class=\"num suppressed\">");
						text("skjult / hidden");
						raw("</td>");
						continue;
					}
					long count = cohort.path("outcomes").path(state).asLong(0);
					raw("<td class=\"num\">");
					text(number(count) + " (" + percent((double) count / people) + ")");
					raw("</td>");
				}
				raw("</tr>\n");
			}
			raw("</table></div>\n");
		}
	}

	// a cohort's chart: per horizon a bar of the states, each 100 % of the people; the
	// labels are text beside the bars, so they stay readable on a phone
	private void cohortChart(List<JsonNode> horizons, List<String> states) {
		raw("<div class=\"bars\">\n");
		for (JsonNode cohort : horizons) {
			int years = cohort.path("years").asInt();
			raw("<div class=\"bar-row\"><span class=\"bar-label\">");
			if (cohort.path("suppressed").asBoolean(false)) {
				text(years + " år / " + years + ((years == 1) ? " year" : " years"));
				raw("</span><span class=\"suppressed\">");
				text("færre end " + OutcomeTable.SMALLEST + " personer – ikke vist / fewer than "
						+ OutcomeTable.SMALLEST + " people – not shown");
				raw("</span></div>\n");
				continue;
			}
			long people = cohort.path("people").asLong();
			text(years + " år, n = " + number(people));
			raw("</span><svg role=\"img\" viewBox=\"0 0 1000 20\" preserveAspectRatio=\"none\">");
			// the cells not shown are one grey part at the end, without a number
			List<long[]> parts = new ArrayList<>();
			for (int i = 0; i < states.size(); i++) {
				parts.add(new long[] { i, cohort.path("outcomes").path(states.get(i)).asLong(0) });
			}
			double shown = segments(parts, people, 1000, 20, states);
			if (shown < 1000 - 0.05) {
				raw(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"20\" fill=\"#d9d9d9\"><title>", shown,
						1000 - shown));
				text("skjult: færre end " + OutcomeTable.SMALLEST + " personer i en celle / hidden: fewer than "
						+ OutcomeTable.SMALLEST + " people in a cell");
				raw("</title></rect>");
			}
			raw("</svg></div>\n");
		}
		raw("</div>\n");
	}

	// a horizontal bar of parts (index, count), scaled to total over width pixels
	private void stackedBar(List<long[]> parts, long total, int width, List<String> keys) {
		raw("<svg role=\"img\" width=\"" + width + "\" height=\"16\" viewBox=\"0 0 " + width + " 16\">");
		segments(parts, total, width, 16, keys);
		raw("</svg>");
	}

	// the parts' rectangles; gives where the last one ends
	private double segments(List<long[]> parts, long total, int width, int height, List<String> keys) {
		double x = 0;
		for (long[] part : parts) {
			if (part[1] == 0) {
				continue;
			}
			double w = (double) part[1] / Math.max(1, total) * width;
			String key = keys.get((int) part[0]);
			raw(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>",
					x, w, height, COLOURS.get(key)));
			text(NAMES.get(key)[0] + " / " + NAMES.get(key)[1] + ": " + number(part[1]));
			raw("</title></rect>");
			x += w;
		}
		return x;
	}

	private void legend(String key) {
		raw("<span><i style=\"background:" + COLOURS.get(key) + "\"></i>");
		text(NAMES.get(key)[0] + " / " + NAMES.get(key)[1]);
		raw("</span>");
	}

	private void heading(String danish, String english) {
		raw("<h2>");
		text(danish);
		raw(" <span class=\"en\">/ ");
		text(english);
		raw("</span></h2>\n");
	}

	private EvaluationReport raw(String markup) {
		this.html.append(markup);
		return this;
	}

	/** Writes a text, escaped for HTML content and attribute values. */
	private void text(String value) {
		if (value == null) {
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> this.html.append("&amp;");
				case '<' -> this.html.append("&lt;");
				case '>' -> this.html.append("&gt;");
				case '"' -> this.html.append("&quot;");
				case '\'' -> this.html.append("&#39;");
				default -> this.html.append(c);
			}
		}
	}

	static String escape(String value) {
		EvaluationReport report = new EvaluationReport();
		report.text(value);
		return report.html.toString();
	}

	private static String shortChecksum(String checksum) {
		return (checksum.length() > 19) ? checksum.substring(0, 19) + "…" : checksum;
	}

	private static String number(long value) {
		return String.format(DANISH, "%,d", value);
	}

	private static String percent(double share) {
		return String.format(DANISH, "%.0f %%", share * 100);
	}

	// Danish and English names of the statuses, tiers and flags as the service's pages
	// and case-file text give them (core's ContractWords), and of the courses and
	// outcomes
	private static Map<String, String[]> names() {
		Map<String, String[]> names = new LinkedHashMap<>();
		for (Status status : List.of(Status.MANUAL_REVIEW, Status.OUT_OF_SCOPE)) {
			names.put(status.name(), contractWords("status." + status.name()));
		}
		for (Tier tier : Tier.values()) {
			names.put(tier.name(), contractWords("tier." + tier.name()));
		}
		for (Flag flag : Flag.values()) {
			names.put(flag.name(), contractWords("flag." + flag.name()));
		}
		names.put("ENTERS", new String[] { "kommer ind", "enters" });
		names.put("STAYS", new String[] { "bliver", "stays" });
		names.put("CHANGES_TIER", new String[] { "skifter lag", "changes tier" });
		names.put("CHANGES_AREA", new String[] { "skifter område", "changes area" });
		names.put("CHANGES_TIER_AND_AREA", new String[] { "skifter lag og område", "changes tier and area" });
		names.put("LEAVES", new String[] { "går ud", "leaves" });
		names.put("OFF_BENEFIT", new String[] { "ude af offentlig forsørgelse", "off benefit" });
		names.put("EDUCATION_BENEFIT", new String[] { "uddannelseshjælp", "education benefit" });
		names.put("FLEX_JOB", new String[] { "fleksjob", "flex job" });
		names.put("DISABILITY_PENSION", new String[] { "førtidspension", "disability pension" });
		names.put("SAME_BENEFIT", new String[] { "samme ydelse", "same benefit" });
		names.put("OTHER_BENEFIT", new String[] { "anden ydelse", "other benefit" });
		names.put("NOT_IN_REGISTER", new String[] { "ikke i registret", "not in the register" });
		return names;
	}

	private static String[] contractWords(String key) {
		return new String[] { ContractWords.word(key, "da", key), ContractWords.word(key, "en", key) };
	}

	private static Map<String, String> colours() {
		Map<String, String> colours = new LinkedHashMap<>();
		colours.put("ENTERS", "#3a8f5c");
		colours.put("STAYS", "#1f5fa8");
		colours.put("CHANGES_TIER", "#8a4fb0");
		colours.put("CHANGES_AREA", "#c9a227");
		colours.put("CHANGES_TIER_AND_AREA", "#d9822b");
		colours.put("LEAVES", "#9e9e9e");
		colours.put("OFF_BENEFIT", "#3a8f5c");
		colours.put("EDUCATION_BENEFIT", "#1f5fa8");
		colours.put("FLEX_JOB", "#8a4fb0");
		colours.put("DISABILITY_PENSION", "#d9822b");
		colours.put("SAME_BENEFIT", "#9e9e9e");
		colours.put("OTHER_BENEFIT", "#c9a227");
		colours.put("NOT_IN_REGISTER", "#d0d0d0");
		return colours;
	}

}
