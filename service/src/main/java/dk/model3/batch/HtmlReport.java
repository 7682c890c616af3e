package dk.model3.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The report for people: one HTML file with inline CSS and SVG, no scripts and nothing
 * fetched, so it opens from a mail attachment or an archive. Drawn from the summary
 * alone, so it shows exactly what the summary says.
 */
final class HtmlReport {

	private static final String[] COLOURS = { "#1f5fa8", "#d9822b", "#3a8f5c", "#8a4fb0" };

	private final StringBuilder html = new StringBuilder(32_768);

	private HtmlReport() {
	}

	static String render(JsonNode summary) {
		return new HtmlReport().build(summary);
	}

	private String build(JsonNode summary) {
		JsonNode lines = summary.path("lines");
		List<String> labels = new ArrayList<>();
		summary.path("results").properties().forEach((entry) -> labels.add(entry.getKey()));
		this.html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
		this.html.append("<title>Model 3 re-classification: ").append(esc(summary.path("input").asString()));
		this.html.append("</title><style>").append(css()).append("</style></head><body>\n");
		this.html.append("<h1>Model 3 re-classification</h1>\n<p class=\"meta\">Input <b>")
			.append(esc(summary.path("input").asString()))
			.append("</b> · rules ")
			.append(esc(summary.path("rules").asString()))
			.append(summary.has("compare") ? " compared with <b>" + esc(summary.path("compare").asString()) + "</b>"
					: "")
			.append(" · default date ")
			.append(esc(summary.path("defaultDate").asString()))
			.append(" · run ")
			.append(esc(summary.path("finishedAt").asString()))
			.append("</p>\n");
		this.html.append("<div class=\"cards\">");
		card("lines in", lines.path("in").asLong());
		card("classified", lines.path("out").asLong());
		card("rejected", lines.path("rejected").asLong());
		this.html.append("<div class=\"card ")
			.append(lines.path("balanced").asBoolean() ? "ok" : "bad")
			.append("\"><div class=\"n\">")
			.append(lines.path("balanced").asBoolean() ? "adds up" : "DOES NOT ADD UP")
			.append("</div><div>")
			.append(esc(lines.path("statement").asString()))
			.append("</div></div></div>\n");
		tiers(summary, labels);
		if (summary.has("comparison")) {
			transitions(summary.path("comparison"));
			flagChanges(summary.path("comparison"));
		}
		counts(summary, labels);
		rules(summary, labels);
		rejects(summary);
		this.html.append("<p class=\"meta\">Expected sizes: ")
			.append(esc(summary.path("expectedSizesSource").asString()))
			.append(". The sizes are Norddjurs'; for another population compare the shares.</p>\n");
		this.html.append("</body></html>\n");
		return this.html.toString();
	}

	private void card(String label, long value) {
		this.html.append("<div class=\"card\"><div class=\"n\">")
			.append(String.format("%,d", value))
			.append("</div><div>")
			.append(label)
			.append("</div></div>");
	}

