package dk.model3.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.model3.decisions.Reviews;
import dk.model3.facts.Area;
import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.request.CprNumbers;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.NoVersionInForce;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.versions.UnknownVersion;
import dk.model3.triage.Triage;
import dk.model3.response.TriageResponse;
import dk.model3.triage.VersionNotInForce;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The intake page at {@code /}: GET shows an empty form, POST checks it with the API's
 * request reader, decides it like the API does and shows the result, or the form with its
 * errors. The result page sends the caseworker back to the form (to one field, for a
 * missing fact) by posting the answers to {@code /ret}: a citizen's answers never travel
 * in a URL, where browser history and proxy logs would keep them.
 */
@Controller
class IntakeController {

	private static final Logger log = LoggerFactory.getLogger(IntakeController.class);

	private final Triage triage;

	private final RuleVersions versions;

	private final MessageSource messages;

	private final Reviews reviews;

	private final ObjectProvider<OpenDrafts> openDrafts;

	IntakeController(Triage triage, RuleVersions versions, Reviews reviews, MessageSource messages,
			ObjectProvider<OpenDrafts> openDrafts) {
		this.triage = triage;
		this.versions = versions;
		this.reviews = reviews;
		this.messages = messages;
		this.openDrafts = openDrafts;
	}

	@GetMapping("/")
	String form(Model model, HttpServletRequest request) {
		// policy staff who are not caseworkers start on their own page
		if (request.isUserInRole("POLICY") && !request.isUserInRole("CASEWORKER")) {
			return "forward:/start";
		}
		model.addAttribute("form", IntakeForm.empty());
		choices(model);
		return "triage/form";
	}

	/** The form filled in with the answers a result page posted back, to correct them. */
	@PostMapping("/ret")
	String correct(@ModelAttribute("form") IntakeForm form, Model model) {
		model.addAttribute("form", form.withoutCpr());
		choices(model);
		return "triage/form";
	}

	@PostMapping("/")
	String triage(@ModelAttribute("form") IntakeForm form, Model model, Locale locale, HttpServletRequest http,
			HttpServletResponse response) {
		List<PageError> errors = new ArrayList<>();
		TriageResponse result = null;
		try {
			TriageRequest request = RequestReader.read(form.json());
			result = this.triage.decide(request,
					http.isUserInRole("POLICY") ? Triage.Pinning.ANY_ACTIVE : Triage.Pinning.IN_FORCE_ONLY);
			// the decision id and the decision, never the case reference or the profile
			log.info("page triage decisionId={} rulesVersion={} status={} tier={} flags={}", result.decisionId(),
					result.rulesVersion(), result.status(), result.tier(), result.flags());
		}
		catch (InvalidRequest ex) {
			for (FieldError error : ex.errors()) {
				errors.add(error(error, form, locale));
			}
		}
		catch (UnknownVersion ex) {
			errors.add(error("rulesVersion", "error.rulesVersion.unknown", locale));
		}
		catch (VersionNotInForce ex) {
			errors.add(error("rulesVersion", "error.rulesVersion.notInForce", locale));
		}
		catch (NoVersionInForce ex) {
			errors.add(error("assessmentDate", "error.assessmentDate.noVersion", locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			choices(model);
			// a CPR number is never shown back, not even to the person who typed it
			model.addAttribute("form", form.withoutCpr());
			model.addAttribute("errors", errors);
			model.addAttribute("fieldErrors", byField(errors));
			return "triage/form";
		}
		model.addAttribute("result", result);
		// the review forms under the result
		model.addAttribute("statuses", Status.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("areas", Area.values());
		model.addAttribute("reasons", this.reviews.reasons());
		model.addAttribute("missing", missing(result, locale));
		scenarioChoice(form, model, locale, http);
		return "triage/result";
	}

	// "Tilføj som scenarie" for a user who also holds the policy role, while the
	// workbench
	// is on: the open drafts, and the citizen's facts (never the case reference, date or
	// version) for the form to post, never to put in an address or a log
	private void scenarioChoice(IntakeForm form, Model model, Locale locale, HttpServletRequest http) {
		OpenDrafts drafts = http.isUserInRole("POLICY") ? this.openDrafts.getIfAvailable() : null;
		if (drafts == null) {
			return;
		}
		ObjectNode facts = form.json();
		facts.remove(List.of("citizenRef", "assessmentDate", "rulesVersion"));
		model.addAttribute("scenarioDrafts", drafts.open(locale));
		model.addAttribute("scenarioFacts", facts.toString());
	}

	private void choices(Model model) {
		model.addAttribute("benefits", Benefit.values());
		model.addAttribute("potentials", EmploymentPotential.values());
		model.addAttribute("problemValues", Problem.values());
		model.addAttribute("versions", this.versions.active().stream().map(CompiledRules::version).sorted().toList());
	}

	private PageError error(FieldError error, IntakeForm form, Locale locale) {
		String field = Controls.field(error.field());
		String key = "error." + field;
		if ("citizenRef".equals(field) && form.citizenRef() != null && CprNumbers.contains(form.citizenRef())) {
			key = "error.citizenRef.cpr";
		}
		else if ("is required".equals(error.message())) {
			key = "error." + field + ".required";
		}
		return error(field, key, locale);
	}

	private PageError error(String field, String key, Locale locale) {
		return new PageError(field, Controls.anchor(field), this.messages.getMessage(key, null, key, locale));
	}

	// the summary lists every error; at the field one message is enough
	private static Map<String, String> byField(List<PageError> errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.forEach((error) -> byField.putIfAbsent(error.field(), error.message()));
		return byField;
	}

	// as in the journal text: a yes/no is always answered (an unticked box is "no"), so
	// a 15-17 year old without social measures reads the assessment the next step names,
	// not a fact to go back for
	private List<MissingFact> missing(TriageResponse result, Locale locale) {
		return RequestReader.notAnswered(result.missingFacts())
			.stream()
			.map((field) -> new MissingFact(field,
					this.messages.getMessage("field." + field + ".label", null, field, locale), Controls.anchor(field)))
			.toList();
	}

	/** A fact that would decide the case, with the id of its control on the form. */
	record MissingFact(String field, String label, String anchor) {

	}

}
