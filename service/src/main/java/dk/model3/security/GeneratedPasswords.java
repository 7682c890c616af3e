package dk.model3.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Passwords for built-in users that have none configured: generated once, kept in a file
 * only the service's user may read ({@code name:password} per line), and reused at every
 * start, so the README's plain {@code java -jar} works without setup and without a
 * password ever reaching the log. An operator reads the file, or sets the passwords.
 */
final class GeneratedPasswords {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path file;

	private final Map<String, String> passwords = new LinkedHashMap<>();

	GeneratedPasswords(Path file) {
		this.file = file.toAbsolutePath();
		read();
	}

	Path file() {
		return this.file;
	}

	/** The user's generated password: the one in the file, or a new one written to it. */
	String passwordFor(String user) {
		String password = this.passwords.get(user);
		if (password == null) {
			password = generate();
			this.passwords.put(user, password);
			write();
		}
		return password;
	}

	private void read() {
		if (!Files.exists(this.file, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		if (!Files.isRegularFile(this.file, LinkOption.NOFOLLOW_LINKS)) {
			throw new IllegalStateException(
					this.file + " is not a regular file; remove it to have passwords generated");
		}
		try {
			PosixFileAttributeView posix = Files.getFileAttributeView(this.file, PosixFileAttributeView.class,
					LinkOption.NOFOLLOW_LINKS);
			if (posix != null && !OWNER_ONLY.containsAll(posix.readAttributes().permissions())) {
				throw new IllegalStateException(this.file + " may be read by others than its owner; "
						+ "make it rw------- (chmod 600) or remove it to have new passwords generated");
			}
			for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					this.passwords.put(line.substring(0, colon), line.substring(colon + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.file, ex);
		}
	}

	private void write() {
		StringBuilder text = new StringBuilder();
		this.passwords.forEach((user, password) -> text.append(user).append(':').append(password).append('\n'));
		try {
			Path directory = this.file.getParent();
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			if (!Files.exists(this.file, LinkOption.NOFOLLOW_LINKS)) {
				Files.createFile(this.file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			Files.writeString(this.file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the generated passwords to " + this.file
					+ "; set the passwords (TRIAGE_CASEWORKER_PASSWORD, TRIAGE_POLICY_PASSWORD) instead", ex);
		}
	}

	private static String generate() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
