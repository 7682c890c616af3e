package dk.model3.publishing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.versions.RuleVersions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rule catalogue as readable pages: /rules lists the active versions,
 * /rules/{version} shows one, generated from the rules it runs.
 */
@Controller
class CatalogueController {

	private final RuleVersions versions;

	CatalogueController(RuleVersions versions) {
		this.versions = versions;
	}

	@GetMapping("/rules")
	String index(Model model) {
		model.addAttribute("entries",
				this.versions.entries()
					.stream()
					.filter((entry) -> entry.state() == RuleVersions.State.ACTIVE)
					.sorted(Comparator.comparing(RuleVersions.Entry::version))
					.toList());
		return "publishing/index";
	}

	@GetMapping("/rules/{version}")
	String catalogue(@PathVariable String version, @RequestParam(required = false) String q, Model model,
			HttpServletResponse response) {
		CompiledRules rules = this.versions.active()
			.stream()
			.filter((active) -> active.version().equals(version))
			.findFirst()
			.orElse(null);
		if (rules == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("version", version);
			return "publishing/unknown";
		}
		RuleCatalogue catalogue = new RuleCatalogue(rules);
		model.addAttribute("rules", rules);
		Map<String, String> conditions = catalogue.conditions();
		String query = (q != null) ? q.strip() : "";
		Map<String, List<RuleMetadata>> byFile = new LinkedHashMap<>();
		int found = 0;
		for (Map.Entry<String, List<RuleMetadata>> file : catalogue.byFile().entrySet()) {
			List<RuleMetadata> matching = file.getValue()
				.stream()
				.filter((rule) -> matches(rule, conditions.get(rule.id()), query))
				.toList();
			if (!matching.isEmpty()) {
				byFile.put(file.getKey(), matching);
				found += matching.size();
			}
		}
		model.addAttribute("byFile", byFile);
		model.addAttribute("query", query);
		model.addAttribute("found", found);
		model.addAttribute("sentences", catalogue.sentences());
		model.addAttribute("conditions", conditions);
		return "publishing/catalogue";
	}

	// a search of the catalogue: the words given, each found in the rule's id, its texts
	// or
	// its condition, in any case
	private static boolean matches(RuleMetadata rule, String condition, String query) {
		if (query.isEmpty()) {
			return true;
		}
		String text = String
			.join("\n", rule.id(), rule.name(), rule.text().da(), rule.text().en(),
					(condition != null) ? condition : "")
			.toLowerCase(Locale.ROOT);
		for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!text.contains(word)) {
				return false;
			}
		}
		return true;
	}

}
