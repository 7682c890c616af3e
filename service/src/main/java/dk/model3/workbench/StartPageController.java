package dk.model3.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.model3.decisions.ReviewSummary;
import dk.model3.decisions.Reviews;
import dk.model3.publishing.RuleNames;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of policy staff ({@code /start}; {@code /} shows it to a user with the
 * policy role and not the caseworker's): the drafts and where each stands, the versions
 * in force and coming, how often caseworkers override the version in force, and the way
 * to the catalogue, the workbench and the caseworkers' decisions. Without the workbench
 * (no repository of versions) it shows the rest.
 */
@Controller
class StartPageController {

	private final ObjectProvider<Drafts> drafts;

	private final RuleVersions versions;

	private final Reviews reviews;

	private final Clock clock;

	StartPageController(ObjectProvider<Drafts> drafts, RuleVersions versions, Reviews reviews, Clock clock) {
		this.drafts = drafts;
		this.versions = versions;
		this.reviews = reviews;
		this.clock = clock;
	}

	/**
	 * A version as the start page lists it.
	 *
	 * @param when {@code NOW} (in force today), {@code COMING} (from a later date) or
	 * {@code BEFORE} (replaced)
	 */
	record Version(String id, String title, LocalDate inForceFrom, String when) {
	}

	@GetMapping("/start")
	String start(Model model) {
		LocalDate today = LocalDate.now(this.clock);
		String inForce = inForce(today);
		List<Version> listed = new ArrayList<>();
		for (CompiledRules rules : this.versions.active()) {
			LocalDate from = rules.descriptor().inForceFrom();
			String when = rules.version().equals(inForce) ? "NOW"
					: (from != null && from.isAfter(today)) ? "COMING" : "BEFORE";
			listed.add(new Version(rules.version(), rules.descriptor().titleDa(), from, when));
		}
		listed.sort(Comparator.comparing(Version::inForceFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
			.reversed());
		model.addAttribute("versions", listed.stream().filter((v) -> !v.when().equals("BEFORE")).toList());
		model.addAttribute("earlier", listed.stream().filter((v) -> v.when().equals("BEFORE")).toList());
		model.addAttribute("inForce", inForce);
		Drafts workbench = this.drafts.getIfAvailable();
		model.addAttribute("workbench", workbench != null);
		model.addAttribute("drafts",
				(workbench != null) ? workbench.all()
					.stream()
					.filter((draft) -> !draft.state().equals("PUBLISHED"))
					.sorted(Comparator.comparing(Drafts.DraftView::id))
					.toList() : List.of());
		ReviewSummary summary = (inForce != null) ? this.reviews.summary(inForce) : null;
		model.addAttribute("summary", summary);
		model.addAttribute("mostOverridden",
				(summary != null) ? summary.byRule()
					.stream()
					.filter((row) -> row.overridden() > 0)
					.sorted(Comparator.comparing(ReviewSummary.ByRule::overridden).reversed())
					.limit(5)
					.toList() : List.of());
		model.addAttribute("ruleNames", new RuleNames(this.versions));
		return "workbench/start";
	}

	private String inForce(LocalDate today) {
		try {
			return this.versions.inForceOn(today).version();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
