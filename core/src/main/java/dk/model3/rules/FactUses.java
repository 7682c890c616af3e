package dk.model3.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.definition.rule.Rule;

/**
 * Reads off a compiled rule which facts its conditions use, so the explanation can show
 * them without the rule author listing them a second time.
 */
public final class FactUses {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private FactUses() {
	}

	public static List<FactUse> of(Rule rule) {
		Map<String, FactUse> uses = new LinkedHashMap<>();
		if (rule instanceof RuleImpl impl) {
			walk(impl.getLhs(), false, uses);
		}
		return new ArrayList<>(uses.values());
	}

	// under an odd number of nots a fact is required absent (the engine writes an exists
	// over an or as a not of a not)
	private static void walk(RuleConditionElement element, boolean negated, Map<String, FactUse> uses) {
		if (element instanceof org.drools.base.rule.Pattern pattern) {
			String className = pattern.getObjectType().getClassName();
			if (Profile.class.getName().equals(className)) {
				for (Constraint constraint : pattern.getConstraints()) {
					for (String field : fieldsIn(constraint)) {
						uses.putIfAbsent(field, new FactUse(field, true, false));
					}
				}
			}
			else if (className != null && !className.startsWith("org.drools")) {
				String name = className.substring(className.lastIndexOf('.') + 1);
				uses.putIfAbsent(name, new FactUse(name, false, negated));
			}
			return;
		}
		boolean inNot = negated ^ (element instanceof GroupElement group && group.isNot());
		for (RuleConditionElement nested : element.getNestedElements()) {
			walk(nested, inNot, uses);
		}
	}

	/** The profile fields one constraint on the profile names. */
	static List<FactUse> fieldsOf(Constraint constraint) {
		return fieldsIn(constraint).stream().map((field) -> new FactUse(field, true, false)).toList();
	}

	private static List<String> fieldsIn(Constraint constraint) {
		String text = (constraint instanceof LambdaConstraint lambda && lambda.getPredicateInformation() != null)
				? lambda.getPredicateInformation().getStringConstraint() : constraint.toString();
		List<String> fields = new ArrayList<>();
		Matcher matcher = IDENTIFIER.matcher((text != null) ? text : "");
		while (matcher.find()) {
			if (ProfileFields.NAMES.contains(matcher.group()) && !fields.contains(matcher.group())) {
				fields.add(matcher.group());
			}
		}
		return fields;
	}

}
