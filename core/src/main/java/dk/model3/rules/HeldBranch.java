package dk.model3.rules;

import java.util.ArrayList;
import java.util.List;

import dk.model3.facts.Profile;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.model.functions.Predicate1;
import org.drools.modelcompiler.constraints.LambdaConstraint;

/**
 * The conditions of a fired rule that made it fire: where the rule has an {@code or} (the
 * engine keeps one inside {@code exists} or {@code not} as a group of its own, or turns
 * it into {@code not(… and …)}), only the side that held. Which side held is read off
 * what the engine has: the profile tested with the rule's own compiled constraints, and
 * the derived facts the evaluation inserted. Within one constraint on the profile an
 * {@code ||} is resolved the same way ({@link OrSides}). Nothing of a condition is
 * written again here.
 */
final class HeldBranch {

	private final Profile profile;

	private final List<Object> inserted;

	private final List<FactUse> uses = new ArrayList<>();

	private final OrSides orSides;

	private HeldBranch(Profile profile, List<Object> inserted, OrSides orSides) {
		this.profile = profile;
		this.inserted = inserted;
		this.orSides = orSides;
	}

	/**
	 * The facts the branch read where they decided: profile fields, derived facts present
	 * and derived facts absent ({@link FactUse#negated()}).
	 * @param branch the subrule that matched
	 * @param profile the profile evaluated
	 * @param inserted every fact the evaluation inserted
	 * @param orSides reads the sides of an {@code ||} inside one constraint
	 */
	static List<FactUse> of(RuleConditionElement branch, Profile profile, List<Object> inserted, OrSides orSides) {
		HeldBranch held = new HeldBranch(profile, inserted, orSides);
		held.resolve(branch, true);
		return held.uses;
	}

	// holding: whether the element held where the rule fired (true) or failed (false,
	// under a not)
	private void resolve(RuleConditionElement element, boolean holding) {
		if (element instanceof Pattern pattern) {
			use(pattern, holding);
			return;
		}
		if (!(element instanceof GroupElement group)) {
			return;
		}
		if (group.isNot()) {
			group.getChildren().forEach((child) -> resolve(child, !holding));
			return;
		}
		// an "and" that failed failed on the children that failed; an "or" that held
		// held on the children that held
		boolean choose = (group.isAnd() && !holding) || ((group.isOr() || group.isExists()) && holding);
		List<RuleConditionElement> chosen = new ArrayList<>();
		if (choose) {
			for (RuleConditionElement child : group.getChildren()) {
				if (holds(child) == holding) {
					chosen.add(child);
				}
			}
		}
		(chosen.isEmpty() ? group.getChildren() : chosen).forEach((child) -> resolve(child, holding));
	}

	private void use(Pattern pattern, boolean holding) {
		String className = pattern.getObjectType().getClassName();
		if (Profile.class.getName().equals(className)) {
			for (Constraint constraint : pattern.getConstraints()) {
				for (FactUse field : fieldsThatHeld(constraint, holding)) {
					if (!this.uses.contains(field)) {
						this.uses.add(field);
					}
				}
			}
		}
		else if (className != null && !className.startsWith("org.drools")) {
			FactUse use = new FactUse(className.substring(className.lastIndexOf('.') + 1), false, !holding);
			if (!this.uses.contains(use)) {
				this.uses.add(use);
			}
		}
	}

	// the fields of a constraint the profile met: with an "||", those of the sides that
	// held, where the engine's own constraint agrees that it held; otherwise every field
	// it
	// names
	private List<FactUse> fieldsThatHeld(Constraint constraint, boolean holding) {
		if (holding && constraint instanceof LambdaConstraint lambda && lambda.getPredicateInformation() != null
				&& lambda.getPredicateInformation().getStringConstraint() != null
				&& lambda.getPredicateInformation().getStringConstraint().contains("||")
				&& Boolean.TRUE.equals(test(lambda, this.profile))) {
			List<String> held = this.orSides.held(lambda.getPredicateInformation().getStringConstraint(), this.profile);
			if (held != null) {
				return held.stream().map((field) -> new FactUse(field, true, false)).toList();
			}
		}
		return FactUses.fieldsOf(constraint);
	}

	private boolean holds(RuleConditionElement element) {
		if (element instanceof Pattern pattern) {
			return patternHolds(pattern);
		}
		if (!(element instanceof GroupElement group)) {
			return true;
		}
		if (group.isNot()) {
			return group.getChildren().stream().noneMatch(this::holds);
		}
		if (group.isAnd()) {
			return group.getChildren().stream().allMatch(this::holds);
		}
		return group.getChildren().stream().anyMatch(this::holds);
	}

	private boolean patternHolds(Pattern pattern) {
		String className = pattern.getObjectType().getClassName();
		if (Profile.class.getName().equals(className)) {
			return satisfies(pattern, this.profile);
		}
		for (Object fact : this.inserted) {
			if (fact.getClass().getName().equals(className) && satisfies(pattern, fact)) {
				return true;
			}
		}
		return false;
	}

	// the pattern's own compiled constraints on one fact; one the engine cannot test on a
	// single fact alone counts as held
	private static boolean satisfies(Pattern pattern, Object fact) {
		for (Constraint constraint : pattern.getConstraints()) {
			if (constraint instanceof LambdaConstraint lambda && Boolean.FALSE.equals(test(lambda, fact))) {
				return false;
			}
		}
		return true;
	}

	// the engine's compiled constraint on one fact: null where it is not a test of that
	// fact alone
	@SuppressWarnings("unchecked")
	private static Boolean test(LambdaConstraint lambda, Object fact) {
		try {
			Predicate1<Object> predicate = (Predicate1<Object>) lambda.getEvaluator().getConstraint().getPredicate1();
			return (predicate != null) ? predicate.test(fact) : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

}
