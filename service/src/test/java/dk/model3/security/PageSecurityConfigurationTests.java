package dk.model3.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class PageSecurityConfigurationTests {

	@Test
	void takesAPersonsRolesFromTheIdTokensRolesClaim() {
		OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "anna", "groups", List.of("caseworker", "other-group")));

		var mapped = PageSecurityConfiguration.roles("groups").mapAuthorities(Set.of(new OidcUserAuthority(token)));

		assertThat(mapped).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_CASEWORKER");
	}

	@Test
	void givesNoRoleWithoutTheClaim() {
		OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "anna"));

		assertThat(PageSecurityConfiguration.roles("roles").mapAuthorities(Set.of(new OidcUserAuthority(token))))
			.isEmpty();
	}

}
