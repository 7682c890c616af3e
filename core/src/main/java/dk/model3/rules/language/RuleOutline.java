package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * A rule as its file writes it, without the engine's types: its id, name, metadata,
 * salience, consequence and conditions as a tree of plain records. For code outside core
 * that compares or shows rules (the workbench's diff); only core touches the engine's
 * parser.
 *
 * @param id the rule's {@code @id}, or its name when it has none
 * @param metadata every other metadata value, unquoted, in the file's order
 * @param salience as written, or null
 * @param then the consequence as written
 */
public record RuleOutline(String id, String name, Map<String, String> metadata, String salience, String then,
		Condition when) {

	/** A condition of a rule's {@code when}. */
	public sealed interface Condition {

	}

	/** A fact pattern and its constraints, each as written ({@code age < 25}). */
	public record Pattern(String type, List<String> constraints) implements Condition {
	}

	/** {@code not}, {@code exists}, {@code or} or {@code and} over inner conditions. */
	public record Group(Kind kind, List<Condition> inner) implements Condition {
	}

	/** Anything else, as the parser gives its text. */
	public record Other(String text) implements Condition {
	}

	/** How a group combines its conditions. */
	public enum Kind {

		NOT, EXISTS, OR, AND

	}

	/** The rules of one DRL file, in its order; empty when the file does not parse. */
	public static Optional<List<RuleOutline>> of(String drl) {
		DrlParser parser = new DrlParser();
		PackageDescr parsed;
		try {
			parsed = parser.parse(false, drl);
		}
		catch (DroolsParserException | RuntimeException | StackOverflowError ex) {
			return Optional.empty();
		}
		if (parsed == null || parser.hasErrors()) {
			return Optional.empty();
		}
		List<RuleOutline> rules = new ArrayList<>();
		for (RuleDescr rule : parsed.getRules()) {
			Map<String, String> metadata = new LinkedHashMap<>();
			for (AnnotationDescr annotation : rule.getAnnotations()) {
				Object value = annotation.getValueMap().get("value");
				if (value != null && !annotation.getName().equals("id")) {
					metadata.put(annotation.getName(), unquoted(value.toString()));
				}
			}
			String salience = rule.getAttributes().containsKey("salience")
					? rule.getAttributes().get("salience").getValue() : null;
			String then = (rule.getConsequence() != null) ? rule.getConsequence().toString().strip() : "";
			String id = (rule.getAnnotation("id") != null) ? unquoted(rule.getAnnotation("id").getValue().toString())
					: rule.getName();
			rules.add(new RuleOutline(id, rule.getName(), metadata, salience, then, condition(rule.getLhs())));
		}
		return Optional.of(rules);
	}

	private static Condition condition(BaseDescr descr) {
		if (descr instanceof PatternDescr pattern) {
			return new Pattern(pattern.getObjectType(),
					pattern.getDescrs().stream().map(RuleOutline::constraint).toList());
		}
		if (descr instanceof NotDescr not) {
			return group(Kind.NOT, not.getDescrs());
		}
		if (descr instanceof ExistsDescr exists) {
			return group(Kind.EXISTS, exists.getDescrs());
		}
		if (descr instanceof OrDescr or) {
			return group(Kind.OR, or.getDescrs());
		}
		if (descr instanceof AndDescr and) {
			return group(Kind.AND, and.getDescrs());
		}
		return new Other(String.valueOf(descr.getText()));
	}

	private static Group group(Kind kind, List<?> inner) {
		return new Group(kind, inner.stream().map((descr) -> condition((BaseDescr) descr)).toList());
	}

	private static String constraint(BaseDescr constraint) {
		if (constraint instanceof ExprConstraintDescr expr) {
			return expr.getExpression().strip();
		}
		if (constraint instanceof BindingDescr binding) {
			return binding.getVariable() + " : " + binding.getExpression();
		}
		return String.valueOf(constraint.getText());
	}

	private static String unquoted(String value) {
		String text = value.strip();
		return (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\""))
				? text.substring(1, text.length() - 1) : text;
	}

}
