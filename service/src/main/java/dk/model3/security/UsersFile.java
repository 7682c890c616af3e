package dk.model3.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Users beyond the built-in two, from the file {@code TRIAGE_USERS_FILE} names: one per
 * line, {@code name:ROLE[,ROLE]:password}, the password already hashed in Spring
 * Security's {@code {id}hash} form: {@code {bcrypt}…}, or {@code {noop}…} (plain text) in
 * development mode only. Blank lines and lines starting with {@code #} are skipped. A bad
 * line stops the start with its line number, never with its password; so does a name
 * another line or a built-in user has already taken in any case ({@code anna} and
 * {@code Anna} are one name, see {@link UserNames}).
 */
final class UsersFile {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	// bcrypt: $2a$, $2b$ or $2y$, a two-digit cost, then 53 characters of salt and hash
	private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private UsersFile() {
	}

	static List<UserDetails> read(Path file, boolean devMode) {
		return read(file, devMode, List.of());
	}

	/** The users of the file, none of them named as one of {@code builtIn}. */
	static List<UserDetails> read(Path file, boolean devMode, List<String> builtIn) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the users file " + file, ex);
		}
		Map<String, String> taken = new HashMap<>();
		for (String name : builtIn) {
			taken.put(UserNames.key(name), "the built-in user \"" + name + "\"");
		}
		List<UserDetails> users = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (!line.isEmpty() && !line.startsWith("#")) {
				String where = file + ":" + (i + 1) + ": ";
				UserDetails user = user(line, devMode, where);
				String name = user.getUsername();
				String earlier = taken.putIfAbsent(UserNames.key(name), "\"" + name + "\" on line " + (i + 1));
				if (earlier != null) {
					throw new IllegalStateException(where + "the user name \"" + name + "\" is taken by " + earlier
							+ "; user names do not distinguish upper and lower case");
				}
				users.add(user);
			}
		}
		return users;
	}

	private static UserDetails user(String line, boolean devMode, String where) {
		String[] parts = line.split(":", 3);
		if (parts.length != 3) {
			throw new IllegalStateException(where + "expected name:ROLE[,ROLE]:password");
		}
		String name = parts[0];
		if (!NAME.matcher(name).matches()) {
			throw new IllegalStateException(where + "a user name is 1-64 of A-Z a-z 0-9 . _ @ -");
		}
		Set<String> roles = new LinkedHashSet<>();
		for (String role : parts[1].split(",")) {
			if (!Roles.ALL.contains(role.strip())) {
				throw new IllegalStateException(where + "unknown role \"" + role.strip() + "\"; roles are "
						+ String.join(", ", Roles.ALL.stream().sorted().toList()));
			}
			roles.add(role.strip());
		}
		String password = parts[2];
		if (password.startsWith("{noop}")) {
			if (!devMode) {
				throw new IllegalStateException(where + "a {noop} (plain-text) password is for development mode only; "
						+ "store a {bcrypt} hash");
			}
		}
		else if (!BCRYPT.matcher(password).matches()) {
			throw new IllegalStateException(
					where + "the password must be a {bcrypt} hash, e.g. {bcrypt}$2a$10$… (see docs/operations.md)");
		}
		return User.withUsername(name).password(password).roles(roles.toArray(String[]::new)).build();
	}

}
