package dk.model3.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The pages people use in a browser: everything outside the JSON API. Unlike the API they
 * keep a session (a cookie, an idle timeout set by
 * {@code server.servlet.session.timeout}) and so need CSRF protection on every form;
 * people sign in on {@code /login}, or in jwt mode through the municipality's OIDC
 * provider. A Content-Security-Policy lets the pages load only the service's own scripts,
 * styles, fonts and images.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "font-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; object-src 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<ClientRegistrationRepository> oidcProviders) throws Exception {
		boolean jwt = properties.mode() == SecurityProperties.Mode.JWT;
		SecurityProblems problems = SecurityProblems.of(properties.mode());
		RequestMatcher browser = browser();
		http.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/login", "/login/**", "/oauth2/**", "/dkfds/**", "/css/**", "/js/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/start", "/reviews", "/reviews/**", "/workbench", "/workbench/**")
			.hasRole(Roles.POLICY)
			.requestMatchers("/", "/ret", "/decisions/**", "/rules", "/rules/**")
			.hasAnyRole(Roles.CASEWORKER, Roles.POLICY)
			.anyRequest()
			.authenticated())
			// a browser is sent to the sign-in page; a script gets the API's 401 and 403
			// problems
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(signInPage(), browser)
				.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), browser)
				.defaultAccessDeniedHandlerFor(problems, AnyRequestMatcher.INSTANCE))
			.sessionManagement((session) -> session.invalidSessionUrl("/login?expired"))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		ClientRegistrationRepository oidc = oidcProviders.getIfAvailable();
		if (jwt && oidc != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.userInfoEndpoint((userInfo) -> userInfo.userAuthoritiesMapper(roles(properties.rolesClaim()))));
		}
		if (!jwt) {
			http.formLogin(
					(login) -> login.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
				// scripts may read the catalogue pages with the API's Basic credentials
				.httpBasic((basic) -> basic.authenticationEntryPoint(problems));
		}
		return http.build();
	}

	// "/login", not an address built from the request's Host header, which the client
	// chooses (server.tomcat.use-relative-redirects keeps every other redirect relative)
	private static LoginUrlAuthenticationEntryPoint signInPage() {
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		signIn.setFavorRelativeUris(true);
		return signIn;
	}

	private static RequestMatcher browser() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

	/** The roles named by the ID token's (or user info's) roles claim, as for tokens. */
	static GrantedAuthoritiesMapper roles(String claim) {
		return (Collection<? extends GrantedAuthority> authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>();
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidc) {
					mapped.addAll(RolesClaimConverter.authorities(oidc.getIdToken().getClaims().get(claim)));
					if (oidc.getUserInfo() != null) {
						mapped.addAll(RolesClaimConverter.authorities(oidc.getUserInfo().getClaims().get(claim)));
					}
				}
				else if (authority instanceof OAuth2UserAuthority oauth2) {
					mapped.addAll(RolesClaimConverter.authorities(oauth2.getAttributes().get(claim)));
				}
			}
			return mapped;
		};
	}

}
