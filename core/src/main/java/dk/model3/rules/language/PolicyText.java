package dk.model3.rules.language;

import java.util.regex.Pattern;

import dk.model3.rules.RuleVersionFiles;

/**
 * The characters a text of a rule version may hold where it becomes part of the Java the
 * executable model generates: rule names, metadata values, texts in constraints and
 * consequences, version ids and titles, and the names of rule files. Letters (æøå and
 * every other letter), digits, space and a little punctuation, nothing that can end a
 * string or a comment in Java: no double quote, no backslash, no {@code *}, no control
 * character. Checked before anything of the version is compiled; the check of the
 * generated Java ({@link GeneratedCodeCheck}) holds on its own should this one ever let
 * something through.
 */
public final class PolicyText {

	/** The punctuation a text may hold besides letters, digits and spaces. */
	static final String PUNCTUATION = ".,:;-–—()?!%/§&+'_";

	private static final Pattern DRL_FILE = Pattern.compile("[a-z][a-z0-9-]{0,63}\\.drl");

	private static final Pattern VERSION_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,31}");

	private PolicyText() {
	}

	/**
	 * Why a version's title cannot stand in its {@code version.yaml}, in Danish, or null
	 * when it can: the same check the rule compiler makes, for whoever takes a title
	 * before the version is compiled (a new draft).
	 */
	public static String titleRefusal(String title) {
		return refusal("Titlen", title);
	}

	/**
	 * Why a text cannot stand in a rule version, in Danish, or null when it can.
	 * @param what what the text is, as the message names it ("Regelnavnet")
	 */
	static String refusal(String what, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c) && !Character.isISOControl(c) || c == ' ' || PUNCTUATION.indexOf(c) >= 0) {
				continue;
			}
			return what + " må ikke indeholde " + describe(text, i) + "; brug kun bogstaver, tal, mellemrum og "
					+ String.join(" ", PUNCTUATION.split(""));
		}
		return null;
	}

	private static String describe(String text, int i) {
		char c = text.charAt(i);
		if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
			return "\"*/\"";
		}
		if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
			return "\"/*\"";
		}
		if (c == '"') {
			return "anførselstegn (\")";
		}
		if (c == '\\') {
			return "omvendt skråstreg (\\)";
		}
		if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
			return "tegnet U+%04X".formatted((int) c);
		}
		return "\"" + c + "\"";
	}

	/**
	 * Why a file of a version folder cannot be a rule file, or null when it can: its name
	 * is lower-case letters, digits and dashes ending in {@code .drl}.
	 */
	public static String fileNameRefusal(String name) {
		if (name.equals(RuleVersionFiles.DESCRIPTOR) || name.equals(RuleVersionFiles.SCENARIOS)
				|| DRL_FILE.matcher(name).matches()) {
			return null;
		}
		return "filnavnet er ikke tilladt: en regelfil hedder små bogstaver (a-z), tal og bindestreger og ender på .drl, fx tiers.drl";
	}

	/** Why a version id cannot be one, or null: letters, digits, dots, dashes. */
	static String versionIdRefusal(String id) {
		return VERSION_ID.matcher(id).matches() ? null
				: "versionens id må kun indeholde bogstaver (a-z), tal, punktum, bindestreg og understreg, fx 2025.01";
	}

}
