package dk.model3.workbench;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.language.RuleEdit;
import dk.model3.versions.ConditionalOnVersionStore;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guided view's pages: a draft's rules with a link to each rule's form, and the form
 * itself, the default way to change a rule (the draft page's text editor is the advanced
 * way). The form posts the values ({@code value-N}), the texts ({@code text-da} …) and
 * the checksum of the file it showed ({@code seen}); a refusal is shown in the error
 * summary and at its field, a save with the draft's validation and a way to run the
 * checks.
 */
@Controller
@ConditionalOnVersionStore
class GuidedRulePagesController {

	// the texts a page shows in a text area: one paragraph, so a line break is a space
	private static final List<String> LONG_TEXTS = List.of("da", "en", "nextDa", "nextEn");

	private final Drafts drafts;

	private final GuidedRules rules;

	private final MessageSource messages;

	GuidedRulePagesController(Drafts drafts, GuidedRules rules, MessageSource messages) {
		this.drafts = drafts;
		this.rules = rules;
		this.messages = messages;
	}

	@GetMapping("/workbench/drafts/{id}/rules")
	String list(@PathVariable String id, Model model) {
		model.addAttribute("draft", this.drafts.view(known(id)));
		model.addAttribute("files", this.rules.list(id, lang()));
		return "workbench/rules";
	}

	@GetMapping("/workbench/drafts/{id}/rules/{ruleId}")
	String form(@PathVariable String id, @PathVariable String ruleId, Model model) {
		model.addAttribute("draft", this.drafts.view(known(id)));
		model.addAttribute("form", this.rules.form(id, ruleId, lang()));
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", List.of());
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "workbench/rule";
	}

