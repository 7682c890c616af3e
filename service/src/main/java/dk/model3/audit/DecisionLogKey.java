package dk.model3.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key for citizen references: the one configured, or the one kept in the key
 * file, generated there once (32 random bytes, base64, owner-only) when the file is
 * absent, so the service works with no configuration and the hashes stay joinable across
 * restarts.
 */
final class DecisionLogKey {

	/** 256 bits, the size of the HMAC-SHA256 output. */
	static final int MIN_BYTES = 32;

	// a key of fewer distinct characters is a pattern someone typed, not a random key
	private static final int MIN_DISTINCT = 8;

	private static final Logger log = LoggerFactory.getLogger(DecisionLogKey.class);

	private DecisionLogKey() {
	}

	static String resolve(String configured, Path keyFile) throws IOException {
		if (configured != null && !configured.isEmpty()) {
			return check(configured, "triage.audit.key (TRIAGE_AUDIT_KEY)");
		}
		if (Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(keyFile)) {
			PrivateFiles.file(keyFile);
			return check(Files.readString(keyFile, StandardCharsets.UTF_8).strip(), "the key file " + keyFile);
		}
		return generate(keyFile);
	}

	static String check(String key, String where) {
		int bytes = key.getBytes(StandardCharsets.UTF_8).length;
		if (bytes < MIN_BYTES) {
			throw new WeakKey(where + " is " + bytes + " bytes; the decision log needs a random key of at least "
					+ MIN_BYTES + " bytes, e.g. from: openssl rand -base64 32");
		}
		if (key.chars().distinct().count() < MIN_DISTINCT) {
			throw new WeakKey(
					where + " repeats a few characters and is not random; make one with: " + "openssl rand -base64 32");
		}
		return key;
	}

	private static String generate(Path keyFile) throws IOException {
		Path folder = keyFile.toAbsolutePath().getParent();
		if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			PrivateFiles.directory(folder);
		}
		byte[] random = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(random);
		String key = Base64.getEncoder().encodeToString(random);
		if (PrivateFiles.posix()) {
			Files.createFile(keyFile,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(keyFile);
		}
		Files.writeString(keyFile, key, StandardCharsets.UTF_8, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
		log.info("Generated the decision-log key in {} (owner-only); keep it with the log: without it the "
				+ "hashed case references cannot be joined to cases", keyFile);
		return key;
	}

	/** A configured or stored key too short or too regular to be a secret. */
	static final class WeakKey extends IllegalStateException {

		WeakKey(String message) {
			super(message);
		}

	}

}
