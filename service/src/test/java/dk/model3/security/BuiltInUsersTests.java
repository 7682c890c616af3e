package dk.model3.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BuiltInUsersTests {

	private final ConstantTimePasswordEncoder encoder = new ConstantTimePasswordEncoder();

	@Test
	void usesConfiguredPasswordsAndNeverLogsThem(CapturedOutput output) {
		InMemoryUserDetailsManager users = BuiltInUsers
			.of(new SecurityProperties(null, "configured-cw-secret", "configured-policy-secret", null), this.encoder);
		assertThat(this.encoder.matches("configured-cw-secret", users.loadUserByUsername("caseworker").getPassword()))
			.isTrue();
		assertThat(this.encoder.matches("configured-policy-secret", users.loadUserByUsername("policy").getPassword()))
			.isTrue();
		assertThat(output).doesNotContain("configured-cw-secret").doesNotContain("configured-policy-secret");
		assertThat(output).doesNotContain("generated password");
	}

	@Test
	void generatesAndLogsOnceAPasswordThatIsNotSet(CapturedOutput output) {
		InMemoryUserDetailsManager users = BuiltInUsers
			.of(new SecurityProperties(null, "", "configured-policy-secret", null), this.encoder);
		String line = output.getAll()
			.lines()
			.filter((text) -> text.contains("generated password for user 'caseworker'"))
			.findFirst()
			.orElseThrow();
		String generated = line.substring(line.lastIndexOf(' ') + 1);
		UserDetails caseworker = users.loadUserByUsername("caseworker");
		assertThat(this.encoder.matches(generated, caseworker.getPassword())).isTrue();
		assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
		assertThat(output.getAll().split("generated password for user", -1)).hasSize(2);
	}

	@Test
	void givesEachUserItsRole() {
		InMemoryUserDetailsManager users = BuiltInUsers.of(new SecurityProperties(null, "a", "b", null), this.encoder);
		assertThat(users.loadUserByUsername("caseworker").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_CASEWORKER");
		assertThat(users.loadUserByUsername("policy").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_POLICY");
	}

	@Test
	void comparesPasswordsByDigest() {
		String encoded = this.encoder.encode("secret");
		assertThat(encoded).doesNotContain("secret");
		assertThat(this.encoder.matches("secret", encoded)).isTrue();
		assertThat(this.encoder.matches("secreT", encoded)).isFalse();
		assertThat(this.encoder.matches("", encoded)).isFalse();
	}

}