	// grouped horizontal bars per tier, one per version, with the expected size as a line
	private void tiers(JsonNode summary, List<String> labels) {
		this.html.append("<h2>Tiers against the expected sizes</h2>\n");
		JsonNode expected = summary.path("expectedSizes");
		long max = 1;
		for (JsonNode row : expected) {
			max = Math.max(max, row.path("expectedMin").asLong());
			max = Math.max(max, row.path("expectedMax").asLong());
			for (String label : labels) {
				max = Math.max(max, row.path("actual").path(label).path("count").asLong());
			}
		}
		int barHeight = 22;
		int groupHeight = barHeight * labels.size() + 26;
		int width = 760;
		int left = 170;
		int plot = width - left - 150;
		int height = groupHeight * expected.size() + 30;
		this.html.append("<svg role=\"img\" aria-label=\"tier counts\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\">");
		int y = 10;
		for (JsonNode row : expected) {
			this.html.append(text(8, y + 16, row.path("tier").asString(), "label"));
			this.html.append(text(8, y + 32, "expected " + row.path("expected").asString(), "small"));
			int i = 0;
			for (String label : labels) {
				JsonNode actual = row.path("actual").path(label);
				long count = actual.path("count").asLong();
				int w = (int) Math.round((double) count / max * plot);
				int by = y + i * barHeight;
				this.html.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", left,
						by + 2, Math.max(w, 1), barHeight - 6, COLOURS[i % COLOURS.length]));
				this.html.append(
						text(left + w + 6, by + 14,
								String.format("%,d %s", count,
										actual.path("met").asBoolean() ? "✓ as expected" : "✗ off expectation"),
								"small"));
				i++;
			}
			long min = row.path("expectedMin").asLong();
			int mx = left + (int) Math.round((double) min / max * plot);
			this.html.append(String.format(
					"<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>",
					mx, mx, y, y + barHeight * labels.size()));
			if (row.has("expectedMax")) {
				int xx = left + (int) Math.round((double) row.path("expectedMax").asLong() / max * plot);
				this.html.append(String.format(
						"<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>",
						xx, xx, y, y + barHeight * labels.size()));
			}
			y += groupHeight;
		}
		this.html.append("</svg>\n");
		legend(labels);
	}

	private void legend(List<String> labels) {
		this.html.append("<p class=\"legend\">");
		for (int i = 0; i < labels.size(); i++) {
			this.html.append("<span><i style=\"background:")
				.append(COLOURS[i % COLOURS.length])
				.append("\"></i>")
				.append(esc(labels.get(i)))
				.append("</span>");
		}
		this.html.append("<span><i class=\"dash\"></i>expected size</span></p>\n");
	}

	// a heat map: before in rows, after in columns, shade by share of the row
	private void transitions(JsonNode comparison) {
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
		this.html.append("<h2>Who moves: ")
			.append(esc(comparison.path("before").asString()))
			.append(" → ")
			.append(esc(comparison.path("after").asString()))
			.append("</h2>\n<p>")
			.append(String.format("%,d", comparison.path("changedRows").asLong()))
			.append(" citizens change status, tier, area or flags (listed in the changed-rows file).</p>\n");
		this.html.append("<table class=\"heat\"><tr><th>before ↓ / after →</th>");
		for (String to : sorted) {
			this.html.append("<th>").append(esc(to)).append("</th>");
		}
		this.html.append("</tr>");
		for (String from : sorted) {
			this.html.append("<tr><th>").append(esc(from)).append("</th>");
			for (String to : sorted) {
				long count = matrix.path(from).path(to).asLong();
				double shade = (count == 0) ? 0 : 0.12 + 0.88 * Math.log1p(count) / Math.log1p(max);
				String colour = from.equals(to) ? "31,95,168" : "217,130,43";
				this.html.append("<td style=\"background:rgba(")
					.append(colour)
					.append(',')
					.append(String.format("%.2f", shade))
					.append(");color:")
					.append((shade > 0.6) ? "#fff" : "#222")
					.append("\">")
					.append((count == 0) ? "" : String.format("%,d", count))
					.append("</td>");
			}
			this.html.append("</tr>");
		}
		this.html.append("</table>\n<p class=\"small\">Blue: stays; orange: moves. Shade on a log scale.</p>\n");
	}

	private void flagChanges(JsonNode comparison) {
		this.html.append("<h3>Flags gained and lost</h3>\n<table><tr><th>flag</th><th>gained</th><th>lost</th></tr>");
		comparison.path("flagChanges")
			.properties()
			.forEach((entry) -> this.html.append("<tr><td>")
				.append(esc(entry.getKey()))
				.append("</td><td class=\"num\">")
				.append(String.format("%,d", entry.getValue().path("gained").asLong()))
				.append("</td><td class=\"num\">")
				.append(String.format("%,d", entry.getValue().path("lost").asLong()))
				.append("</td></tr>"));
		this.html.append("</table>\n");
	}

	private void counts(JsonNode summary, List<String> labels) {
		this.html.append("<h2>Counts</h2>\n<div class=\"grid\">");
		for (String[] group : new String[][] { { "byStatus", "Status" }, { "byResponsibleArea", "Responsible area" },
				{ "byFlag", "Flags" }, { "byAgeBand", "Age band" } }) {
			this.html.append("<div><h3>").append(group[1]).append("</h3><table><tr><th></th>");
			for (String label : labels) {
				this.html.append("<th>").append(esc(label)).append("</th>");
			}
			this.html.append("</tr>");
			JsonNode first = summary.path("results").path(labels.get(0)).path(group[0]);
			first.properties().forEach((entry) -> {
				this.html.append("<tr><td>").append(esc(entry.getKey())).append("</td>");
				for (String label : labels) {
					this.html.append("<td class=\"num\">")
						.append(String.format("%,d",
								summary.path("results").path(label).path(group[0]).path(entry.getKey()).asLong()))
						.append("</td>");
				}
				this.html.append("</tr>");
			});
			this.html.append("</table></div>");
		}
		this.html.append("</div>\n");
	}

	// the most-fired rules per version, as bars
	private void rules(JsonNode summary, List<String> labels) {
		this.html.append("<h2>Most-fired rules</h2>\n<div class=\"grid\">");
		int index = 0;
		for (String label : labels) {
			JsonNode fired = summary.path("results").path(label).path("rulesFired");
			List<Map.Entry<String, JsonNode>> top = new ArrayList<>(fired.properties());
			top.sort(Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> -e.getValue().asLong())
				.thenComparing(Map.Entry::getKey));
			top = top.subList(0, Math.min(12, top.size()));
			long max = top.isEmpty() ? 1 : Math.max(1, top.get(0).getValue().asLong());
			int height = 22 * top.size() + 10;
			this.html.append("<div><h3>").append(esc(label)).append("</h3>");
			this.html.append("<svg role=\"img\" aria-label=\"rules fired\" width=\"360\" height=\"")
				.append(height)
				.append("\" viewBox=\"0 0 360 ")
				.append(height)
				.append("\">");
			int y = 4;
			for (Map.Entry<String, JsonNode> entry : top) {
				int w = (int) Math.round((double) entry.getValue().asLong() / max * 220);
				this.html.append(text(2, y + 13, entry.getKey(), "small"));
				this.html.append(String.format("<rect x=\"60\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>", y,
						Math.max(1, w), COLOURS[index % COLOURS.length]));
				this.html.append(text(66 + w, y + 13, String.format("%,d", entry.getValue().asLong()), "small"));
				y += 22;
			}
			this.html.append("</svg></div>");
			index++;
		}
		this.html.append("</div>\n");
	}

	private void rejects(JsonNode summary) {
		this.html.append("<h2>Rejected lines</h2>\n");
		if (summary.path("lines").path("rejected").asLong() == 0) {
			this.html.append("<p>None.</p>\n");
			return;
		}
		this.html.append("<table><tr><th>kind</th><th>lines</th></tr>");
		summary.path("rejectsByKind")
			.properties()
			.forEach((entry) -> this.html.append("<tr><td>")
				.append(esc(entry.getKey()))
				.append("</td><td class=\"num\">")
				.append(String.format("%,d", entry.getValue().asLong()))
				.append("</td></tr>"));
		this.html.append("</table>\n<h3>First rejected lines</h3>\n");
		this.html.append("<table><tr><th>line</th><th>kind</th><th>reason</th></tr>");
		for (JsonNode reject : summary.path("rejectSamples")) {
			this.html.append("<tr><td class=\"num\">")
				.append(reject.path("line").asLong())
				.append("</td><td>")
				.append(esc(reject.path("kind").asString()))
				.append("</td><td>")
				.append(esc(reject.path("reason").asString()))
				.append("</td></tr>");
		}
		this.html.append(
				"</table>\n<p class=\"small\">All rejected lines, with every field error, are in the rejects file.</p>\n");
	}

	private static String text(int x, int y, String text, String cls) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" class=\"" + cls + "\">" + esc(text) + "</text>";
	}

	static String esc(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String css() {
		return "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px 32px;color:#222;max-width:1100px}"
				+ "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}"
				+ "h3{font-size:14px;margin:12px 0 6px}.meta,.small{color:#666;font-size:12px}"
				+ ".cards{display:flex;gap:12px;margin:14px 0}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}"
				+ ".card .n{font-size:20px;font-weight:600}.card.ok{border-color:#3a8f5c}.card.bad{border-color:#c0392b;color:#c0392b}"
				+ "table{border-collapse:collapse;margin:4px 0}th,td{border:1px solid #e2e2e2;padding:3px 8px;text-align:left}"
				+ "td.num{text-align:right;font-variant-numeric:tabular-nums}.heat td{text-align:right;min-width:90px}"
				+ ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:8px 24px}"
				+ "svg text{font:12px system-ui,sans-serif;fill:#222}svg text.label{font-weight:600}svg text.small{font-size:11px}"
				+ ".legend span{margin-right:16px;font-size:12px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}"
				+ ".legend i.dash{border-top:2px dashed #c0392b;height:0;width:16px;vertical-align:3px}";
	}

}
