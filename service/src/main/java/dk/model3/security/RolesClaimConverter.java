package dk.model3.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps the configured claim of a token to the service's roles. The claim may be a list or
 * a space- or comma-separated string; values are matched without regard to case and an
 * optional {@code ROLE_} prefix; values that name no role of this service are ignored.
 */
final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String claim;

	RolesClaimConverter(String claim) {
		this.claim = claim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims().get(this.claim)), jwt.getSubject());
	}

	static List<GrantedAuthority> authorities(Object claimValue) {
		List<String> values = new ArrayList<>();
		if (claimValue instanceof Collection<?> collection) {
			collection.forEach((value) -> values.add(String.valueOf(value)));
		}
		else if (claimValue instanceof String text) {
			values.addAll(List.of(text.split("[\\s,]+")));
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String value : values) {
			String role = value.trim().toUpperCase(java.util.Locale.ROOT);
			role = role.startsWith("ROLE_") ? role.substring(5) : role;
			if (Roles.ALL.contains(role)) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
			}
		}
		return authorities;
	}

}
