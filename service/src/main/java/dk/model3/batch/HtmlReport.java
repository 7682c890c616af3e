package dk.model3.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.model3.pages.PageTemplates;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.JsonNode;

/**
 * The report for people: one HTML file with inline CSS and SVG, no scripts and nothing
 * fetched, so it opens from a mail attachment or an archive. Drawn from the summary
 * alone, so it shows exactly what the summary says; the geometry of the charts is worked
 * out here, the markup and its escaping are the template's
 * ({@code templates/batch/report.html}).
 */
final class HtmlReport {

	private static final TemplateEngine TEMPLATES = PageTemplates.standalone();

	private static final String[] COLOURS = { "#1f5fa8", "#d9822b", "#3a8f5c", "#8a4fb0" };

	private static final int BAR_HEIGHT = 22;

	private static final int CHART_WIDTH = 760;

	private static final int CHART_LEFT = 170;

	private HtmlReport() {
	}

	static String render(JsonNode summary) {
		List<String> labels = new ArrayList<>();
		summary.path("results").properties().forEach((entry) -> labels.add(entry.getKey()));
		JsonNode lines = summary.path("lines");
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("input", summary.path("input").asString());
		report.put("rules", summary.path("rules").asString());
		report.put("compare", summary.has("compare") ? summary.path("compare").asString() : null);
		report.put("defaultDate", summary.path("defaultDate").asString());
		report.put("finishedAt", summary.path("finishedAt").asString());
		report.put("cards", List.of(card("lines in", lines.path("in").asLong()),
				card("classified", lines.path("out").asLong()), card("rejected", lines.path("rejected").asLong())));
		report.put("balanced", lines.path("balanced").asBoolean());
		report.put("statement", lines.path("statement").asString());
		report.put("tiers", tiers(summary, labels));
		report.put("legend", legend(labels));
		report.put("comparison", summary.has("comparison") ? comparison(summary.path("comparison")) : null);
		report.put("counts", counts(summary, labels));
		report.put("fired", fired(summary, labels));
		report.put("rejected", lines.path("rejected").asLong());
		report.put("rejectsByKind", entries(summary.path("rejectsByKind")));
		List<Map<String, Object>> samples = new ArrayList<>();
		for (JsonNode reject : summary.path("rejectSamples")) {
			samples.add(Map.of("line", reject.path("line").asLong(), "kind", reject.path("kind").asString(), "reason",
					reject.path("reason").asString()));
		}
		report.put("rejectSamples", samples);
		report.put("expectedSizesSource", summary.path("expectedSizesSource").asString());
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("report", report);
		return TEMPLATES.process("batch/report", context);
	}

	private static Map<String, Object> card(String label, long value) {
		return Map.of("label", label, "value", number(value));
	}

	// grouped horizontal bars per tier, one per version, with the expected size as lines
	private static Map<String, Object> tiers(JsonNode summary, List<String> labels) {
		JsonNode expected = summary.path("expectedSizes");
		long max = 1;
		for (JsonNode row : expected) {
			max = Math.max(max, row.path("expectedMin").asLong());
			max = Math.max(max, row.path("expectedMax").asLong());
			for (String label : labels) {
				max = Math.max(max, row.path("actual").path(label).path("count").asLong());
			}
		}
		int groupHeight = BAR_HEIGHT * labels.size() + 26;
		int plot = CHART_WIDTH - CHART_LEFT - 150;
		List<Map<String, Object>> groups = new ArrayList<>();
		int y = 10;
		for (JsonNode row : expected) {
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("tier", row.path("tier").asString());
			group.put("expected", "expected " + row.path("expected").asString());
			group.put("tierY", y + 16);
			group.put("expectedY", y + 32);
			List<Map<String, Object>> bars = new ArrayList<>();
			for (int i = 0; i < labels.size(); i++) {
				JsonNode actual = row.path("actual").path(labels.get(i));
				long count = actual.path("count").asLong();
				int width = (int) Math.round((double) count / max * plot);
				int barY = y + i * BAR_HEIGHT;
				bars.add(Map.of("x", CHART_LEFT, "y", barY + 2, "width", Math.max(width, 1), "height", BAR_HEIGHT - 6,
						"colour", COLOURS[i % COLOURS.length], "textX", CHART_LEFT + width + 6, "textY", barY + 14,
						"text", number(count) + " "
								+ (actual.path("met").asBoolean() ? "✓ as expected" : "✗ off expectation")));
			}
			group.put("bars", bars);
			List<Integer> marks = new ArrayList<>();
			marks.add(CHART_LEFT + (int) Math.round((double) row.path("expectedMin").asLong() / max * plot));
			if (row.has("expectedMax")) {
				marks.add(CHART_LEFT + (int) Math.round((double) row.path("expectedMax").asLong() / max * plot));
			}
			group.put("marks", marks);
			group.put("markTop", y);
			group.put("markBottom", y + BAR_HEIGHT * labels.size());
			groups.add(group);
			y += groupHeight;
		}
		return Map.of("width", CHART_WIDTH, "height", groupHeight * expected.size() + 30, "groups", groups);
	}

