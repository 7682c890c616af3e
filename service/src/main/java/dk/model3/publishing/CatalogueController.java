package dk.model3.publishing;

import java.util.Comparator;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleVersions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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
	String catalogue(@PathVariable String version, Model model, HttpServletResponse response) {
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
		model.addAttribute("byFile", catalogue.byFile());
		model.addAttribute("sentences", catalogue.sentences());
		model.addAttribute("conditions", catalogue.conditions());
		return "publishing/catalogue";
	}

}
