package dk.model3.workbench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dk.model3.rules.RuleVersionFiles;

/**
 * A version folder uploaded as a zip: the files a version has ({@code version.yaml},
 * {@code scenarios.yaml}, {@code *.drl}), at the top of the zip or in one folder, each
 * UTF-8 text of at most 1 MiB. Anything else is refused by name, never unpacked anywhere:
 * the files go to the draft's branch as text.
 */
final class VersionZip {

	static final int MAX_FILE_BYTES = 1024 * 1024;

	static final int MAX_ENTRIES = 64;

	private VersionZip() {
	}

	static Map<String, String> read(byte[] zip) {
		Map<String, String> files = new TreeMap<>();
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw refused("it has more than " + MAX_ENTRIES + " entries; a version has a handful of files");
				}
				if (entry.isDirectory()) {
					continue;
				}
				String name = entry.getName();
				String[] parts = name.split("/");
				if (name.startsWith("/") || name.contains("\\") || name.contains("..") || parts.length > 2) {
					throw refused(name + " is not a file of a version folder");
				}
				String file = parts[parts.length - 1];
				if (file.startsWith(".") || file.startsWith("__MACOSX")
						|| parts.length == 2 && parts[0].startsWith("__MACOSX")) {
					continue;
				}
				if (!RuleVersionFiles.isVersionFile(file)) {
					throw refused(name + ": a version has version.yaml, scenarios.yaml and .drl files only");
				}
				if (files.put(file, text(name, in)) != null) {
					throw refused(file + " is in the zip twice");
				}
			}
		}
		catch (IOException ex) {
			throw refused("it cannot be read as a zip: " + ex.getMessage());
		}
		if (files.isEmpty()) {
			throw refused("it holds no file of a version");
		}
		return files;
	}

	private static String text(String name, InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
		if (bytes.length > MAX_FILE_BYTES) {
			throw refused(name + " is larger than 1 MiB; no rule file needs that");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw refused(name + " is not UTF-8 text");
		}
	}

	private static InvalidDraftRequest refused(String why) {
		return new InvalidDraftRequest("zip", "The zip is refused: " + why + ".");
	}

}
