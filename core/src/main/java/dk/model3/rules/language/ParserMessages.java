package dk.model3.rules.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL parser's messages ({@code [ERR 102] Line 106:4 mismatched input 'then'
 * expecting ')' in rule "F-05 …"}) in Danish, for a policy editor who has never seen a
 * parser: what is missing or out of place, and after which text of the file. A missing
 * sign is placed where it belongs, at the end of the text before it (often the line above
 * the one the parser stopped at).
 */
final class ParserMessages {

	/** Where the problem is (line and column from 1; 0 when unknown) and what it is. */
	record Located(int line, int column, String message) {
	}

	private static final Pattern PREFIX = Pattern
		.compile("^\\s*(?:\\[ERR \\d+\\]\\s*)?(?:Line (\\d+):(-?\\d+)\\s+)?(.*)$", Pattern.DOTALL);

	// the end of the parser's sentence: " in rule \"F-05 …\"", " in query …" and the like
	private static final String CONTEXT = "(?:\\s+in\\s.*)?";

	private static final Pattern EXPECTING_ONE_OF = Pattern.compile(
			"mismatched input '(.*?)' expecting one of the following tokens: '(.*?)'" + CONTEXT + "\\.?",
			Pattern.DOTALL);

	private static final Pattern NOT_EXPECTING = Pattern.compile(
			"mismatched input '(.*?)' not expecting any of the following tokens: '(.*?)'" + CONTEXT, Pattern.DOTALL);

	private static final Pattern EXPECTING = Pattern.compile(
			"(?:mismatched|extraneous) input '(.*?)' expecting (?:'(.*?)'|\\{?(.*?)\\}?)" + CONTEXT, Pattern.DOTALL);

	private static final Pattern MISSING = Pattern.compile("missing '?(.*?)'? at '(.*?)'" + CONTEXT, Pattern.DOTALL);

	private static final Pattern UNEXPECTED = Pattern.compile(
			"(?:mismatched input|no viable alternative at input|extraneous input|required \\(\\.\\.\\.\\)\\+ loop did not match anything at input|unexpected exception at input|token recognition error at:) '(.*?)'.*",
			Pattern.DOTALL);

	private static final Pattern TRAILING_SEMICOLON = Pattern.compile("trailing semi-colon not allowed.*",
			Pattern.DOTALL);

	/** The longest piece of the file quoted in a message. */
	static final int MAX_QUOTE = 40;

	private ParserMessages() {
	}

	/**
	 * The parser's message about {@code text} in Danish, at the place it concerns.
	 * @param line the parser's line (from 1; 0 or less when it gave none)
	 * @param column the parser's column (from 0)
	 */
	static Located danish(String message, int line, int column, String text) {
		String said = (message != null) ? message : "";
		Matcher prefix = PREFIX.matcher(said);
		String rest = said.strip();
		if (prefix.matches()) {
			if (line <= 0 && prefix.group(1) != null) {
				line = Integer.parseInt(prefix.group(1));
				column = Integer.parseInt(prefix.group(2));
			}
			rest = prefix.group(3).strip();
		}
		Place place = Place.of(text, line, column);
		Matcher m;
		if ((m = EXPECTING_ONE_OF.matcher(rest)).matches()) {
			return place
				.at(found(m.group(1)) + " kan ikke stå her" + place.afterText() + "; her kan stå " + oneOf(m.group(2)));
		}
		if ((m = NOT_EXPECTING.matcher(rest)).matches()) {
			return place.at(found(m.group(1)) + " kan ikke stå her" + place.afterText());
		}
		if ((m = EXPECTING.matcher(rest)).matches()) {
			String expected = (m.group(2) != null) ? m.group(2) : m.group(3);
			return missing(place, expected, m.group(1));
		}
		if ((m = MISSING.matcher(rest)).matches()) {
			return missing(place, m.group(1), m.group(2));
		}
		if (TRAILING_SEMICOLON.matcher(rest).matches()) {
			return place.at("et `;` kan ikke stå her" + place.afterText() + "; slet det");
		}
		if ((m = UNEXPECTED.matcher(rest)).matches()) {
			if (isEnd(m.group(1))) {
				return place.atEndOfPrevious("der mangler noget" + place.afterText()
						+ ": filen slutter midt i en regel, og hver regel slutter med ordet `end`");
			}
			if (place.unclosed()) {
				// the parser met the next condition inside a pattern left open
				return place.atEndOfPrevious("der mangler et `)`" + place.afterText());
			}
			return place.at(found(m.group(1)) + " kan ikke stå her" + place.afterText()
					+ "; tjek stavning, parenteser og anførselstegn");
		}
		return place.at("teksten her kan ikke læses som en regel" + place.afterText()
				+ "; tjek stavning, parenteser og anførselstegn");
	}

