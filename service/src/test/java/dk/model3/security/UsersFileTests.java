package dk.model3.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UsersFileTests {

	private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("anne-s-long-password");

	@TempDir
	Path directory;

	private Path file(String... lines) throws Exception {
		return Files.write(this.directory.resolve("users"), List.of(lines));
	}

	@Test
	void readsUsersWithTheirRolesAndHashedPasswords() throws Exception {
		List<UserDetails> users = UsersFile
			.read(file("# staff", "", "anne:CASEWORKER:" + HASH, "bo.lind@kommune:CASEWORKER,POLICY:" + HASH), false);
		assertThat(users).extracting(UserDetails::getUsername).containsExactly("anne", "bo.lind@kommune");
		assertThat(users.get(1).getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_CASEWORKER", "ROLE_POLICY");
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
			.matches("anne-s-long-password", users.get(0).getPassword())).isTrue();
	}

	@Test
	void takesAPlainTextPasswordOnlyInDevelopmentMode() throws Exception {
		Path file = file("dev:CASEWORKER:{noop}dev");
		assertThat(UsersFile.read(file, true)).singleElement()
			.satisfies((user) -> assertThat(user.getPassword()).isEqualTo("{noop}dev"));
		assertThatIllegalStateException().isThrownBy(() -> UsersFile.read(file, false))
			.withMessageContaining("users:1: a {noop} (plain-text) password is for development mode only");
	}

	@Test
	void refusesAPasswordThatIsNotABcryptHashNamingTheLineButNotThePassword() throws Exception {
		assertThatIllegalStateException()
			.isThrownBy(() -> UsersFile.read(file("anne:CASEWORKER:" + HASH, "bo:POLICY:secret-in-clear"), false))
			.withMessageContaining("users:2: the password must be a {bcrypt} hash")
			.withMessageNotContaining("secret-in-clear");
	}

	@Test
	void refusesAnUnknownRoleAndAMalformedLine() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> UsersFile.read(file("anne:ADMIN:" + HASH), false))
			.withMessageContaining("users:1: unknown role \"ADMIN\"");
		assertThatIllegalStateException().isThrownBy(() -> UsersFile.read(file("anne-without-role"), false))
			.withMessageContaining("users:1: expected name:ROLE[,ROLE]:password");
	}

	@Test
	void refusesAUserDefinedTwiceInAnyCaseNamingTheLine() throws Exception {
		assertThatIllegalStateException()
			.isThrownBy(() -> UsersFile.read(file("anne:CASEWORKER:" + HASH, "# x", "anne:POLICY:" + HASH), false))
			.withMessageContaining("users:3: the user name \"anne\" is taken by \"anne\" on line 1");
		assertThatIllegalStateException()
			.isThrownBy(() -> UsersFile.read(file("anna:CASEWORKER:" + HASH, "Anna:POLICY:" + HASH), false))
			.withMessageContaining("users:2: the user name \"Anna\" is taken by \"anna\" on line 1; "
					+ "user names do not distinguish upper and lower case");
	}

	@Test
	void refusesTheNameOfABuiltInUserInAnyCase() throws Exception {
		assertThatIllegalStateException()
			.isThrownBy(() -> UsersFile.read(file("anne:CASEWORKER:" + HASH, "Policy:POLICY:" + HASH), false,
					List.of("caseworker", "policy")))
			.withMessageContaining("users:2: the user name \"Policy\" is taken by the built-in user \"policy\"");
	}

	@Test
	void findsAUserWhateverTheCaseOfTheNameAndGivesTheNameAsDefined() throws Exception {
		UserStore store = new UserStore(UsersFile.read(file("Anne.Holm:CASEWORKER:" + HASH), false));
		assertThat(store.loadUserByUsername("anne.holm").getUsername()).isEqualTo("Anne.Holm");
		assertThat(store.loadUserByUsername("ANNE.HOLM").getUsername()).isEqualTo("Anne.Holm");
		// Unicode case rules do not reach a stored name: the Kelvin sign is no k
		assertThatExceptionOfType(UsernameNotFoundException.class)
			.isThrownBy(() -> new UserStore(UsersFile.read(file("kim:CASEWORKER:" + HASH), false))
				.loadUserByUsername("\u212Aim"));
	}

	@Test
	void refusesTwoUsersWhoseNamesDifferOnlyInCase() throws Exception {
		List<UserDetails> users = List.of(User.withUsername("policy").password(HASH).roles("POLICY").build(),
				User.withUsername("Policy").password(HASH).roles("POLICY").build());
		assertThatIllegalStateException().isThrownBy(() -> new UserStore(users))
			.withMessageContaining("\"Policy\" is defined twice (as \"policy\"");
	}

}
