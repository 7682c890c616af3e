package dk.model3.security;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Who may call what, by path, so endpoints added later fall under "authenticated" until a
 * rule here says more. Stateless: every request carries its credentials, so there is no
 * session to steal and no CSRF token. A browser may still hold Basic credentials and send
 * them with another site's form, so state-changing calls must come from no other site and
 * name a content type no form can send ({@link CrossSiteRequestFilter}), and a 401 never
 * asks a browser for a password ({@link SecurityProblems}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
		boolean jwt = properties.mode() == SecurityProperties.Mode.JWT;
		SecurityProblems problems = SecurityProblems.of(properties.mode());
		// the JSON API and its documentation; pages have their own chain
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
				"/swagger-ui.html", "/swagger-ui/**")
			.csrf(AbstractHttpConfigurer::disable)
			// where the CSRF check would be: before any credential is looked at
			.addFilterBefore(new CrossSiteRequestFilter(properties.allowedOrigins()), CsrfFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests
				// an error page carries the status of a request already authorised
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Roles.POLICY)
				.requestMatchers("/api/v1/admin/**")
				.hasRole(Roles.POLICY)
				// the rule workbench (package dk.model3.workbench)
				.requestMatchers("/api/v1/drafts", "/api/v1/drafts/**", "/api/v1/versions/**")
				.hasRole(Roles.POLICY)
				.requestMatchers(HttpMethod.POST, "/api/v1/triage")
				.hasAnyRole(Roles.CASEWORKER, Roles.POLICY)
				.requestMatchers(HttpMethod.GET, "/api/v1/reviews/**")
				.hasRole(Roles.POLICY)
				.requestMatchers("/api/v1/decisions/**", "/api/v1/review-reasons")
				.hasAnyRole(Roles.CASEWORKER, Roles.POLICY)
				.requestMatchers(HttpMethod.GET, "/api/v1/ping", "/api/v1/rules", "/api/v1/rules/**", "/rules",
						"/rules/**")
				.hasAnyRole(Roles.CASEWORKER, Roles.POLICY)
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
						"/swagger-ui/**")
				.authenticated()
				.anyRequest()
				.authenticated());
		if (jwt) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((token) -> token.jwtAuthenticationConverter(new RolesClaimConverter(properties.rolesClaim())))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		}
		else {
			http.httpBasic((basic) -> basic.authenticationEntryPoint(problems));
		}
		return http.build();
	}

	/**
	 * The users who sign in with a password: the built-in two and those of the users
	 * file. In JWT mode there are none (an empty store also keeps Spring Boot from
	 * generating its own default user).
	 */
	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties, PasswordEncoder encoder) {
		if (properties.mode() == SecurityProperties.Mode.JWT) {
			return new UserStore(List.of());
		}
		List<UserDetails> users = new ArrayList<>(BuiltInUsers.of(properties, encoder));
		if (properties.usersFile() != null && !properties.usersFile().toString().isBlank()) {
			users.addAll(UsersFile.read(properties.usersFile(), properties.devMode(),
					users.stream().map(UserDetails::getUsername).toList()));
		}
		UserStore store = new UserStore(users);
		log.info("Users who may sign in: {}{}", String.join(", ", store.names()),
				properties.devMode() ? " (development mode: short and plain-text passwords allowed)" : "");
		return store;
	}

	/** Stored passwords are bcrypt hashes; verified ones are remembered for a while. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				Ticker.systemTicker());
	}

	/** Every password sign-in goes through the failure limits. */
	@Bean
	GuardedSignIn guardedSignIn(UserDetailsService users, PasswordEncoder encoder, SecurityProperties properties) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new GuardedSignIn(passwords, new SignInGuard(properties.signIn(), Ticker.systemTicker()));
	}

}
