package dk.model3.rules.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.language.RuleFolders;

/**
 * The checksums of rule versions whose full completeness check passed, kept in
 * {@code completeness.log} beside the version folders: one line per version, written by
 * the {@code check} command (or by the service once its own check passed), read by the
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
	 * packaged in the jar). The file keeps one line per version: an earlier line of the
	 * same version is replaced, so running the check again never adds a duplicate.
	 */
	public static boolean record(RuleFolders folders, CompiledRules rules, long profiles) {
		if (!folders.isDirectory()) {
			return false;
		}
		Path file = folders.directory().resolve(FILE);
		try {
			String log = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					? Files.readString(file, StandardCharsets.UTF_8) : "";
			String updated = withLine(log, line(rules.checksum(), rules.version(), profiles, Instant.now().toString()));
			Path written = Files.createTempFile(file.getParent(), ".completeness-", ".log");
			Files.writeString(written, updated, StandardCharsets.UTF_8);
			Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The line that records a passed full check, with its newline. */
	public static String line(String checksum, String version, long profiles, String at) {
		return checksum + " " + version + " passed " + profiles + " profiles " + at + "\n";
	}

	/**
	 * The log with a line added in place of any earlier line of the same version (the
	 * line's second word): one line per version, never a duplicate.
	 */
	public static String withLine(String log, String line) {
		String[] added = line.strip().split("\\s+");
		StringBuilder merged = new StringBuilder();
		for (String kept : log.split("\n")) {
			String[] words = kept.strip().split("\\s+");
			if (kept.isBlank() || words.length >= 2 && added.length >= 2 && words[1].equals(added[1])) {
				continue;
			}
			merged.append(kept).append('\n');
		}
		return merged.append(line.strip()).append('\n').toString();
	}

}
