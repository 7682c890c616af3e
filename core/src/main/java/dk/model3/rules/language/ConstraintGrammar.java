package dk.model3.rules.language;

import java.util.List;
import java.util.Set;

import dk.model3.rules.language.DrlTokens.Kind;
import dk.model3.rules.language.DrlTokens.NotAllowed;
import dk.model3.rules.language.DrlTokens.Token;

/**
 * The constraints a pattern may state: fields of the fact compared with literals, enum
 * constants or bound variables, {@code contains}, {@code memberOf}, {@code !},
 * {@code &&}, {@code ||}, parentheses, a binding {@code $x : field} and a collection's
 * {@code size()}. No other method call, no class but the facts' enums: a constraint is
 * compiled into Java, so anything more could run code.
 *
 * <pre>
 * constraint := [VARIABLE ':'] or
 * or         := and ('||' and)*
 * and        := unary ('&&' unary)*
 * unary      := '!' unary | '(' or ')' | operand [operator operand]
 * operator   := '==' | '!=' | '<' | '<=' | '>' | '>=' | ['not'] ('contains' | 'memberOf')
 * operand    := literal | Enum.CONSTANT | VARIABLE | field ['.' 'size' '(' ')']
 * </pre>
 */
final class ConstraintGrammar {

	private static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=");

	private static final List<String> MEMBERSHIP = List.of("contains", "memberOf");

	private final FactVocabulary vocabulary = FactVocabulary.get();

	private final DrlTokens tokens;

	private ConstraintGrammar(DrlTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Checks one constraint and returns the variable it binds, if any.
	 * @throws NotAllowed where the constraint leaves the language
	 */
	static String check(String constraint) throws NotAllowed {
		return new ConstraintGrammar(DrlTokens.of(constraint)).constraint();
	}

	private String constraint() throws NotAllowed {
		String bound = null;
		if (this.tokens.peek().kind() == Kind.VARIABLE && this.tokens.peek(1).is(":")) {
			bound = this.tokens.take().text();
			this.tokens.take();
		}
		or();
		Token rest = this.tokens.peek();
		if (rest.kind() != Kind.END) {
			throw unexpected(rest);
		}
		return bound;
	}

	private void or() throws NotAllowed {
		and();
		while (this.tokens.takeIf("||")) {
			and();
		}
	}

	private void and() throws NotAllowed {
		unary();
		while (this.tokens.takeIf("&&")) {
			unary();
		}
	}

	private void unary() throws NotAllowed {
		if (this.tokens.takeIf("!")) {
			unary();
			return;
		}
		if (this.tokens.takeIf("(")) {
			or();
			expect(")");
			return;
		}
		operand();
		Token next = this.tokens.peek();
		if (next.kind() == Kind.SYMBOL && COMPARISONS.contains(next.text())) {
			this.tokens.take();
			operand();
		}
		else if (next.kind() == Kind.IDENTIFIER && (next.is("not") || MEMBERSHIP.contains(next.text()))) {
			this.tokens.takeIf("not");
			Token operator = this.tokens.take();
			if (!MEMBERSHIP.contains(operator.text())) {
				throw unexpected(operator);
			}
			operand();
		}
	}

	private void operand() throws NotAllowed {
		Token token = this.tokens.take();
		switch (token.kind()) {
			case STRING -> DrlTokens.checkText(token);
			case NUMBER, VARIABLE -> {
			}
			case SYMBOL -> {
				if (!token.is("-") || this.tokens.take().kind() != Kind.NUMBER) {
					throw unexpected(token);
				}
			}
			case IDENTIFIER -> identifier(token);
			default -> throw unexpected(token);
		}
	}

	private void identifier(Token token) throws NotAllowed {
		String name = token.text();
		if (Set.of("true", "false", "null").contains(name)) {
			return;
		}
		if (this.tokens.peek().is("(")) {
			throw new NotAllowed("\"" + name + "(\": en betingelse må ikke kalde en metode", token.offset());
		}
		if (!this.tokens.peek().is(".")) {
			return;
		}
		this.tokens.take();
		Token member = this.tokens.take();
		if (this.vocabulary.isEnum(name)) {
			if (!this.vocabulary.isEnumConstant(name, member.text())) {
				throw new NotAllowed("\"" + name + "." + member.text() + "\" er ikke en værdi af " + name,
						token.offset());
			}
			return;
		}
		if (member.is("size") && this.tokens.takeIf("(") && this.tokens.takeIf(")")) {
			return;
		}
		throw new NotAllowed("\"" + name + "." + member.text()
				+ "\": en betingelse må nævne et felt i faktummet, en værdi som Tier.CROSS_SECTOR eller en listes size(), intet andet",
				token.offset());
	}

	private void expect(String symbol) throws NotAllowed {
		Token token = this.tokens.take();
		if (!token.is(symbol)) {
			throw unexpected(token);
		}
	}

	static NotAllowed unexpected(Token token) {
		return new NotAllowed("\"" + token.text() + "\" er ikke tilladt her", token.offset());
	}

}
