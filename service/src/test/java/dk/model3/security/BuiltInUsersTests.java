package dk.model3.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class BuiltInUsersTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@TempDir
	Path directory;

	private SecurityProperties properties(String caseworker, String policy, boolean devMode) {
		return new SecurityProperties(SecurityProperties.Mode.BASIC, caseworker, policy, "roles", devMode, null,
				this.directory.resolve("data/generated-passwords"),
				new SecurityProperties.SignIn(5, 50, java.time.Duration.ofMinutes(5)), List.of());
	}

	private static UserDetails named(List<UserDetails> users, String name) {
		return users.stream().filter((user) -> user.getUsername().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void storesConfiguredPasswordsAsBcryptAndNeverLogsThem(CapturedOutput output) {
		List<UserDetails> users = BuiltInUsers.of(properties("configured-cw-secret", "configured-policy-secret", false),
				this.encoder);
		String stored = named(users, "caseworker").getPassword();
		assertThat(stored).startsWith("{bcrypt}$2a$").doesNotContain("configured-cw-secret");
		assertThat(this.encoder.matches("configured-cw-secret", stored)).isTrue();
		assertThat(this.encoder.matches("configured-policy-secret", named(users, "policy").getPassword())).isTrue();
		assertThat(output).doesNotContain("configured-cw-secret").doesNotContain("configured-policy-secret");
		assertThat(Files.exists(this.directory.resolve("data"))).isFalse();
	}

	@Test
	void refusesToStartWithAShortPassword() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> BuiltInUsers.of(properties("short-pass", "configured-policy-secret", false), this.encoder))
			.withMessageContaining("TRIAGE_CASEWORKER_PASSWORD is 10 characters long; at least 12")
			.withMessageNotContaining("short-pass");
	}

	@Test
	void acceptsAShortPasswordInDevelopmentMode() {
		List<UserDetails> users = BuiltInUsers.of(properties("dev", "dev", true), this.encoder);
		assertThat(this.encoder.matches("dev", named(users, "caseworker").getPassword())).isTrue();
	}

	@Test
	void generatesAMissingPasswordIntoAnOwnerOnlyFileAndNeverLogsIt(CapturedOutput output) throws Exception {
		List<UserDetails> users = BuiltInUsers.of(properties("", "configured-policy-secret", false), this.encoder);
		Path file = this.directory.resolve("data/generated-passwords");
		String line = Files.readAllLines(file)
			.stream()
			.filter((text) -> text.startsWith("caseworker:"))
			.findFirst()
			.orElseThrow();
		String generated = line.substring("caseworker:".length());
		assertThat(generated).hasSizeGreaterThanOrEqualTo(SecurityProperties.MIN_PASSWORD_LENGTH);
		assertThat(this.encoder.matches(generated, named(users, "caseworker").getPassword())).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(output).doesNotContain(generated).contains(file.toString()).contains("TRIAGE_CASEWORKER_PASSWORD");
	}

	@Test
	void keepsTheGeneratedPasswordAcrossStarts() throws Exception {
		BuiltInUsers.of(properties("", "", false), this.encoder);
		List<String> first = Files.readAllLines(this.directory.resolve("data/generated-passwords"));
		List<UserDetails> again = BuiltInUsers.of(properties("", "", false), this.encoder);
		assertThat(Files.readAllLines(this.directory.resolve("data/generated-passwords"))).isEqualTo(first);
		String policy = first.stream().filter((text) -> text.startsWith("policy:")).findFirst().orElseThrow();
		assertThat(this.encoder.matches(policy.substring("policy:".length()), named(again, "policy").getPassword()))
			.isTrue();
	}

	@Test
	void refusesAGeneratedPasswordsFileOthersCanRead() throws Exception {
		BuiltInUsers.of(properties("", "", false), this.encoder);
		Path file = this.directory.resolve("data/generated-passwords");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatIllegalStateException().isThrownBy(() -> BuiltInUsers.of(properties("", "", false), this.encoder))
			.withMessageContaining("chmod 600");
	}

	@Test
	void givesEachUserItsRole() {
		List<UserDetails> users = BuiltInUsers.of(properties("a-long-enough-one", "another-long-one", false),
				this.encoder);
		assertThat(named(users, "caseworker").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_CASEWORKER");
		assertThat(named(users, "policy").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_POLICY");
	}

}
