package dk.model3.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles what it posts. With an OIDC provider
 * registered (jwt mode), people sign in there instead of with a password.
 */
@Controller
class LoginController {

	private final boolean oidc;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
		this.oidc = oidcProviders.getIfAvailable() != null;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("oidc", this.oidc);
		return "login";
	}

}
