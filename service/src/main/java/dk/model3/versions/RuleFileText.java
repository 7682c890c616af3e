package dk.model3.versions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one check of a rule file's bytes wherever they come from (a saved file, an uploaded
 * zip, a publication read from the shared repository): at most 1 MiB, UTF-8 text, as the
 * rule loader reads a folder.
 */
public final class RuleFileText {

	/** The largest rule file taken: no rule file needs more. */
	public static final int MAX_BYTES = 1024 * 1024;

	private RuleFileText() {
	}

	/** Why a file of this many bytes is refused ("is larger than 1 MiB; …"), or null. */
	public static String sizeRefusal(long bytes) {
		return (bytes > MAX_BYTES) ? "is larger than 1 MiB; no rule file needs that" : null;
	}

	/** The text of the bytes, or null when they are not UTF-8 text. */
	public static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** What {@link #utf8} refuses, as a message says it after the file's name. */
	public static final String NOT_UTF8 = "is not UTF-8 text";

}
