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
					+ "\": en konsekvens må kun indsætte et nyt faktum med insert(...) eller insertLogical(...), hver afsluttet med \";\"",
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
						+ "\": en regel må kun skabe en type, versionen erklærer, eller en konklusion fra faktapakken",
						type.offset());
			}
		}
		else {
			if (first.kind() != Kind.IDENTIFIER) {
				throw new NotAllowed(
						"\"" + first.text()
								+ "\": insert tager new Type(...) eller en fabrik som Outcome.placed(...), intet andet",
						first.offset());
			}
			expect(".");
			Token factory = this.tokens.take();
			if (!this.vocabulary.isFactory(first.text(), factory.text())) {
				throw new NotAllowed("\"" + first.text() + "." + factory.text()
						+ "\" bygger ikke en konklusion; brug new Type(...) eller en fabrik som Outcome.placed(...)",
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
				if (this.vocabulary.isEnum(token.text()) && !this.tokens.peek().is("(")
						&& !this.vocabulary.isEnumConstant(token.text(), constant.text())) {
					throw new NotAllowed("\"" + token.text() + "." + constant.text() + "\" er ikke en værdi af "
							+ token.text() + "; tjek stavningen", token.offset());
				}
				if (!this.vocabulary.isEnumConstant(token.text(), constant.text())) {
					throw argumentNotAllowed(token);
				}
			}
			default -> throw argumentNotAllowed(token);
		}
	}

	private void bound(Token token) throws NotAllowed {
		if (!this.boundVariables.contains(token.text())) {
			throw new NotAllowed("\"" + token.text() + "\" er ikke en variabel, som reglen binder", token.offset());
		}
	}

	private static NotAllowed argumentNotAllowed(Token token) {
		return new NotAllowed("\"" + token.text()
				+ "\": et argument må være en tekst, et tal, true, false, en værdi som Tier.CROSS_SECTOR eller en bundet variabel",
				token.offset());
	}

	private void expect(String symbol) throws NotAllowed {
		Token token = this.tokens.take();
		if (!token.is(symbol)) {
			throw new NotAllowed("\"" + token.text() + "\" er ikke tilladt her; her skulle stå \"" + symbol + "\"",
					token.offset());
		}
	}

}
