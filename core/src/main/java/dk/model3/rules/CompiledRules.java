package dk.model3.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Flag;
import dk.model3.facts.FlagRaised;
import dk.model3.facts.ImplausibleInput;
import dk.model3.facts.Outcome;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.facts.Tier;
import dk.model3.facts.TierRuledOut;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compiled rule version, ready to evaluate profiles. Thread-safe: the rule base is
 * shared and each evaluation borrows its own session from a pool.
 *
 * <p>
 * Profiles that enter the same alpha memories of the rule network share a decision (see
 * {@link ProfileConditions}, which proves from the compiled rules that this is safe, or
 * turns sharing off for the version and says why): the first such profile runs the rules,
 * the others reuse what they concluded, with their own values in the explanation.
 */
public final class CompiledRules {

	private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);

	/**
	 * Decisions kept per version. A shipped version has a few thousand classes of
	 * profiles; a decision's shape takes well under a kilobyte.
	 */
	static final int SHARED_DECISIONS = 100_000;

	/**
	 * Rule firings one evaluation may take. A decision of the shipped versions takes
	 * fewer than 60; a version needing more than this has a rule that feeds itself.
	 */
	public static final int MAX_FIRINGS = 1_000;

	private final VersionDescriptor descriptor;

	private final RuleVersionFiles files;

	private final String checksum;

	private final KieBase kieBase;

	private final Map<String, RuleMetadata> rules;

	private final OrSides orSides;

	private final KieSessionsPool sessions;

	private final ProfileConditions conditions;

	private final Map<ProfileConditions.Bits, Shape> shared = new ConcurrentHashMap<>();

	private final Map<List<String>, List<String>> fieldLists = new ConcurrentHashMap<>();

	/** Rule name to the types its consequence creates. */
	private final Map<String, Set<String>> creates;

	/** The profile fields behind each derived fact or conclusion, by type. */
	private final Map<String, Set<String>> behind = new ConcurrentHashMap<>();

	/**
	 * What a class of profiles shares: the decision with each rule's facts left out, and
	 * the profile fields each rule's facts are read from.
	 */
	private record Shape(Decision withoutFacts, List<List<String>> fields) {

		static Shape of(Decision decision, UnaryOperator<List<String>> oneInstance) {
			return new Shape(new Decision(decision.status(), decision.tier(), decision.responsibleArea(),
					decision.flags(),
					decision.explanation().stream().map((fired) -> new FiredRule(fired.rule(), Map.of())).toList(),
					decision.whyNot(), decision.missingFacts(), decision.nextStep(), decision.rulesVersion(),
					decision.rulesChecksum(), decision.decidingRuleId(), decision.warnings()),
					decision.explanation()
						.stream()
						.map((fired) -> oneInstance.apply(List.copyOf(fired.facts().keySet())))
						.toList());
		}

		SharedDecision of(Profile profile) {
			return new SharedDecision(this.withoutFacts, this.fields, profile);
		}

	}

	public CompiledRules(VersionDescriptor descriptor, RuleVersionFiles files, String checksum, KieBase kieBase,
			Map<String, RuleMetadata> rules, OrSides orSides) {
		this(descriptor, files, checksum, kieBase,
				kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()), ProfileConditions.read(kieBase),
				rules, orSides);
		if (this.conditions.shareable()) {
			log.info("Rule version {}: profiles that meet the same {} conditions share a decision", version(),
					this.conditions.conditions().size());
		}
		else {
			log.info("Rule version {}: every profile runs the rules, no decision is shared: {}", version(),
					this.conditions.refusal());
		}
		warmUpEngine();
	}

	/**
	 * A version compiled from the same rule files as {@code sameRuleFiles} (its scenarios
	 * or descriptor differ): it takes that one's compiled rules, their sessions and
	 * conditions, and has its own descriptor, files, checksum and rule texts.
	 */
	public CompiledRules(VersionDescriptor descriptor, RuleVersionFiles files, String checksum,
			CompiledRules sameRuleFiles, Map<String, RuleMetadata> rules, OrSides orSides) {
		this(descriptor, files, checksum, sameRuleFiles.kieBase, sameRuleFiles.sessions, sameRuleFiles.conditions,
				rules, orSides);
	}

	private CompiledRules(VersionDescriptor descriptor, RuleVersionFiles files, String checksum, KieBase kieBase,
			KieSessionsPool sessions, ProfileConditions conditions, Map<String, RuleMetadata> rules, OrSides orSides) {
		this.orSides = orSides;
		this.descriptor = descriptor;
		this.files = files;
		this.checksum = checksum;
		this.kieBase = kieBase;
		this.rules = Map.copyOf(rules);
		this.creates = Conclusions.of(files);
		this.sessions = sessions;
		this.conditions = conditions;
	}

	private static boolean engineWarm;

	/*
	 * The engine finds its truth-maintenance helper through a service lookup the first
	 * time any rule calls insertLogical. Drools 10.2 has a race there: when two threads
	 * fire their first rules at once, one may get the plain helper, and every later
	 * insertLogical then recurses until the stack overflows. So the first rule version
	 * compiled in a JVM fires once here, on one thread, before anyone can share it.
	 */
	private void warmUpEngine() {
		synchronized (CompiledRules.class) {
			if (engineWarm) {
				return;
			}
			try {
				trace(new Profile(40, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT,
						Set.of(Problem.SEVERE_MENTAL_ILLNESS, Problem.ANXIETY), false, false, false, false, 2));
			}
			catch (RuntimeException ex) {
				// a broken rule set still warms the engine up to the point it broke
			}
			engineWarm = true;
		}
	}

	public VersionDescriptor descriptor() {
		return this.descriptor;
	}

	public String version() {
		return this.descriptor.id();
	}

	public String checksum() {
		return this.checksum;
	}

	public RuleVersionFiles files() {
		return this.files;
	}

	/**
	 * The compiled rules: a compile of the same rule files takes it rather than compiling
	 * them again ({@code RuleCompiler.compile(files, earlier)}).
	 */
	public KieBase kieBase() {
		return this.kieBase;
	}

	/** Every rule of the version, sorted by id. */
	public List<RuleMetadata> rules() {
		return this.rules.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
	}

	/**
	 * Whether profiles share decisions, and if not why: for logs and reports.
	 */
	public String sharing() {
		return this.conditions.shareable()
				? "profiles that meet the same " + this.conditions.conditions().size()
						+ " conditions on the profile share a decision"
				: "no decision is shared: " + this.conditions.refusal();
	}

	/** Null when profiles do not share decisions in this version. */
	ProfileConditions conditions() {
		return this.conditions.shareable() ? this.conditions : null;
	}

	/** Runs the rules on one profile, or reuses what they concluded for its class. */
	public Decision evaluate(Profile profile) {
		return this.conditions.shareable() ? classify(profile).decision() : evaluateUnshared(profile);
	}

	/**
	 * The decision for a profile with each rule's facts left out (empty), for a caller
	 * that shows only the outcome, its flags and rules: the batch's short lines. Every
	 * profile of a class that shares a decision gets the same instance.
	 */
	public Decision evaluateWithoutFacts(Profile profile) {
		return classify(profile).withoutFacts();
	}

	/**
	 * The decision for a profile as its class shares it: the class's decision without
	 * facts, the same instance for every profile of the class, and the profile's facts
	 * when asked. In a version whose profiles share nothing, each profile is a class of
	 * its own.
	 */
	public SharedDecision classify(Profile profile) {
		if (!this.conditions.shareable()) {
			return Shape.of(evaluateUnshared(profile), this::oneInstance).of(profile);
		}
		ProfileConditions.Bits key = classOf(profile);
		Shape shape = this.shared.get(key);
		return ((shape != null) ? shape : remember(key, evaluateUnshared(profile))).of(profile);
	}

	// one instance of each list of fields a rule's facts are read from, whichever class
	// fired the rule: what is kept by the list (the facts' bytes) compares it by
	// identity
	private List<String> oneInstance(List<String> fields) {
		List<String> kept = this.fieldLists.putIfAbsent(fields, fields);
		return (kept != null) ? kept : fields;
	}

	/** Runs the rules on the profile, whatever was decided for others. */
	Decision evaluateUnshared(Profile profile) {
		return decide(profile, run(profile));
	}

	private ProfileConditions.Bits classOf(Profile profile) {
		return new ProfileConditions.Bits(this.conditions.memoriesOf(profile));
	}

	// the shape of a class's first decision, kept for the class while there is room
	private Shape remember(ProfileConditions.Bits key, Decision decision) {
		Shape shape = Shape.of(decision, this::oneInstance);
		Shape raced = (this.shared.size() < SHARED_DECISIONS) ? this.shared.putIfAbsent(key, shape) : null;
		return (raced != null) ? raced : shape;
	}

	/**
	 * Every rule that fired for the profile, in firing order, including derived-fact and
	 * why-not rules that did not decide. For coverage and rule authoring tools.
	 */
	public List<RuleMetadata> firedRules(Profile profile) {
		return run(profile).firings.stream().map((firing) -> this.rules.get(firing.rule())).toList();
	}

	private Recorder run(Profile profile) {
		return run(profile, Recorder.forDecision());
	}

	// the listener hears one evaluation only: it is attached for it and removed after
	private Recorder run(Profile profile, Recorder listener) {
		KieSession session = this.sessions.newKieSession();
		session.addEventListener((AgendaEventListener) listener);
		session.addEventListener((RuleRuntimeEventListener) listener);
		try {
			session.insert(profile);
			// one more than the limit, to tell "stopped at the limit" from "done at it"
			if (session.fireAllRules(MAX_FIRINGS + 1) > MAX_FIRINGS) {
				throw new FiringLimitExceeded(version(), MAX_FIRINGS);
			}
		}
		finally {
			session.removeEventListener((AgendaEventListener) listener);
			session.removeEventListener((RuleRuntimeEventListener) listener);
			session.dispose();
		}
		return listener;
	}

	/**
	 * Runs the rules on one profile and returns what they concluded without judging it: a
	 * gap or an overlap shows as zero or several outcomes instead of an exception. For
	 * completeness checks and version comparisons over large profile spaces.
	 */
	public Trace trace(Profile profile) {
		return run(profile, Recorder.forTrace()).trace(this.rules);
	}

	/**
	 * Where the rule with this id is declared, as {@code folder/file:line:column}, for
	 * reports that point an editor at it; null when no rule has the id.
	 */
	public String locationOf(String ruleId) {
		return this.rules.values()
			.stream()
			.filter((rule) -> rule.id().equals(ruleId))
			.findFirst()
			.map((rule) -> RuleLocation.find(this.files, rule.name()).where())
			.orElse(null);
	}

	private Decision decide(Profile profile, Recorder recorder) {
		Outcome outcome = null;
		List<String> outcomeRules = new ArrayList<>();
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		Set<String> decisive = new HashSet<>();
		Map<Tier, RuleMetadata> whyNot = new EnumMap<>(Tier.class);
		List<Warning> warnings = new ArrayList<>(0);
		for (Recorder.Insertion insertion : recorder.insertions) {
			if (insertion.fact() instanceof Outcome recorded) {
				outcome = recorded;
				outcomeRules.add(insertion.rule());
				decisive.add(insertion.rule());
			}
			else if (insertion.fact() instanceof FlagRaised raised) {
				flags.add(raised.flag());
				decisive.add(insertion.rule());
			}
			else if (insertion.fact() instanceof TierRuledOut ruledOut) {
				RuleMetadata rule = this.rules.get(insertion.rule());
				whyNot.merge(ruledOut.tier(), rule, (a, b) -> (a.id().compareTo(b.id()) <= 0) ? a : b);
			}
			else if (insertion.fact() instanceof ImplausibleInput implausible) {
				warnings.add(new Warning(implausible.fields(), this.rules.get(insertion.rule()).text()));
			}
		}
		if (outcomeRules.size() != 1) {
			throw new NoSingleOutcome(version(),
					outcomeRules.stream().map((name) -> this.rules.get(name).id()).toList());
		}
		whyNot.remove(outcome.tier());
		List<FiredRule> explanation = explain(profile, recorder, decisive);
		List<Text> nextSteps = new ArrayList<>();
		addNextStep(nextSteps, outcomeRules.get(0));
		for (FiredRule fired : explanation) {
			if (!fired.rule().name().equals(outcomeRules.get(0)) && fired.rule().nextStep() != null) {
				nextSteps.add(fired.rule().nextStep());
			}
		}
		List<TierReason> reasons = whyNot.entrySet()
			.stream()
			.map((entry) -> new TierReason(entry.getKey(), entry.getValue()))
			.toList();
		return new Decision(outcome.status(), outcome.tier(), outcome.area(), Collections.unmodifiableSet(flags),
				explanation, reasons, outcome.missingFacts(), Text.join(nextSteps), version(), this.checksum,
				this.rules.get(outcomeRules.get(0)).id(), warnings);
	}

	private void addNextStep(List<Text> nextSteps, String ruleName) {
		Text next = this.rules.get(ruleName).nextStep();
		if (next != null) {
			nextSteps.add(next);
		}
	}

	// the rules that decided, plus the rules that derived the facts they matched, in
	// firing order, each with the profile fields its matched branch rests on
	private List<FiredRule> explain(Profile profile, Recorder recorder, Set<String> decisive) {
		Set<String> included = new HashSet<>(decisive);
		List<Recorder.Firing> firings = recorder.firings;
		for (int i = firings.size() - 1; i >= 0; i--) {
			Recorder.Firing firing = firings.get(i);
			if (included.contains(firing.rule())) {
				for (Object matched : firing.matched()) {
					Integer producer = recorder.producers.get(matched);
					if (producer != null) {
						included.add(firings.get(producer).rule());
					}
				}
			}
		}
		Map<String, Set<String>> fieldsByRule = new LinkedHashMap<>();
		Map<Integer, Set<String>> memo = new HashMap<>();
		for (int i = 0; i < firings.size(); i++) {
			Recorder.Firing firing = firings.get(i);
			if (included.contains(firing.rule())) {
				// a rule that fired on several branches rests on each of them
				fieldsByRule.computeIfAbsent(firing.rule(), (name) -> new LinkedHashSet<>())
					.addAll(fieldsOf(profile, recorder, i, memo, new HashSet<>()));
			}
		}
		List<FiredRule> explanation = new ArrayList<>(fieldsByRule.size());
		fieldsByRule.forEach((name, fields) -> explanation
			.add(new FiredRule(this.rules.get(name), SharedDecision.factsOf(List.copyOf(fields), profile))));
		return explanation;
	}

	/*
	 * The profile fields one firing rests on: the fields the patterns of the branch that
	 * matched constrain; for a derived fact it matched, the fields the firing that
	 * inserted it rests on; for a fact it required to be absent, every field the rules
	 * that could have inserted it read. Read off what the engine did, never off the
	 * conditions evaluated again.
	 */
	private Set<String> fieldsOf(Profile profile, Recorder recorder, int index, Map<Integer, Set<String>> memo,
			Set<Integer> visiting) {
		Set<String> known = memo.get(index);
		if (known != null) {
			return known;
		}
		Set<String> fields = new LinkedHashSet<>();
		if (!visiting.add(index)) {
			return fields;
		}
		Recorder.Firing firing = recorder.firings.get(index);
		for (FactUse use : branchUses(profile, recorder, firing)) {
			if (use.profileField()) {
				fields.add(use.name());
			}
			else if (use.negated()) {
				fields.addAll(fieldsBehind(use.name()));
			}
			else {
				Integer producer = producerOf(recorder, firing, use.name());
				if (producer != null) {
					fields.addAll(fieldsOf(profile, recorder, producer, memo, visiting));
				}
			}
		}
		memo.put(index, fields);
		return fields;
	}

	// the firing that inserted the fact of this type the firing matched: the matched
	// object itself where the match holds it, otherwise (inside exists) the first of its
	// type
	private static Integer producerOf(Recorder recorder, Recorder.Firing firing, String type) {
		for (Object matched : firing.matched()) {
			if (matched != null && matched.getClass().getSimpleName().equals(type)) {
				Integer producer = recorder.producers.get(matched);
				if (producer != null) {
					return producer;
				}
			}
		}
		return recorder.firstProducers.get(type);
	}

	private List<FactUse> branchUses(Profile profile, Recorder recorder, Recorder.Firing firing) {
		if (firing.branch() == null) {
			return this.rules.get(firing.rule()).uses();
		}
		return HeldBranch.of(firing.branch(), profile, recorder.inserted, this.orSides);
	}

	// every profile field the rules that create a fact of this type read, through the
	// facts they match or exclude in turn
	private Set<String> fieldsBehind(String type) {
		Set<String> known = this.behind.get(type);
		if (known != null) {
			return known;
		}
		Set<String> fields = new LinkedHashSet<>();
		collectBehind(type, fields, new HashSet<>());
		Set<String> result = Collections.unmodifiableSet(fields);
		this.behind.putIfAbsent(type, result);
		return result;
	}

	private void collectBehind(String type, Set<String> fields, Set<String> visiting) {
		if (!visiting.add(type)) {
			return;
		}
		this.creates.forEach((ruleName, types) -> {
			RuleMetadata rule = this.rules.get(ruleName);
			if (rule == null || !types.contains(type)) {
				return;
			}
			for (FactUse use : rule.uses()) {
				if (use.profileField()) {
					fields.add(use.name());
				}
				else {
					collectBehind(use.name(), fields, visiting);
				}
			}
		});
	}

}
