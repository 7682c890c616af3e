package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a constraint or a consequence, for the strict grammars of the rule
 * language. Comments and white space are dropped; anything the grammars do not know comes
 * out as a symbol they refuse.
 */
final class DrlTokens {

	enum Kind {

		IDENTIFIER, VARIABLE, NUMBER, STRING, SYMBOL, END

	}

	/** A token and where it starts in the text it came from. */
	record Token(Kind kind, String text, int offset) {

		boolean is(String symbol) {
			return (this.kind == Kind.SYMBOL || this.kind == Kind.IDENTIFIER) && this.text.equals(symbol);
		}

	}

	/** Text outside the rule language, and where in it. */
	static final class NotAllowed extends Exception {

		private final int offset;

		NotAllowed(String message, int offset) {
			super(message, null, false, false);
			this.offset = offset;
		}

		int offset() {
			return this.offset;
		}

	}

	/**
	 * A text in a constraint or an argument holds only what {@link PolicyText} allows: it
	 * is copied into the generated Java.
	 */
	static void checkText(Token token) throws NotAllowed {
		String text = token.text();
		String refusal = PolicyText.refusal("En tekst", text.substring(1, text.length() - 1));
		if (refusal != null) {
			throw new NotAllowed(refusal, token.offset());
		}
	}

	private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("==", "!=", "<=", ">=", "&&", "||");

	private final List<Token> tokens;

	private int next;

	private DrlTokens(List<Token> tokens) {
		this.tokens = tokens;
	}

	static DrlTokens of(String text) throws NotAllowed {
		return new DrlTokens(split(text));
	}

	/** Every token of the text, ending with {@link Kind#END}. */
	static List<Token> all(String text) throws NotAllowed {
		return split(text);
	}

	Token peek() {
		return this.tokens.get(this.next);
	}

	Token peek(int ahead) {
		return this.tokens.get(Math.min(this.next + ahead, this.tokens.size() - 1));
	}

	Token take() {
		Token token = this.tokens.get(this.next);
		if (token.kind() != Kind.END) {
			this.next++;
		}
		return token;
	}

	boolean takeIf(String symbol) {
		if (peek().is(symbol)) {
			this.next++;
			return true;
		}
		return false;
	}

	private static List<Token> split(String text) throws NotAllowed {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (text.startsWith("//", i)) {
				int end = text.indexOf('\n', i);
				i = (end < 0) ? text.length() : end + 1;
			}
			else if (text.startsWith("/*", i)) {
				int end = text.indexOf("*/", i + 2);
				if (end < 0) {
					throw new NotAllowed("a comment that is never closed", i);
				}
				i = end + 2;
			}
			else if (c == '"' || c == '\'') {
				int end = stringEnd(text, i);
				tokens.add(new Token(Kind.STRING, text.substring(i, end), i));
				i = end;
			}
			else if (Character.isDigit(c)) {
				int end = i;
				while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, text.substring(i, end), i));
				i = end;
			}
			else if (c == '$' || Character.isJavaIdentifierStart(c)) {
				int end = i + 1;
				while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
					end++;
				}
				tokens.add(new Token((c == '$') ? Kind.VARIABLE : Kind.IDENTIFIER, text.substring(i, end), i));
				i = end;
			}
			else {
				String two = (i + 2 <= text.length()) ? text.substring(i, i + 2) : "";
				String symbol = TWO_CHARACTER_SYMBOLS.contains(two) ? two : String.valueOf(c);
				tokens.add(new Token(Kind.SYMBOL, symbol, i));
				i += symbol.length();
			}
		}
		tokens.add(new Token(Kind.END, "end of text", text.length()));
		return tokens;
	}

	// a string may escape its quote, a backslash, a tab or a new line, and nothing else
	private static int stringEnd(String text, int start) throws NotAllowed {
		char quote = text.charAt(start);
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == quote) {
				return i + 1;
			}
			if (c == '\n') {
				break;
			}
			if (c == '\\') {
				if (i + 1 >= text.length() || "\"'\\nt".indexOf(text.charAt(i + 1)) < 0) {
					throw new NotAllowed("a string may escape only \\\", \\', \\\\, \\n and \\t", i);
				}
				i++;
			}
			i++;
		}
		throw new NotAllowed("a string that is never closed", start);
	}

}
