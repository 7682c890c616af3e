package dk.model3.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one version folder as read from disk or from the jar, by file name: only
 * the names a version has ({@link #isVersionFile}). The checksum covers every one of
 * them, so any edit to a version shows up as a new checksum.
 *
 * @param problems the files of the folder that could not be read, which refuse the
 * version
 */
public record RuleVersionFiles(String folder, Map<String, String> files, List<RuleProblem> problems) {

	public static final String DESCRIPTOR = "version.yaml";

	public static final String SCENARIOS = "scenarios.yaml";

	public RuleVersionFiles {
		// immutable: a version is compiled from exactly these texts, whoever holds them
		files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
		problems = List.copyOf(problems);
	}

	public RuleVersionFiles(String folder, Map<String, String> files) {
		this(folder, files, List.of());
	}

	/**
	 * The names a version folder has: its descriptor, its scenarios and its rule files.
	 * Anything else (an editor's swap file, a {@code .DS_Store}, notes) is no part of the
	 * version; hidden names never are, so an editor's {@code .#tiers.drl} lock is not a
	 * rule file.
	 */
	public static boolean isVersionFile(String name) {
		return name.equals(DESCRIPTOR) || name.equals(SCENARIOS) || !name.startsWith(".") && name.endsWith(".drl");
	}

	public Map<String, String> drlFiles() {
		Map<String, String> drl = new TreeMap<>();
		this.files.forEach((name, content) -> {
			if (name.endsWith(".drl")) {
				drl.put(name, content);
			}
		});
		return drl;
	}

	public String checksum() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			this.files.forEach((name, content) -> {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(content.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			});
			// a file that could not be read changes the checksum too, and its repair does
			this.problems.forEach((problem) -> digest.update(problem.toString().getBytes(StandardCharsets.UTF_8)));
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