	// "der mangler et `)` efter `departmentsInvolved >= 2`", at the end of that text
	private static Located missing(Place place, String expected, String found) {
		String what = token(expected);
		if (what == null) {
			return place.at(found(found) + " kan ikke stå her" + place.afterText());
		}
		String before = isEnd(found) ? "; filen slutter, før reglen er skrevet færdig"
				: (place.previous() == null) ? " før " + found(found) : "";
		return place.atEndOfPrevious("der mangler " + what + place.afterText() + before);
	}

	// a sign or word the parser expected, as the editor would write it; null when the
	// parser names only a kind of token
	private static String token(String expected) {
		String token = (expected != null) ? expected.strip() : "";
		if (token.startsWith("'") && token.endsWith("'") && token.length() > 2) {
			token = token.substring(1, token.length() - 1);
		}
		if (token.isEmpty() || isEnd(token) || token.chars().anyMatch((c) -> c == '\n')) {
			return null;
		}
		if (token.matches("[A-Z_]+") && token.length() > 1) {
			return switch (token) {
				case "RIGHT_PAREN" -> "et `)`";
				case "LEFT_PAREN" -> "et `(`";
				case "SEMICOLON" -> "et `;`";
				case "COMMA" -> "et `,`";
				case "RIGHT_CURLY" -> "et `}`";
				case "ID", "IDENTIFIER" -> "et navn";
				case "STRING", "DRL_STRING_LITERAL" -> "en tekst i anførselstegn";
				default -> null;
			};
		}
		if (token.chars().allMatch(Character::isLetter)) {
			return "ordet `" + token + "`";
		}
		return "et `" + token + "`";
	}

	private static String found(String found) {
		if (found == null || isEnd(found)) {
			return "slutningen af filen";
		}
		return "`" + quote(found) + "`";
	}

	// the parser's name for the end of the file
	private static boolean isEnd(String token) {
		return "<EOF>".equalsIgnoreCase(token);
	}

	private static String oneOf(String tokens) {
		String[] each = tokens.split(",\\s*");
		StringBuilder said = new StringBuilder();
		for (int i = 0; i < each.length; i++) {
			if (i > 0) {
				said.append((i == each.length - 1) ? " eller " : ", ");
			}
			said.append('`').append(quote(each[i].strip())).append('`');
		}
		return said.toString();
	}

	private static String quote(String text) {
		String one = text.replaceAll("\\s+", " ").strip();
		if (one.length() <= MAX_QUOTE) {
			return one;
		}
		// the end of the text, from a whole word
		String tail = one.substring(one.length() - MAX_QUOTE);
		int space = tail.indexOf(' ');
		return "…" + ((space >= 0 && space < tail.length() - 1) ? tail.substring(space + 1) : tail).strip();
	}

	/**
	 * Where the parser stopped, and the text of the file just before it: the last
	 * non-blank piece of the line it ends on.
	 */
	private record Place(int line, int column, String previous, int previousLine, int previousEnd, boolean unclosed) {

		static Place of(String text, int line, int column) {
			if (text == null || line <= 0) {
				return new Place(Math.max(line, 0), 0, null, 0, 0, false);
			}
			String[] lines = text.split("\n", -1);
			if (line > lines.length) {
				line = lines.length;
				column = lines[line - 1].length();
			}
			int col = Math.max(0, Math.min(column, lines[line - 1].length()));
			// the text before the parser's place: on its line, else on the lines above
			int l = line;
			String before = lines[l - 1].substring(0, col);
			while (before.strip().isEmpty() || before.strip().startsWith("//")) {
				l--;
				if (l < 1) {
					return new Place(line, col + 1, null, 0, 0, false);
				}
				before = lines[l - 1];
				int comment = before.indexOf("//");
				if (comment >= 0 && !before.substring(0, comment).contains("\"")) {
					before = before.substring(0, comment);
				}
			}
			String stripped = before.stripTrailing();
			int offset = 0;
			for (int i = 0; i < line - 1; i++) {
				offset += lines[i].length() + 1;
			}
			return new Place(line, col + 1, stripped.strip(), l, stripped.length(), unclosed(text, offset + col));
		}

		// whether a "(" of the rule's conditions before the offset is still open there
		private static boolean unclosed(String text, int offset) {
			int when = text.lastIndexOf("\nwhen", offset);
			if (when < 0) {
				return false;
			}
			int open = 0;
			boolean quoted = false;
			for (int i = when; i < offset && i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"' && text.charAt(i - 1) != '\\') {
					quoted = !quoted;
				}
				else if (!quoted && c == '(') {
					open++;
				}
				else if (!quoted && c == ')') {
					open--;
				}
			}
			return open > 0;
		}

		String afterText() {
			return (this.previous != null) ? " efter `" + quote(this.previous) + "`" : "";
		}

		Located at(String message) {
			return new Located(this.line, this.column, message);
		}

		// where a missing sign goes: just after the text before the parser's place
		Located atEndOfPrevious(String message) {
			return (this.previous != null) ? new Located(this.previousLine, this.previousEnd + 1, message)
					: at(message);
		}

	}

}
