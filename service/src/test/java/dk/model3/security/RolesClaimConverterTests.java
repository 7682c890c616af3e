package dk.model3.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimConverterTests {

	@Test
	void mapsListsAndStringsOfKnownRoles() {
		assertThat(RolesClaimConverter.authorities(List.of("caseworker", "ROLE_POLICY"))).extracting(Object::toString)
			.containsExactly("ROLE_CASEWORKER", "ROLE_POLICY");
		assertThat(RolesClaimConverter.authorities("POLICY, other")).extracting(Object::toString)
			.containsExactly("ROLE_POLICY");
	}

	@Test
	void ignoresUnknownRolesAndMissingClaims() {
		assertThat(RolesClaimConverter.authorities(List.of("ADMIN", "ROLE_ADMIN"))).isEmpty();
		assertThat(RolesClaimConverter.authorities(null)).isEmpty();
		assertThat(RolesClaimConverter.authorities(42)).isEmpty();
	}

}
