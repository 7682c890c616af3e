package dk.model3.workbench;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Area;
import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Flag;
import dk.model3.facts.Problem;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.versions.ConditionalOnVersionStore;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scenario table of a draft for policy staff: every scenario a row in Danish, a row's
 * "Ret" opens its fields as a form in the row, "Gem" saves it into
 * {@code scenarios.yaml}; "Tilføj som scenarie" on a citizen of the impact preview opens
 * a new row with the citizen's facts and the draft's answer. Plain forms: it works
 * without JavaScript. The citizen's facts travel in a posted form, never in an address.
 */
@Controller
@ConditionalOnVersionStore
class ScenarioTableController {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ScenarioTable table;

	private final Drafts drafts;

	ScenarioTableController(ScenarioTable table, Drafts drafts) {
		this.table = table;
		this.drafts = drafts;
	}

	/**
	 * The table; {@code ret} opens that row's form, {@code ny=true} an empty form for a
	 * new scenario ("Tilføj et nyt scenarie").
	 */
	@GetMapping("/workbench/drafts/{id}/scenarios")
	String scenarios(@PathVariable String id, @RequestParam(name = "ret", required = false) Integer edit,
			@RequestParam(name = "ny", defaultValue = "false") boolean blank, Model model) {
		ScenarioForm form = null;
		if (edit != null && !model.containsAttribute("form")) {
			form = ScenarioForm.of(this.table.scenario(known(id), edit), true);
		}
		else if (blank && !model.containsAttribute("form")) {
			form = ScenarioForm.blank();
		}
		model.addAttribute("blank", blank && edit == null);
		return page(id, (form != null) ? form : (ScenarioForm) model.getAttribute("form"), edit, model);
	}

	@PostMapping("/workbench/drafts/{id}/scenarios")
	String save(@PathVariable String id, @ModelAttribute ScenarioForm form,
			@RequestParam(name = "ret", required = false) Integer edit,
			@RequestParam(name = "ny", defaultValue = "false") boolean blank, Principal user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		known(id);
		model.addAttribute("blank", blank && edit == null);
		try {
			List<CheckResults.Problem> problems = this.table.save(id, form, user.getName());
			redirect.addFlashAttribute("savedName", form.name().strip());
			if (!problems.isEmpty()) {
				redirect.addFlashAttribute("problems", problems);
			}
			return "redirect:/workbench/drafts/" + id + "/scenarios";
		}
		catch (InvalidDraftRequest ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					List.of(new WorkbenchPagesController.PageProblem(anchor(ex.field()), ex.field(), ex.getMessage())));
		}
		catch (DraftRefused ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("errors",
					List.of(new WorkbenchPagesController.PageProblem("scenario-form", "draft", ex.getMessage())));
		}
		return page(id, form, edit, model);
	}

	/**
	 * A new row for a citizen of the impact preview: {@code citizen} holds the facts as
	 * the preview lists them (the request fields as JSON), posted, never in the address.
	 */
	@PostMapping("/workbench/drafts/{id}/scenarios/new")
	String fromCitizen(@PathVariable String id, @RequestParam(defaultValue = "") String citizen, Model model,
			HttpServletResponse response) {
		known(id);
		ScenarioForm form = null;
		try {
			JsonNode facts;
			try {
				facts = JSON.readTree(citizen);
			}
			catch (JacksonException ex) {
				facts = null;
			}
			form = this.table.fromCitizen(id, facts);
		}
		catch (InvalidDraftRequest ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					List.of(new WorkbenchPagesController.PageProblem("scenarios", ex.field(), ex.getMessage())));
		}
		return page(id, form, null, model);
	}

	/**
	 * A new row for a citizen triaged on the intake page ("Tilføj som scenarie" on its
	 * result, for a user who also holds the policy role): {@code draft}, the draft
	 * chosen, and {@code citizen}, the facts, both posted; the row as for a citizen of
	 * the preview.
	 */
	@PostMapping("/workbench/scenarios/from-triage")
	String fromTriage(@RequestParam(defaultValue = "") String draft, @RequestParam(defaultValue = "") String citizen,
			Model model, HttpServletResponse response) {
		model.addAttribute("fromTriage", true);
		return fromCitizen(known(draft), citizen, model, response);
	}

	private String page(String id, ScenarioForm form, Integer edit, Model model) {
		Drafts.DraftView draft = this.drafts.view(known(id));
		model.addAttribute("draft", draft);
		model.addAttribute("table", this.table.table(id, LocaleContextHolder.getLocale()));
		model.addAttribute("facts", ScenarioForm.FACTS);
		model.addAttribute("form", form);
		// the row whose form is open: its place in the file, or -1 for a new one
		model.addAttribute("editing", (form == null) ? null : (edit != null) ? edit : -1);
		model.addAttribute("benefits", Benefit.values());
		model.addAttribute("potentials", EmploymentPotential.values());
		model.addAttribute("problemValues", Problem.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("areas", Area.values());
		model.addAttribute("flagValues", Flag.values());
		model.addAttribute("editable", draft.state().equals("DRAFT"));
		return "workbench/scenarios";
	}

	// the id of the control a field's error links to
	static String anchor(String field) {
		return switch (field) {
			case "/name", "/replaces" -> "s-name";
			case "/given/employmentPotential" -> "s-employmentPotential";
			case "/given/problems" -> "s-problems-" + Problem.values()[0].name();
			case "/expect/flags" -> "s-flags-" + Flag.values()[0].name();
			case "/expect/missingFacts" -> "s-missingFacts-" + ScenarioForm.FACTS.get(0);
			case "/expect/warnings" -> "s-warnings-unchecked";
			default -> "s-" + field.substring(field.lastIndexOf('/') + 1);
		};
	}

	private static String known(String id) {
		if (!DraftIds.valid(id)) {
			throw new DraftNotFound(id, "no draft " + id);
		}
		return id;
	}

}
