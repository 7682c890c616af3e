package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.List;

import dk.model3.rules.RuleProblem;

/**
 * The limits a rule file keeps before the DRL parser reads it, checked on the raw text:
 * lines of at most {@value #MAX_LINE} characters, no control characters but tab and line
 * breaks, and conditions nested at most {@value #MAX_NESTING} deep. The parser and the
 * rule language descend once per parenthesis, {@code !}, {@code not} or {@code exists},
 * so a file nested thousands deep would overflow the stack; the shipped rules nest three
 * deep.
 */
final class RuleTextLimits {

	static final int MAX_LINE = 1000;

	static final int MAX_NESTING = 12;

	private RuleTextLimits() {
	}

	/** The first place each limit is broken, or nothing. */
	static List<RuleProblem> check(String file, String text) {
		List<RuleProblem> problems = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
			if (line.length() > MAX_LINE) {
				problems.add(new RuleProblem(file, i + 1, MAX_LINE + 1, "linjen er " + line.length()
						+ " tegn lang; en linje i en regelfil må højst være 1.000 tegn. Del den over flere linjer"));
				break;
			}
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'
					|| Character.getType(c) == Character.FORMAT && c != '\uFEFF') {
				problems.add(at(file, text, i, "tegnet U+%04X er ikke tilladt i en regelfil".formatted((int) c)));
				break;
			}
		}
		int nesting = nesting(text);
		if (nesting >= 0) {
			problems.add(at(file, text, nesting, "betingelserne er indlejret mere end " + MAX_NESTING
					+ " niveauer dybt (parenteser, !, not og exists inde i hinanden); skriv reglen enklere"));
		}
		return problems;
	}

	// where the nesting first goes beyond the limit, or -1; strings and comments do not
	// count
	private static int nesting(String text) {
		int depth = 0;
		int unary = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				i = skipString(text, i);
				continue;
			}
			if (text.startsWith("//", i)) {
				int end = text.indexOf('\n', i);
				i = (end < 0) ? text.length() : end;
				continue;
			}
			if (text.startsWith("/*", i)) {
				int end = text.indexOf("*/", i + 2);
				i = (end < 0) ? text.length() : end + 2;
				continue;
			}
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth = Math.max(0, depth - 1);
				unary = 0;
			}
			if (Character.isJavaIdentifierStart(c)) {
				int end = i;
				while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
					end++;
				}
				String word = text.substring(i, end);
				unary = (word.equals("not") || word.equals("exists")) ? unary + 1 : 0;
				if (depth + unary > MAX_NESTING) {
					return i;
				}
				i = end;
				continue;
			}
			if (c == '!' && (i + 1 >= text.length() || text.charAt(i + 1) != '=')) {
				unary++;
			}
			else if (!Character.isWhitespace(c) && c != '(') {
				unary = 0;
			}
			if (depth + unary > MAX_NESTING) {
				return i;
			}
			i++;
		}
		return -1;
	}

	private static int skipString(String text, int start) {
		char quote = text.charAt(start);
		int i = start + 1;
		while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
			i += (text.charAt(i) == '\\') ? 2 : 1;
		}
		return Math.min(i + 1, text.length());
	}

	private static RuleProblem at(String file, String text, int offset, String message) {
		int line = (int) text.substring(0, offset).chars().filter((ch) -> ch == '\n').count() + 1;
		int column = offset - text.lastIndexOf('\n', offset - 1);
		return new RuleProblem(file, line, column, message);
	}

}
