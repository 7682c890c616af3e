package dk.model3.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one version folder as read from disk or from the jar, by file name. The
 * checksum covers every file, so any edit to a version shows up as a new checksum.
 */
public record RuleVersionFiles(String folder, Map<String, String> files) {

	public static final String DESCRIPTOR = "version.yaml";

	public static final String SCENARIOS = "scenarios.yaml";

	public RuleVersionFiles {
		files = new TreeMap<>(files);
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
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
