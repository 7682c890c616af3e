package dk.model3.intake;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.model3.decisions.AlreadyReviewed;
import dk.model3.decisions.Justifications;
import dk.model3.decisions.NotTheDecisionMaker;
import dk.model3.decisions.ReviewRequest;
import dk.model3.decisions.Reviews;
import dk.model3.decisions.UnknownDecision;
import dk.model3.publishing.RuleNames;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What follows a recommendation in the browser: the justification for the case file (as a
 * page ready to copy and as plain text), the caseworker's own decision (accept, or
 * another outcome with a reason code) and, for policy staff, how often reviews override
 * each rule. The same calls as the JSON API, behind the pages' sign-in.
 */
@Controller
class DecisionPagesController {

	private final Justifications justifications;

	private final Reviews reviews;

	private final MessageSource messages;

	private final RuleNames ruleNames;

	DecisionPagesController(Justifications justifications, Reviews reviews, MessageSource messages,
			RuleVersions versions) {
		this.ruleNames = new RuleNames(versions);
		this.justifications = justifications;
		this.reviews = reviews;
		this.messages = messages;
	}

	@GetMapping("/decisions/{decisionId}/justification")
	String justification(@PathVariable String decisionId, Model model, Locale locale, Principal principal) {
		model.addAttribute("decisionId", decisionId);
		model.addAttribute("justification",
				this.justifications.text(decisionId, language(locale), principal.getName(), "JUSTIFICATION_PAGE"));
		model.addAttribute("lang", language(locale));
		return "decisions/justification";
	}

	@GetMapping(path = "/decisions/{decisionId}/justification.txt", produces = "text/plain;charset=UTF-8")
	@ResponseBody
	ResponseEntity<String> justificationText(@PathVariable String decisionId,
			@RequestParam(defaultValue = "da") String lang, Principal principal) {
		String language = Justifications.LANGUAGES.contains(lang) ? lang : "da";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
			.body(this.justifications.text(decisionId, language, principal.getName(), "JUSTIFICATION_TEXT"));
	}

	@GetMapping("/decisions/{decisionId}/review")
	String review(@PathVariable String decisionId, Model model, Principal principal) {
		this.reviews.pageRead(decisionId, principal.getName());
		model.addAttribute("decisionId", decisionId);
		model.addAttribute("review", this.reviews.reviewOf(decisionId).orElse(null));
		choices(model);
		return "decisions/review";
	}

	@PostMapping("/decisions/{decisionId}/review")
	String saveReview(@PathVariable String decisionId, @RequestParam Map<String, String> form, Principal principal,
			Model model, Locale locale, HttpServletResponse response) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : List.of("result", "status", "tier", "responsibleArea", "reason")) {
			fields.put(name, form.get(name));
		}
		// a recommendation that is accepted sends only its result, like the JSON body
		if ("ACCEPTED".equals(fields.get("result"))) {
			fields.keySet().retainAll(List.of("result"));
		}
		try {
			this.reviews.review(decisionId, ReviewRequest.read(fields), principal.getName());
			return "redirect:/decisions/" + decisionId + "/review";
		}
		catch (InvalidRequest ex) {
			List<PageError> errors = new ArrayList<>();
			for (FieldError error : ex.errors()) {
				String field = Controls.field(error.field());
				String key = "review.error." + (field.isEmpty() ? "result" : field);
				errors.add(new PageError(field, "review-" + field, this.messages.getMessage(key, null, key, locale)));
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("decisionId", decisionId);
			model.addAttribute("errors", errors);
			model.addAttribute("chosen", fields);
			choices(model);
			return "decisions/review";
		}
		catch (AlreadyReviewed ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("decisionId", decisionId);
			model.addAttribute("review", ex.review());
			model.addAttribute("alreadyReviewed", true);
			choices(model);
			return "decisions/review";
		}
	}

	@GetMapping("/reviews")
	String summary(@RequestParam(required = false) String version, Model model) {
		String chosen = (version == null || version.isBlank()) ? null : version;
		model.addAttribute("version", chosen);
		model.addAttribute("summary", this.reviews.summary(chosen));
		model.addAttribute("ruleNames", this.ruleNames);
		return "decisions/summary";
	}

	@ExceptionHandler(NotTheDecisionMaker.class)
	String notTheDecisionMaker(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "decisions/not-yours";
	}

	@ExceptionHandler(UnknownDecision.class)
	String unknownDecision(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "decisions/unknown";
	}

	private void choices(Model model) {
		model.addAttribute("statuses", Status.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("areas", Area.values());
		model.addAttribute("reasons", this.reviews.reasons());
	}

	private static String language(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "da";
	}

}
