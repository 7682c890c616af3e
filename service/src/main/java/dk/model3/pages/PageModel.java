package dk.model3.pages;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows on every page: who is signed in (for the sign-out button) and
 * where the language switch leads (the same page for a GET, the intake page otherwise).
 */
@ControllerAdvice(
		basePackages = { "dk.model3.pages", "dk.model3.intake", "dk.model3.publishing", "dk.model3.workbench" })
class PageModel {

	@ModelAttribute("signedIn")
	String signedIn(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	/** Whether the layout links to the pages of policy staff. */
	@ModelAttribute("policy")
	boolean policy(HttpServletRequest request) {
		return request.isUserInRole("POLICY");
	}

	@ModelAttribute("here")
	String here(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) ? request.getRequestURI() : "/";
	}

}