	@PostMapping("/workbench/drafts/{id}/rules/{ruleId}")
	String save(@PathVariable String id, @PathVariable String ruleId, @RequestParam Map<String, String> sent,
			Principal user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		known(id);
		Map<Integer, String> values = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		sent.forEach((name, value) -> {
			if (name.matches("value-\\d{1,4}")) {
				values.put(Integer.parseInt(name.substring("value-".length())), value);
			}
			else if (name.startsWith("text-")) {
				String text = name.substring("text-".length());
				texts.put(text, LONG_TEXTS.contains(text) ? value.replaceAll("\\s*[\\r\\n]+\\s*", " ") : value);
			}
		});
		try {
			GuidedRules.Saved saved = this.rules.save(id, ruleId, values, texts, sent.get("seen"), user.getName());
			redirect.addFlashAttribute("saved", saved);
			redirect.addFlashAttribute("problems", saved.problems());
			if (!saved.problems().isEmpty()) {
				redirect.addFlashAttribute("errors", saved.problems().stream().map(this::pageProblem).toList());
			}
			return "redirect:/workbench/drafts/" + id + "/rules/" + ruleId;
		}
		catch (GuidedRules.Refused ex) {
			GuidedRules.Form form = this.rules.form(id, ruleId, lang());
			List<WorkbenchPagesController.PageProblem> errors = new ArrayList<>();
			Map<String, String> fieldErrors = new LinkedHashMap<>();
			for (RuleEdit.Refusal refusal : ex.refusals()) {
				String field = refusal.field().replace("values/", "value-").replace("texts/", "text-");
				String message = capitalized(refusal.message());
				fieldErrors.put(field, message);
				errors.add(new WorkbenchPagesController.PageProblem(field.equals("seen") ? "rule-form" : field, field,
						label(form, field) + message));
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("draft", this.drafts.view(id));
			model.addAttribute("form", withSent(form, values, texts));
			model.addAttribute("errors", errors);
			model.addAttribute("fieldErrors", fieldErrors);
			model.addAttribute("problems", List.of());
			return "workbench/rule";
		}
		catch (DraftRefused ex) {
			redirect.addFlashAttribute("errors", List
				.of(new WorkbenchPagesController.PageProblem("rule-form", "rule", message("guided.notEditable"))));
			return "redirect:/workbench/drafts/" + id + "/rules/" + ruleId;
		}
	}

	/** The template of a new flag rule. */
	@GetMapping("/workbench/drafts/{id}/rules/new-flag")
	String template(@PathVariable String id, Model model) {
		model.addAttribute("draft", this.drafts.view(known(id)));
		model.addAttribute("template", this.rules.template(id, lang()));
		if (!model.containsAttribute("sent")) {
			model.addAttribute("sent", Map.of());
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "workbench/new-flag";
	}

	/**
	 * A new flag rule from the template: {@code id}, {@code flag}, {@code text-…}, and
	 * {@code cond-…} for each condition it has (left empty: not a condition).
	 */
	@PostMapping("/workbench/drafts/{id}/rules/new-flag")
	String addFlag(@PathVariable String id, @RequestParam Map<String, String> sent, Principal user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		known(id);
		Map<String, String> texts = new LinkedHashMap<>();
		Map<RuleEdit.TemplateCondition, String> conditions = new LinkedHashMap<>();
		for (String text : List.of("source", "section", "da", "en", "nextDa", "nextEn")) {
			String value = sent.getOrDefault("text-" + text, "");
			texts.put(text, LONG_TEXTS.contains(text) ? value.replaceAll("\\s*[\\r\\n]+\\s*", " ") : value);
		}
		for (RuleEdit.TemplateCondition condition : RuleEdit.TemplateCondition.values()) {
			String value = sent.getOrDefault("cond-" + condition.name(), "");
			if (!value.isBlank()) {
				conditions.put(condition, value);
			}
		}
		String ruleId = sent.getOrDefault("id", "").strip();
		try {
			GuidedRules.Saved saved = this.rules.addFlag(id,
					new RuleEdit.FlagTemplate(ruleId, sent.get("flag"), texts, conditions), null, user.getName());
			redirect.addFlashAttribute("saved", saved);
			redirect.addFlashAttribute("problems", saved.problems());
			if (!saved.problems().isEmpty()) {
				redirect.addFlashAttribute("errors", saved.problems().stream().map(this::pageProblem).toList());
			}
			return "redirect:/workbench/drafts/" + id + "/rules/" + ruleId;
		}
		catch (GuidedRules.Refused ex) {
			List<WorkbenchPagesController.PageProblem> errors = new ArrayList<>();
			Map<String, String> fieldErrors = new LinkedHashMap<>();
			for (RuleEdit.Refusal refusal : ex.refusals()) {
				String field = refusal.field().replace("texts/", "text-").replace("conditions/", "cond-");
				String anchor = field.equals("conditions") ? "cond-" + RuleEdit.TemplateCondition.values()[0].name()
						: field;
				String label = field.startsWith("text-") ? message("guided.text." + field.substring(5))
						: message("guided.template." + field.replace("cond-", ""));
				fieldErrors.put(field, capitalized(refusal.message()));
				errors.add(new WorkbenchPagesController.PageProblem(anchor, field,
						label + ": " + capitalized(refusal.message())));
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", errors);
			model.addAttribute("fieldErrors", fieldErrors);
			model.addAttribute("sent", sent);
			return template(id, model);
		}
		catch (DraftRefused ex) {
			redirect.addFlashAttribute("errors",
					List.of(new WorkbenchPagesController.PageProblem("id", "rule", message("guided.notEditable"))));
			return "redirect:/workbench/drafts/" + id + "/rules/new-flag";
		}
	}

	/** Removes a flag rule, once the consultant ticked that they mean it. */
	@PostMapping("/workbench/drafts/{id}/rules/{ruleId}/removal")
	String remove(@PathVariable String id, @PathVariable String ruleId, @RequestParam(required = false) String confirm,
			Principal user, RedirectAttributes redirect) {
		known(id);
		if (!"true".equals(confirm)) {
			redirect.addFlashAttribute("errors", List.of(new WorkbenchPagesController.PageProblem("confirm-removal",
					"confirm", message("guided.remove.confirmMissing"))));
			return "redirect:/workbench/drafts/" + id + "/rules/" + ruleId;
		}
		try {
			GuidedRules.Saved saved = this.rules.remove(id, ruleId, null, user.getName());
			redirect.addFlashAttribute("removed", ruleId);
			if (!saved.problems().isEmpty()) {
				redirect.addFlashAttribute("errors", saved.problems().stream().map(this::pageProblem).toList());
			}
			return "redirect:/workbench/drafts/" + id + "/rules";
		}
		catch (GuidedRules.Refused ex) {
			redirect.addFlashAttribute("errors", List.of(new WorkbenchPagesController.PageProblem("confirm-removal",
					"ruleId", capitalized(ex.refusals().get(0).message()))));
		}
		catch (DraftRefused ex) {
			redirect.addFlashAttribute("errors", List.of(new WorkbenchPagesController.PageProblem("confirm-removal",
					"rule", message("guided.notEditable"))));
		}
		return "redirect:/workbench/drafts/" + id + "/rules/" + ruleId;
	}

	// the form as sent, so a refused save shows what was typed
	private static GuidedRules.Form withSent(GuidedRules.Form form, Map<Integer, String> values,
			Map<String, String> texts) {
		List<GuidedRules.ConditionForm> conditions = form.conditions()
			.stream()
			.map((condition) -> new GuidedRules.ConditionForm(condition.words(),
					condition.fields()
						.stream()
						.map((field) -> new GuidedRules.Field(field.index(), field.label(), field.kind(),
								values.getOrDefault(field.index(), field.value()), field.choices()))
						.toList()))
			.toList();
		List<GuidedRules.Text> shown = form.texts()
			.stream()
			.map((text) -> new GuidedRules.Text(text.name(), texts.getOrDefault(text.name(), text.value())))
			.toList();
		return new GuidedRules.Form(form.draft(), form.file(), form.ruleId(), form.name(), shown, form.sources(),
				conditions, form.seen());
	}

	// "Alder mindst: " for a value, "Teksten på dansk: " for a text
	private String label(GuidedRules.Form form, String field) {
		if (field.startsWith("value-")) {
			int index = Integer.parseInt(field.substring("value-".length()));
			return form.conditions()
				.stream()
				.flatMap((condition) -> condition.fields().stream())
				.filter((each) -> each.index() == index)
				.map((each) -> each.label() + ": ")
				.findFirst()
				.orElse("");
		}
		if (field.startsWith("text-")) {
			return message("guided.text." + field.substring("text-".length())) + ": ";
		}
		return "";
	}

	private WorkbenchPagesController.PageProblem pageProblem(CheckResults.Problem problem) {
		String where = problem.file() + ((problem.line() > 0) ? " " + message("workbench.line", problem.line()) : "");
		return new WorkbenchPagesController.PageProblem("saved", problem.file(), where + ": " + problem.message());
	}

	private static String capitalized(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private static String known(String id) {
		if (!DraftIds.valid(id)) {
			throw new DraftNotFound(id, "no draft " + id);
		}
		return id;
	}

	// the page's language for the rules' words: "en" on the English pages, else Danish
	private static String lang() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "da";
	}

}
