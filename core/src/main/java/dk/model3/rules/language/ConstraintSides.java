package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import dk.model3.rules.OrSides;
import dk.model3.rules.language.DrlTokens.Kind;
import dk.model3.rules.language.DrlTokens.NotAllowed;
import dk.model3.rules.language.DrlTokens.Token;

/**
 * The profile fields one constraint that held rests on: where the constraint has an
 * {@code ||} ({@code benefit == Benefit.DISABILITY_PENSION || employmentPotential ==
 * EmploymentPotential.NONE}), only the sides that held, as the evaluation does for an
 * {@code or} between patterns. The constraint is read with the grammar of the rule
 * language ({@link ConstraintGrammar}) and its sides tested on the profile; the reading
 * counts only where it agrees with the engine's own compiled constraint on the whole,
 * otherwise (or where a side compares with a bound variable) every field the constraint
 * names is returned, as before.
 */
public final class ConstraintSides {

	/** The rule language's reader of the sides of an {@code ||}. */
	public static final OrSides READER = ConstraintSides::held;

	private final DrlTokens tokens;

	private final Profile profile;

	private ConstraintSides(DrlTokens tokens, Profile profile) {
		this.tokens = tokens;
		this.profile = profile;
	}

	/**
	 * The fields of the sides that held, in the order the constraint names them; null
	 * when the constraint cannot be read here or the reading disagrees with the engine.
	 * @param constraint the constraint's text as the rule file has it
	 * @param profile the profile it held for
	 */
	static List<String> held(String constraint, Profile profile) {
		try {
			ConstraintSides reader = new ConstraintSides(DrlTokens.of(constraint), profile);
			Expression expression = reader.or();
			if (reader.tokens.peek().kind() != Kind.END || !Boolean.TRUE.equals(expression.value())) {
				return null;
			}
			List<String> fields = new ArrayList<>();
			expression.deciding(true, fields);
			return fields;
		}
		catch (NotAllowed | RuntimeException ex) {
			return null;
		}
	}

	private Expression or() throws NotAllowed {
		List<Expression> sides = new ArrayList<>(List.of(and()));
		while (this.tokens.takeIf("||")) {
			sides.add(and());
		}
		return (sides.size() == 1) ? sides.get(0) : new Any(sides);
	}

	private Expression and() throws NotAllowed {
		List<Expression> parts = new ArrayList<>(List.of(unary()));
		while (this.tokens.takeIf("&&")) {
			parts.add(unary());
		}
		return (parts.size() == 1) ? parts.get(0) : new All(parts);
	}

	private Expression unary() throws NotAllowed {
		if (this.tokens.takeIf("!")) {
			return new Negation(unary());
		}
		if (this.tokens.takeIf("(")) {
			Expression inner = or();
			if (!this.tokens.take().is(")")) {
				throw new NotAllowed("\")\" expected", 0);
			}
			return inner;
		}
		Operand left = operand();
		Token next = this.tokens.peek();
		if (next.kind() == Kind.SYMBOL && List.of("==", "!=", "<", "<=", ">", ">=").contains(next.text())) {
			this.tokens.take();
			return new Comparison(left, next.text(), operand());
		}
		if (next.kind() == Kind.IDENTIFIER && (next.is("not") || next.is("contains") || next.is("memberOf"))) {
			boolean not = this.tokens.takeIf("not");
			String operator = this.tokens.take().text();
			return new Comparison(left, (not ? "not " : "") + operator, operand());
		}
		return new Comparison(left, "==", new Operand(null, false, Boolean.TRUE, true));
	}

	private Operand operand() throws NotAllowed {
		Token token = this.tokens.take();
		return switch (token.kind()) {
			case NUMBER -> new Operand(null, false, Long.parseLong(token.text()), true);
			case STRING -> new Operand(null, false, token.text().substring(1, token.text().length() - 1), true);
			case SYMBOL -> {
				if (!token.is("-")) {
					throw ConstraintGrammar.unexpected(token);
				}
				yield new Operand(null, false, -Long.parseLong(this.tokens.take().text()), true);
			}
			case IDENTIFIER -> identifier(token.text());
			// a bound variable is another fact's value: not read here
			default -> throw ConstraintGrammar.unexpected(token);
		};
	}

