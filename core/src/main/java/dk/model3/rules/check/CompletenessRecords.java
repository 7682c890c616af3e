package dk.model3.rules.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.language.RuleFolders;

/**
 * The checksums of rule versions whose full completeness check passed, kept in
 * {@code completeness.log} beside the version folders: one line per pass, written by the
 * {@code check} command (or by the service once its own check passed), read by the
 * loader. A version is put in service only with a record for its exact checksum, so an
 * edit after the check needs a new check. The file is as trusted as the rule folders
 * beside it: whoever can write one can write the other.
 *
 * <pre>
 * sha256:3f1c… 2023.01 passed 50293760 profiles 2026-11-23T15:27:00Z
 * </pre>
 */
public final class CompletenessRecords {

	public static final String FILE = "completeness.log";

	private CompletenessRecords() {
	}

	/** The checksums with a passed full check. */
	public static Set<String> passed(RuleFolders folders) {
		Set<String> passed = new HashSet<>();
		for (String line : folders.rootFile(FILE).split("\n")) {
			String[] words = line.strip().split("\\s+");
			if (words.length >= 3 && words[0].startsWith("sha256:") && words[2].equals("passed")) {
				passed.add(words[0]);
			}
		}
		return passed;
	}

	/**
	 * Records a passed full check; false when the rules cannot be written (the rules
	 * packaged in the jar).
	 */
	public static boolean record(RuleFolders folders, CompiledRules rules, long profiles) {
		if (!folders.isDirectory()) {
			return false;
		}
		Path file = folders.directory().resolve(FILE);
		String line = rules.checksum() + " " + rules.version() + " passed " + profiles + " profiles " + Instant.now()
				+ "\n";
		try {
			Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
