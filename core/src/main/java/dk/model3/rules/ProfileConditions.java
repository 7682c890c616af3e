package dk.model3.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.model.functions.Predicate1;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What a compiled version's rules ask of a profile, read off the compiled rules
 * themselves: the alpha network of {@link Profile}. When every condition on the profile
 * compares its fields with constants, two profiles that enter the same alpha memories
 * (the same sets of rule conditions hold) take the same path through the rest of the
 * network: the same rules fire, the same conclusions are inserted, in the same order.
 * Such profiles share a decision; only the facts shown in the explanation are their own.
 *
 * <p>
 * Sharing is proven, not assumed: it is off, with the reason, when a rule binds a
 * variable (a field compared with another fact or used in a consequence), a condition on
 * the profile compares one field with another or calls a function, a pattern has a source
 * ({@code from}, {@code accumulate}), a rule uses {@code eval} or anything beyond
 * patterns, {@code and}, {@code or}, {@code not} and {@code exists}, or the version
 * declares a global.
 */
final class ProfileConditions {

	/** An alpha node on the profile: its condition, the fields it reads, its test. */
	record Condition(String text, Set<String> fields, Predicate1<Profile> test) {

		boolean holds(Profile profile) {
			try {
				return this.test.test(profile);
			}
			catch (Exception ex) {
				throw new IllegalStateException("condition \"" + this.text + "\" failed on a profile", ex);
			}
		}

	}

	/**
	 * One node of the profile's alpha network: a condition, its child nodes, and the
	 * index of the alpha memory it feeds when anything other than another alpha node
	 * listens to it (-1 when only alpha nodes do).
	 */
	record Node(Condition condition, List<Node> children, int memory) {
	}

	private static final String GENERATED = "GENERATED_$pattern_";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	/** Words a condition may use besides fields and enum constants. */
	private static final Set<String> WORDS = Set.of("contains", "not", "memberOf", "in", "null", "true", "false",
			"matches");

	private final List<Node> roots;

	private final List<Condition> conditions;

	private final int memories;

	private final String refusal;

	private ProfileConditions(List<Node> roots, List<Condition> conditions, int memories, String refusal) {
		this.roots = roots;
		this.conditions = conditions;
		this.memories = memories;
		this.refusal = refusal;
	}

	static ProfileConditions read(KieBase kieBase) {
		try {
			return readNetwork(kieBase);
		}
		catch (RuntimeException ex) {
			// a rule base of a shape this reading does not know: every profile runs the
			// rules
			return new ProfileConditions(List.of(), List.of(), 0, "the analysis could not read the rules: " + ex);
		}
	}

