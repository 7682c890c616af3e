package dk.model3.rules.language;

import java.util.List;
import java.util.Set;

import dk.model3.rules.language.DrlTokens.Kind;
import dk.model3.rules.language.DrlTokens.NotAllowed;
import dk.model3.rules.language.DrlTokens.Token;

/**
 * What a rule may do when it fires: insert a new conclusion, nothing else. The DRL
 * consequence is Java, so this grammar is the line between policy text and code.
 *
 * <pre>
 * consequence := statement*
 * statement   := ('insert' | 'insertLogical') '(' fact ')' ';'
 * fact        := 'new' Type '(' [argument (',' argument)*] ')'
 *              | Conclusion '.' factory '(' [argument (',' argument)*] ')'
 * argument    := string | number | true | false | Enum.CONSTANT | a variable the rule bound
 * </pre>
 *
 * {@code Type} is a type the version declares or a conclusion of the facts package;
 * {@code factory} one of the conclusion's public static methods that return it (see
 * {@link FactVocabulary}).
 */
final class ConsequenceGrammar {

	private static final List<String> INSERTS = List.of("insert", "insertLogical");

	private final FactVocabulary vocabulary = FactVocabulary.get();

	private final DrlTokens tokens;

	private final Set<String> declaredTypes;

	private final Set<String> boundVariables;

	private ConsequenceGrammar(DrlTokens tokens, Set<String> declaredTypes, Set<String> boundVariables) {
		this.tokens = tokens;
		this.declaredTypes = declaredTypes;
		this.boundVariables = boundVariables;
	}

	/**
	 * @throws NotAllowed at the first place the consequence leaves the language
	 */
	static void check(String consequence, Set<String> declaredTypes, Set<String> boundVariables) throws NotAllowed {
		new ConsequenceGrammar(DrlTokens.of(consequence), declaredTypes, boundVariables).consequence();
	}

	private void consequence() throws NotAllowed {
		while (this.tokens.peek().kind() != Kind.END) {
			statement();
		}
	}

	private void statement() throws NotAllowed {
		Token verb = this.tokens.take();
		if (verb.kind() != Kind.IDENTIFIER || !INSERTS.contains(verb.text())) {
			throw new NotAllowed("\"" + verb.text()
					+ "\": a consequence may only insert(...) or insertLogical(...) a new fact, each ending with \";\"",
					verb.offset());
		}
		expect("(");
		fact();
		expect(")");
		expect(";");
	}

	private void fact() throws NotAllowed {
		Token first = this.tokens.take();
		if (first.is("new")) {
			Token type = this.tokens.take();
			if (!this.declaredTypes.contains(type.text()) && !this.vocabulary.isConclusion(type.text())) {
				throw new NotAllowed("\"new " + type.text()
						+ "\": a rule may create only a type its version declares or a conclusion of the facts package",
						type.offset());
			}
		}
		else {
			if (first.kind() != Kind.IDENTIFIER) {
				throw new NotAllowed(
						"\"" + first.text()
								+ "\": insert takes new Type(...) or a factory like Outcome.placed(...), nothing else",
						first.offset());
			}
			expect(".");
			Token factory = this.tokens.take();
			if (!this.vocabulary.isFactory(first.text(), factory.text())) {
				throw new NotAllowed("\"" + first.text() + "." + factory.text()
						+ "\" is not a way to build a conclusion; use new Type(...) or a factory like Outcome.placed(...)",
						first.offset());
			}
		}
		arguments();
	}

	private void arguments() throws NotAllowed {
		expect("(");
		if (this.tokens.takeIf(")")) {
			return;
		}
		do {
			argument();
		}
		while (this.tokens.takeIf(","));
		expect(")");
	}

	private void argument() throws NotAllowed {
		Token token = this.tokens.take();
		switch (token.kind()) {
			case STRING -> DrlTokens.checkText(token);
			case NUMBER -> {
			}
			case SYMBOL -> {
				if (!token.is("-") || this.tokens.take().kind() != Kind.NUMBER) {
					throw argumentNotAllowed(token);
				}
			}
			case VARIABLE -> bound(token);
			case IDENTIFIER -> {
				if (token.is("true") || token.is("false")) {
					return;
				}
				if (!this.tokens.peek().is(".")) {
					bound(token);
					return;
				}
				this.tokens.take();
				Token constant = this.tokens.take();
				if (!this.vocabulary.isEnumConstant(token.text(), constant.text())) {
					throw argumentNotAllowed(token);
				}
			}
			default -> throw argumentNotAllowed(token);
		}
	}

	private void bound(Token token) throws NotAllowed {
		if (!this.boundVariables.contains(token.text())) {
			throw new NotAllowed("\"" + token.text() + "\" is not a variable this rule binds", token.offset());
		}
	}

	private static NotAllowed argumentNotAllowed(Token token) {
		return new NotAllowed("\"" + token.text()
				+ "\": an argument may be a text, a number, true, false, a value like Tier.CROSS_SECTOR or a bound variable",
				token.offset());
	}

	private void expect(String symbol) throws NotAllowed {
		Token token = this.tokens.take();
		if (!token.is(symbol)) {
			throw new NotAllowed("\"" + token.text() + "\" is not allowed here; expected \"" + symbol + "\"",
					token.offset());
		}
	}

}
