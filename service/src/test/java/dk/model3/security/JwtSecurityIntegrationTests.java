package dk.model3.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dk.model3.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWT mode against a key made here: no identity provider, no network. The roles come from
 * the configured claim ({@code groups}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "triage.security.mode=jwt", "triage.security.roles-claim=groups" })
class JwtSecurityIntegrationTests {

	static final KeyPair TRUSTED = rsa();

	private static final String BODY = """
			{"citizenRef":"jwt-1","age":34,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT"}""";

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void refusesRequestsWithoutAToken() {
		var response = this.http.post("/api/v1/triage", null, BODY);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.body()).contains("urn:model3:problem:unauthorized");
	}

	@Test
	void refusesTokensSignedByAnotherKeyAndBasicCredentials() {
		assertThat(this.http.post("/api/v1/triage", bearer(rsa(), List.of("CASEWORKER")), BODY).statusCode())
			.isEqualTo(401);
		assertThat(this.http.post("/api/v1/triage", HttpTestClient.CASEWORKER, BODY).statusCode()).isEqualTo(401);
	}

	@Test
	void mapsTheRolesClaimToRoles() {
		String caseworker = bearer(TRUSTED, List.of("CASEWORKER"));
		String policy = bearer(TRUSTED, List.of("POLICY", "SOMETHING_ELSE"));
		String nobody = bearer(TRUSTED, List.of("AUDITOR"));
		assertThat(this.http.post("/api/v1/triage", caseworker, BODY).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus", caseworker).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/actuator/prometheus", policy).statusCode()).isEqualTo(200);
		assertThat(this.http.post("/api/v1/triage", policy, BODY).statusCode()).isEqualTo(200);
		var forbidden = this.http.post("/api/v1/triage", nobody, BODY);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("urn:model3:problem:forbidden");
		assertThat(this.http.get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void letsABearerTokenLeaveOutTheTypeOfAnEmptyBodyButNeverTakesAForm() {
		String policy = bearer(TRUSTED, List.of("POLICY"));
		// a browser never adds a token by itself: a bodyless POST needs no Content-Type
		HttpResponse<String> reload = this.http.send(this.http.request("/api/v1/admin/rules/reload")
			.header("Authorization", policy)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		// the packaged rules cannot be reloaded: the call reached the service
		assertThat(reload.statusCode()).as(reload.body()).isEqualTo(409);
		assertThat(reload.body()).contains("rules-not-reloadable");
		HttpResponse<String> form = this.http.send(this.http.request("/api/v1/admin/rules/reload")
			.header("Authorization", policy)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("a=b"))
			.build());
		assertThat(form.statusCode()).isEqualTo(415);
		HttpResponse<String> crossSite = this.http.send(this.http.request("/api/v1/admin/rules/reload")
			.header("Authorization", policy)
			.header("Origin", "https://evil.example")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(crossSite.statusCode()).isEqualTo(403);
	}

	private static String bearer(KeyPair keys, List<String> groups) {
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.build();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject("someone@municipality")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.claim("groups", groups)
			.build();
		return "Bearer "
				+ encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
					.getTokenValue();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LocalKey {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) TRUSTED.getPublic()).build();
		}

	}

}