	private static ProfileConditions readNetwork(KieBase kieBase) {
		String refusal = refusal(kieBase);
		if (refusal != null) {
			return new ProfileConditions(List.of(), List.of(), 0, refusal);
		}
		List<Condition> conditions = new ArrayList<>();
		int[] memories = { 0 };
		List<Node> roots = new ArrayList<>();
		for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
			if (node.getObjectType().getClassName().equals(Profile.class.getName())) {
				for (ObjectSink sink : node.getObjectSinkPropagator().getSinks()) {
					if (sink instanceof AlphaNode alpha) {
						roots.add(node(alpha, conditions, memories));
					}
				}
			}
		}
		return new ProfileConditions(List.copyOf(roots), List.copyOf(conditions), memories[0], null);
	}

	@SuppressWarnings("unchecked")
	private static Node node(AlphaNode alpha, List<Condition> conditions, int[] memories) {
		LambdaConstraint constraint = (LambdaConstraint) alpha.getConstraint();
		Condition condition = new Condition(text(constraint), fieldsIn(text(constraint)),
				(Predicate1<Profile>) constraint.getEvaluator().getConstraint().getPredicate1());
		conditions.add(condition);
		List<Node> children = new ArrayList<>();
		boolean feedsMemory = false;
		for (ObjectSink sink : alpha.getObjectSinkPropagator().getSinks()) {
			if (sink instanceof AlphaNode child) {
				children.add(node(child, conditions, memories));
			}
			else {
				feedsMemory = true;
			}
		}
		return new Node(condition, List.copyOf(children), feedsMemory ? memories[0]++ : -1);
	}

	/** Null when sharing is safe, else why not, naming the rule. */
	static String refusal(KieBase kieBase) {
		if (!((InternalRuleBase) kieBase).getGlobals().isEmpty()) {
			return "the version declares a global, which a rule could read";
		}
		for (KiePackage kiePackage : kieBase.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				RuleImpl impl = (RuleImpl) rule;
				for (String declaration : impl.getDeclarations().keySet()) {
					if (!declaration.startsWith(GENERATED)) {
						return "rule \"" + rule.getName() + "\" binds " + declaration
								+ ", so what it does may depend on a value, not only on which conditions hold";
					}
				}
				String element = refusal(impl.getLhs());
				if (element != null) {
					return "rule \"" + rule.getName() + "\" " + element;
				}
			}
		}
		return null;
	}

	private static String refusal(RuleConditionElement element) {
		if (element instanceof org.drools.base.rule.Pattern pattern) {
			if (pattern.getSource() != null) {
				return "takes facts from a source (" + pattern.getSource().getClass().getSimpleName() + ")";
			}
			boolean onProfile = Profile.class.getName().equals(pattern.getObjectType().getClassName());
			for (Constraint constraint : pattern.getConstraints()) {
				String refused = refusal(constraint, onProfile);
				if (refused != null) {
					return refused;
				}
			}
			return null;
		}
		if (element instanceof GroupElement group) {
			for (RuleConditionElement nested : group.getChildren()) {
				String refused = refusal(nested);
				if (refused != null) {
					return refused;
				}
			}
			return null;
		}
		return "uses " + element.getClass().getSimpleName() + ", which the analysis does not read";
	}

	private static String refusal(Constraint constraint, boolean onProfile) {
		if (!(constraint instanceof LambdaConstraint lambda) || !(constraint instanceof AlphaNodeFieldConstraint)) {
			return "has a condition the analysis cannot read: " + constraint;
		}
		String text = text(lambda);
		Declaration[] declarations = lambda.getEvaluator().getRequiredDeclarations();
		if (declarations.length > 0) {
			return "compares \"" + text + "\" with another fact ("
					+ String.join(", ", Arrays.stream(declarations).map(Declaration::getIdentifier).toList()) + ")";
		}
		if (!onProfile) {
			// a condition on a conclusion or a derived fact reads what a rule inserted,
			// and rules insert only constants (no variable is bound)
			return null;
		}
		String refused = refusal(text);
		if (refused != null) {
			return refused;
		}
		// what the engine says the condition reads must be what its text shows (an
		// indexed equality lists nothing)
		Set<String> shown = fieldsIn(text);
		for (String property : lambda.getEvaluator().getReactiveProps()) {
			if (!shown.contains(property)) {
				return "has the condition \"" + text + "\", which reads " + property + " beyond what its text shows";
			}
		}
		return null;
	}

	/**
	 * Reads the text of a condition on the profile: each comparison in it ({@code ||} and
	 * {@code &&} apart) may name one field, compared with literals and enum constants,
	 * and call nothing but a collection's {@code size()}.
	 */
	static String refusal(String text) {
		String bare = STRING.matcher(text).replaceAll("\"\"");
		for (String comparison : bare.split("\\|\\||&&")) {
			Set<String> fields = new LinkedHashSet<>();
			Matcher matcher = IDENTIFIER.matcher(comparison);
			while (matcher.find()) {
				String word = matcher.group();
				int before = matcher.start() - 1;
				while (before >= 0 && comparison.charAt(before) == ' ') {
					before--;
				}
				boolean afterDot = before >= 0 && comparison.charAt(before) == '.';
				String rest = comparison.substring(matcher.end()).stripLeading();
				boolean call = rest.startsWith("(");
				if (afterDot) {
					if (call && !word.equals("size")) {
						return "has the condition \"" + text + "\", which calls " + word + "(…)";
					}
					continue;
				}
				if (call && !WORDS.contains(word)) {
					return "has the condition \"" + text + "\", which calls the function " + word + "(…)";
				}
				if (ProfileFields.NAMES.contains(word)) {
					fields.add(word);
				}
				else if (rest.startsWith(".") && Character.isUpperCase(word.charAt(0))) {
					// an enum constant, like Problem.HOMELESSNESS
					continue;
				}
				else if (!WORDS.contains(word)) {
					return "has the condition \"" + text + "\", which reads " + word
							+ ", neither a field of the profile nor a constant";
				}
			}
			if (fields.size() > 1) {
				return "has the condition \"" + text + "\", which compares " + String.join(" with ", fields);
			}
		}
		return null;
	}

	/** The profile fields a condition's text names. */
	static Set<String> fieldsIn(String text) {
		Set<String> fields = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(STRING.matcher(text).replaceAll("\"\""));
		while (matcher.find()) {
			if (ProfileFields.NAMES.contains(matcher.group())) {
				fields.add(matcher.group());
			}
		}
		return fields;
	}

	private static String text(LambdaConstraint constraint) {
		return (constraint.getPredicateInformation() != null
				&& constraint.getPredicateInformation().getStringConstraint() != null)
						? constraint.getPredicateInformation().getStringConstraint().strip().replaceAll("\\s+", " ")
						: constraint.toString();
	}

	boolean shareable() {
		return this.refusal == null;
	}

	/** Why decisions are not shared; null when they are. */
	String refusal() {
		return this.refusal;
	}

	List<Condition> conditions() {
		return this.conditions;
	}

	List<Node> roots() {
		return this.roots;
	}

	int memories() {
		return this.memories;
	}

	/**
	 * The alpha memories the profile enters, as bits: what the rest of the network sees
	 * of it.
	 */
	long[] memoriesOf(Profile profile) {
		long[] bits = new long[(this.memories + 63) / 64];
		for (Node root : this.roots) {
			enter(root, profile, bits);
		}
		return bits;
	}

	private static void enter(Node node, Profile profile, long[] bits) {
		if (!node.condition().holds(profile)) {
			return;
		}
		if (node.memory() >= 0) {
			bits[node.memory() >>> 6] |= 1L << (node.memory() & 63);
		}
		for (Node child : node.children()) {
			enter(child, profile, bits);
		}
	}

	/**
	 * Which conditions hold, or which alpha memories a profile enters, as bits: equal
	 * bits, equal class of profiles.
	 */
	record Bits(long[] bits) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Bits key && Arrays.equals(this.bits, key.bits);
		}

		/**
		 * Every bit moves the whole hash (a 64-bit mix, as MurmurHash3 finishes). The
		 * conditions' bits come in runs (age below 15, below 18, …), and
		 * {@link Arrays#hashCode(long[])} folds the high half of a word onto the low one:
		 * 678 classes of a population shared 40 buckets of 8 or more in a table of 1,024,
		 * which a concurrent map then searched as trees on every evaluation.
		 */
		@Override
		public int hashCode() {
			long hash = 0;
			for (long word : this.bits) {
				hash = (hash ^ word) * 0xff51afd7ed558ccdL;
				hash ^= hash >>> 33;
			}
			hash *= 0xc4ceb9fe1a85ec53L;
			hash ^= hash >>> 33;
			return (int) (hash ^ (hash >>> 32));
		}

	}

}