	private Operand identifier(String name) throws NotAllowed {
		switch (name) {
			case "true", "false" -> {
				return new Operand(null, false, Boolean.valueOf(name), true);
			}
			case "null" -> {
				return new Operand(null, false, null, true);
			}
			default -> {
			}
		}
		if (!this.tokens.takeIf(".")) {
			if (!ProfileFields.NAMES.contains(name)) {
				throw new NotAllowed(name, 0);
			}
			return new Operand(name, false, null, false);
		}
		String member = this.tokens.take().text();
		if (member.equals("size") && this.tokens.takeIf("(") && this.tokens.takeIf(")")) {
			return new Operand(name, true, null, false);
		}
		// an enum constant: compared by its name
		return new Operand(null, false, member, true);
	}

	/**
	 * A part of the constraint: its value for the profile, and the fields that decided
	 * it.
	 */
	private interface Expression {

		/** True or false, or null where it cannot be told here. */
		Boolean value();

		/** Adds the fields that made the part {@code holding}. */
		void deciding(boolean holding, List<String> fields);

	}

	private record Any(List<Expression> sides) implements Expression {

		@Override
		public Boolean value() {
			boolean unknown = false;
			for (Expression side : this.sides) {
				Boolean value = side.value();
				if (Boolean.TRUE.equals(value)) {
					return true;
				}
				unknown |= value == null;
			}
			return unknown ? null : false;
		}

		@Override
		public void deciding(boolean holding, List<String> fields) {
			// an "or" that held held on the sides that held; one that failed on all
			for (Expression side : this.sides) {
				if (!holding || Boolean.TRUE.equals(side.value())) {
					side.deciding(holding, fields);
				}
			}
		}

	}

	private record All(List<Expression> parts) implements Expression {

		@Override
		public Boolean value() {
			boolean unknown = false;
			for (Expression part : this.parts) {
				Boolean value = part.value();
				if (Boolean.FALSE.equals(value)) {
					return false;
				}
				unknown |= value == null;
			}
			return unknown ? null : true;
		}

		@Override
		public void deciding(boolean holding, List<String> fields) {
			// an "and" that held held on every part; one that failed on the parts that
			// failed
			for (Expression part : this.parts) {
				if (holding || Boolean.FALSE.equals(part.value())) {
					part.deciding(holding, fields);
				}
			}
		}

	}

	private record Negation(Expression inner) implements Expression {

		@Override
		public Boolean value() {
			Boolean value = this.inner.value();
			return (value != null) ? !value : null;
		}

		@Override
		public void deciding(boolean holding, List<String> fields) {
			this.inner.deciding(!holding, fields);
		}

	}

	private final class Comparison implements Expression {

		private final Operand left;

		private final String operator;

		private final Operand right;

		Comparison(Operand left, String operator, Operand right) {
			this.left = left;
			this.operator = operator;
			this.right = right;
		}

		@Override
		public Boolean value() {
			Object a = this.left.value(ConstraintSides.this.profile);
			Object b = this.right.value(ConstraintSides.this.profile);
			return switch (this.operator) {
				case "==" -> same(a, b);
				case "!=" -> !same(a, b);
				case "<", "<=", ">", ">=" -> ordered(a, b);
				case "contains" -> contains(a, b);
				case "not contains" -> !contains(a, b);
				case "memberOf" -> contains(b, a);
				case "not memberOf" -> !contains(b, a);
				default -> null;
			};
		}

		private Boolean ordered(Object a, Object b) {
			if (!(a instanceof Number x) || !(b instanceof Number y)) {
				// the engine holds a comparison with a missing number false
				return (a == null || b == null) ? false : null;
			}
			int order = Long.compare(x.longValue(), y.longValue());
			return switch (this.operator) {
				case "<" -> order < 0;
				case "<=" -> order <= 0;
				case ">" -> order > 0;
				default -> order >= 0;
			};
		}

		@Override
		public void deciding(boolean holding, List<String> fields) {
			for (Operand operand : List.of(this.left, this.right)) {
				if (operand.field() != null && !fields.contains(operand.field())) {
					fields.add(operand.field());
				}
			}
		}

	}

	private static boolean same(Object a, Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return x.longValue() == y.longValue();
		}
		return Objects.equals(name(a), name(b));
	}

	private static boolean contains(Object collection, Object element) {
		if (!(collection instanceof Collection<?> items)) {
			return false;
		}
		return items.stream().anyMatch((item) -> same(item, element));
	}

	// an enum value is compared by its constant's name
	private static Object name(Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : value;
	}

	/** A field of the profile (or its size), or a constant. */
	private record Operand(String field, boolean size, Object constant, boolean isConstant) {

		Object value(Profile profile) {
			if (this.isConstant) {
				return this.constant;
			}
			Object value = ProfileFields.value(profile, this.field);
			if (this.size) {
				return (value instanceof Collection<?> items) ? (Object) items.size() : null;
			}
			return value;
		}

	}

}
