package dk.model3.publishing;

import java.util.Comparator;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleVersions;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The rule catalogue as readable pages: /rules lists the active versions,
 * /rules/{version} shows one, generated from the rules it runs.
 */
@Controller
class CatalogueController {

	private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

	private final RuleVersions versions;

	CatalogueController(RuleVersions versions) {
		this.versions = versions;
	}

	@GetMapping(path = "/rules", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	ResponseEntity<String> index() {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<title>Regelkataloger</title>\n").append(Html.STYLE).append("</head>\n<body>\n");
		html.append("<h1>Regelkataloger <span lang=\"en\">· Rule catalogues</span></h1>\n<table>\n");
		html.append("<tr><th>Version</th><th>I kraft fra · In force from</th><th>Checksum</th></tr>\n");
		this.versions.entries()
			.stream()
			.filter((entry) -> entry.state() == RuleVersions.State.ACTIVE)
			.sorted(Comparator.comparing(RuleVersions.Entry::version))
			.forEach((entry) -> html.append("<tr><td><a href=\"/rules/")
				.append(Html.escape(entry.version()))
				.append("\">")
				.append(Html.escape(entry.version()))
				.append("</a></td><td>")
				.append(Html.escape(String.valueOf(entry.inForceFrom())))
				.append("</td><td><code>")
				.append(Html.escape(entry.checksum()))
				.append("</code></td></tr>\n"));
		html.append("</table>\n</body>\n</html>\n");
		return ResponseEntity.ok().contentType(HTML).body(html.toString());
	}

	@GetMapping(path = "/rules/{version}", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	ResponseEntity<String> catalogue(@PathVariable String version) {
		CompiledRules rules = this.versions.active()
			.stream()
			.filter((active) -> active.version().equals(version))
			.findFirst()
			.orElse(null);
		if (rules == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(HTML)
				.body("<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>Ukendt version</title>"
						+ "</head><body><h1>Ukendt regelversion <span lang=\"en\">· Unknown rule version</span> "
						+ Html.escape(version) + "</h1><p><a href=\"/rules\">Alle versioner · All versions</a></p>"
						+ "</body></html>\n");
		}
		return ResponseEntity.ok().contentType(HTML).body(new RuleCatalogue(rules).html());
	}

}
