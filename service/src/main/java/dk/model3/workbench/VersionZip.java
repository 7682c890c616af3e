package dk.model3.workbench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.RuleFileText;

/**
 * The files a draft may be given, one by one or as a zip of a version folder: only
 * {@code version.yaml}, {@code scenarios.yaml} and rule files named
 * {@code [a-z][a-z0-9-]*.drl}; UTF-8 text of at most 1 MiB a file and {@value #MAX_LINE}
 * characters a line. A zip has its files at its top or all in one folder,
 * {@code version.yaml} among them, at most {@value #MAX_ENTRIES} entries and 2 MiB
 * unpacked in all, counted as it is read: a zip that unpacks to more is refused after
 * reading no more than that, and never reaches the repository. Nothing is unpacked to
 * disk. Every refusal is a 400 naming the entry.
 */
final class VersionZip {

	static final int MAX_FILE_BYTES = RuleFileText.MAX_BYTES;

	static final int MAX_TOTAL_BYTES = 2 * 1024 * 1024;

	static final int MAX_ENTRIES = 64;

	static final int MAX_LINE = 10_000;

	private static final Pattern RULE_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.drl");

	private VersionZip() {
	}

	/** Whether a version folder may hold a file of this name. */
	static boolean allowedName(String name) {
		return RuleVersionFiles.DESCRIPTOR.equals(name) || RuleVersionFiles.SCENARIOS.equals(name)
				|| name != null && RULE_FILE.matcher(name).matches();
	}

	/** A file saved on its own: its name and text within the limits, or a 400. */
	static void checkFile(String name, String text, String field) {
		if (!allowedName(name)) {
			throw new InvalidDraftRequest(field, "A version has version.yaml, scenarios.yaml and rule files named"
					+ " like flags.drl (small letters, digits, '-') only; got " + printable(name) + ".");
		}
		String tooLarge = RuleFileText.sizeRefusal(text.getBytes(StandardCharsets.UTF_8).length);
		if (tooLarge != null) {
			throw new InvalidDraftRequest(field, name + " " + tooLarge + ".");
		}
		int line = longLine(text);
		if (line > 0) {
			throw new InvalidDraftRequest(field,
					name + " line " + line + " is longer than " + MAX_LINE + " characters; no rule needs that.");
		}
	}

	static Map<String, String> read(byte[] zip) {
		Map<String, String> files = new TreeMap<>();
		int entries = 0;
		long total = 0;
		String folder = null;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw refused("zip",
							"it has more than " + MAX_ENTRIES + " entries; a version has a handful of files");
				}
				String name = entry.getName();
				if (name.startsWith("__MACOSX/") || name.equals(".DS_Store") || name.endsWith("/.DS_Store")) {
					// what macOS adds to every zip it makes: never read
					continue;
				}
				boolean directory = entry.isDirectory();
				String path = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
				String[] parts = path.split("/", -1);
				if (path.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("..")
						|| parts.length > (directory ? 1 : 2) || Arrays.stream(parts).anyMatch(String::isEmpty)) {
					throw refused(name, printable(name) + " is not a file of a version folder");
				}
				if (directory) {
					continue;
				}
				String inFolder = (parts.length == 2) ? parts[0] : "";
				if (folder == null) {
					folder = inFolder;
				}
				else if (!folder.equals(inFolder)) {
					throw refused(name, "its files are in more than one folder; put them at the top or in one folder");
				}
				String file = parts[parts.length - 1];
				if (!allowedName(file)) {
					throw refused(name, printable(name) + ": a version has version.yaml, scenarios.yaml and rule files"
							+ " named like flags.drl (small letters, digits, '-') only");
				}
				byte[] bytes = in.readNBytes((int) Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - total) + 1);
				String tooLarge = RuleFileText.sizeRefusal(bytes.length);
				if (tooLarge != null) {
					throw refused(name, name + " unpacked " + tooLarge);
				}
				total += bytes.length;
				if (total > MAX_TOTAL_BYTES) {
					throw refused(name, "it unpacks to more than 2 MiB; a version folder is far smaller");
				}
				String text = text(name, bytes);
				int line = longLine(text);
				if (line > 0) {
					throw refused(name, name + " line " + line + " is longer than " + MAX_LINE + " characters");
				}
				if (files.put(file, text) != null) {
					throw refused(name, file + " is in the zip twice");
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw refused("zip", "it cannot be read as a zip");
		}
		if (entries == 0) {
			throw refused("zip", "it holds nothing; send the zip of a version folder");
		}
		if (!files.containsKey(RuleVersionFiles.DESCRIPTOR)) {
			throw refused(RuleVersionFiles.DESCRIPTOR, "it has no version.yaml; every version folder has one");
		}
		return files;
	}

	private static String text(String name, byte[] bytes) {
		String text = RuleFileText.utf8(bytes);
		if (text == null) {
			throw refused(name, name + " " + RuleFileText.NOT_UTF8);
		}
		return text;
	}

	// the number of the first line longer than the limit, or 0
	private static int longLine(String text) {
		int line = 1;
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				length = 0;
			}
			else if (++length > MAX_LINE) {
				return line;
			}
		}
		return 0;
	}

	// a name as a message may quote it: no control characters, not too long
	private static String printable(String name) {
		if (name == null) {
			return "(no name)";
		}
		String clean = name.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (clean.length() > 100) ? clean.substring(0, 100) + "…" : clean;
	}

	// field "zip" for the zip as a whole, "zip/<entry>" for one of its entries
	private static InvalidDraftRequest refused(String entry, String why) {
		return new InvalidDraftRequest("zip".equals(entry) ? "zip" : "zip/" + printable(entry),
				"The zip is refused: " + why + ".");
	}

}
