package dk.model3.security;

import java.net.URI;
import java.net.http.HttpResponse;

import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's sign-in in jwt mode, as far as it goes without an identity provider: the pages
 * send a browser to the municipality's provider with a proper authorization request. The
 * provider's addresses are never contacted here (the .invalid domain cannot resolve); the
 * round trip back with a code needs a real provider (docs/operations.md).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "triage.security.mode=jwt",
		"triage.security.roles-claim=groups",
		"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.invalid/certs",
		"spring.security.oauth2.client.registration.municipality.client-id=model3-triage",
		"spring.security.oauth2.client.registration.municipality.client-secret=test-secret",
		"spring.security.oauth2.client.registration.municipality.scope=openid",
		"spring.security.oauth2.client.registration.municipality.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.municipality.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.municipality.authorization-uri=https://idp.invalid/auth",
		"spring.security.oauth2.client.provider.municipality.token-uri=https://idp.invalid/token",
		"spring.security.oauth2.client.provider.municipality.jwk-set-uri=https://idp.invalid/certs",
		"spring.security.oauth2.client.provider.municipality.user-name-attribute=sub" })
class OidcLoginIntegrationTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void offersTheMunicipalitysSignInInsteadOfAPassword() {
		HttpResponse<String> login = this.http.get("/login", null);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("href=\"/oauth2/authorization/municipality\"")
			.doesNotContain("name=\"password\"");
	}

	@Test
	void sendsTheBrowserToTheProviderWithAnAuthorizationRequest() {
		HttpResponse<String> response = this.http.get("/oauth2/authorization/municipality", null);

		assertThat(response.statusCode()).isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(location.getHost()).isEqualTo("idp.invalid");
		var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("client_id")).isEqualTo("model3-triage");
		assertThat(query.getFirst("scope")).isEqualTo("openid");
		assertThat(query.getFirst("state")).isNotBlank();
		assertThat(query.getFirst("nonce")).isNotBlank();
		assertThat(query.getFirst("redirect_uri")).contains("/login/oauth2/code/municipality");
	}

	@Test
	void keepsTheApiOnBearerTokens() {
		HttpResponse<String> response = this.http.post("/api/v1/triage", null, "{}");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

}