	private static List<Map<String, Object>> legend(List<String> labels) {
		List<Map<String, Object>> legend = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			legend.add(Map.of("label", labels.get(i), "colour", COLOURS[i % COLOURS.length]));
		}
		return legend;
	}

	// a heat map: before in rows, after in columns, shade by count on a log scale
	private static Map<String, Object> comparison(JsonNode comparison) {
		JsonNode matrix = comparison.path("transitions");
		Set<String> outcomes = new LinkedHashSet<>();
		matrix.properties().forEach((row) -> {
			outcomes.add(row.getKey());
			row.getValue().properties().forEach((cell) -> outcomes.add(cell.getKey()));
		});
		List<String> sorted = outcomes.stream().sorted().toList();
		long max = 1;
		for (JsonNode row : matrix) {
			for (JsonNode cell : row) {
				max = Math.max(max, cell.asLong());
			}
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String from : sorted) {
			List<Map<String, Object>> cells = new ArrayList<>();
			for (String to : sorted) {
				long count = matrix.path(from).path(to).asLong();
				double shade = (count == 0) ? 0 : 0.12 + 0.88 * Math.log1p(count) / Math.log1p(max);
				String colour = from.equals(to) ? "31,95,168" : "217,130,43";
				cells.add(Map.of("text", (count == 0) ? "" : number(count), "style", String.format(Locale.ROOT,
						"background:rgba(%s,%.2f);color:%s", colour, shade, (shade > 0.6) ? "#fff" : "#222")));
			}
			rows.add(Map.of("from", from, "cells", cells));
		}
		List<Map<String, Object>> flagChanges = new ArrayList<>();
		comparison.path("flagChanges")
			.properties()
			.forEach((entry) -> flagChanges
				.add(Map.of("flag", entry.getKey(), "gained", number(entry.getValue().path("gained").asLong()), "lost",
						number(entry.getValue().path("lost").asLong()))));
		return Map.of("before", comparison.path("before").asString(), "after", comparison.path("after").asString(),
				"changedRows", number(comparison.path("changedRows").asLong()), "outcomes", sorted, "rows", rows,
				"flagChanges", flagChanges);
	}

	private static List<Map<String, Object>> counts(JsonNode summary, List<String> labels) {
		List<Map<String, Object>> tables = new ArrayList<>();
		String[][] groups = { { "byStatus", "Status" }, { "byResponsibleArea", "Responsible area" },
				{ "byFlag", "Flags" }, { "byAgeBand", "Age band" } };
		for (String[] group : groups) {
			List<Map<String, Object>> rows = new ArrayList<>();
			JsonNode first = summary.path("results").path(labels.isEmpty() ? "" : labels.get(0)).path(group[0]);
			first.properties().forEach((entry) -> {
				List<String> values = labels.stream()
					.map((label) -> number(
							summary.path("results").path(label).path(group[0]).path(entry.getKey()).asLong()))
					.toList();
				rows.add(Map.of("key", entry.getKey(), "values", values));
			});
			tables.add(Map.of("title", group[1], "labels", labels, "rows", rows));
		}
		return tables;
	}

	// the most-fired rules per version, as bars
	private static List<Map<String, Object>> fired(JsonNode summary, List<String> labels) {
		List<Map<String, Object>> charts = new ArrayList<>();
		for (int index = 0; index < labels.size(); index++) {
			JsonNode fired = summary.path("results").path(labels.get(index)).path("rulesFired");
			List<Map.Entry<String, JsonNode>> top = new ArrayList<>(fired.properties());
			top.sort(Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> -e.getValue().asLong())
				.thenComparing(Map.Entry::getKey));
			top = top.subList(0, Math.min(12, top.size()));
			long max = top.isEmpty() ? 1 : Math.max(1, top.get(0).getValue().asLong());
			List<Map<String, Object>> bars = new ArrayList<>();
			int y = 4;
			for (Map.Entry<String, JsonNode> entry : top) {
				int width = (int) Math.round((double) entry.getValue().asLong() / max * 220);
				bars.add(Map.of("rule", entry.getKey(), "y", y, "textY", y + 13, "width", Math.max(1, width), "countX",
						66 + width, "count", number(entry.getValue().asLong()), "colour",
						COLOURS[index % COLOURS.length]));
				y += 22;
			}
			charts.add(Map.of("label", labels.get(index), "height", 22 * top.size() + 10, "bars", bars));
		}
		return charts;
	}

	private static List<Map<String, Object>> entries(JsonNode object) {
		List<Map<String, Object>> entries = new ArrayList<>();
		object.properties()
			.forEach((entry) -> entries.add(Map.of("key", entry.getKey(), "value", number(entry.getValue().asLong()))));
		return entries;
	}

	private static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
