package dk.model3.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.facts.Flag;
import dk.model3.facts.FlagRaised;
import dk.model3.facts.Outcome;
import dk.model3.facts.Tier;
import dk.model3.facts.TierRuledOut;
import org.drools.base.rule.GroupElement;
import org.drools.core.reteoo.AbstractTerminalNode;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one evaluation: which rules fired, in order, and which rule inserted each
 * derived fact or conclusion. For a decision it also keeps the facts each firing matched,
 * to explain it; a trace for exhaustive checks does without them, to stay fast.
 */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

	/**
	 * A rule firing: its name and, when kept, the facts its patterns matched and the
	 * branch of the rule that matched (the engine's subrule: one side of an {@code or}).
	 */
	record Firing(String rule, List<Object> matched, GroupElement branch) {
	}

	/** A fact a rule inserted, and the firing (its index in the firings) that did. */
	record Insertion(String rule, Object fact, int firing) {
	}

	private final boolean keepMatches;

	final List<Firing> firings = new ArrayList<>();

	final List<Insertion> insertions = new ArrayList<>();

	/** The index of the firing that inserted each fact, by identity. */
	final Map<Object, Integer> producers = new IdentityHashMap<>();

	/** Every fact the rules inserted, in order, when matches are kept. */
	final List<Object> inserted = new ArrayList<>();

	/** The index of the first firing that inserted a fact of a type, by simple name. */
	final Map<String, Integer> firstProducers = new HashMap<>();

	private Recorder(boolean keepMatches) {
		this.keepMatches = keepMatches;
	}

	/** Everything a decision and its explanation need. */
	static Recorder forDecision() {
		return new Recorder(true);
	}

	/** Rule ids and conclusions only. */
	static Recorder forTrace() {
		return new Recorder(false);
	}

	// before the consequence runs, so the facts it inserts know their firing
	@Override
	public void beforeMatchFired(BeforeMatchFiredEvent event) {
		if (!this.keepMatches) {
			this.firings.add(new Firing(event.getMatch().getRule().getName(), List.of(), null));
			return;
		}
		GroupElement branch = null;
		if (event.getMatch() instanceof InternalMatch internal
				&& internal.getTerminalNode() instanceof AbstractTerminalNode terminal) {
			branch = terminal.getSubRule();
		}
		this.firings.add(new Firing(event.getMatch().getRule().getName(), event.getMatch().getObjects(), branch));
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getRule() != null) {
			int firing = this.firings.size() - 1;
			this.insertions.add(new Insertion(event.getRule().getName(), event.getObject(), firing));
			if (this.keepMatches) {
				this.producers.put(event.getObject(), firing);
				this.inserted.add(event.getObject());
				this.firstProducers.putIfAbsent(event.getObject().getClass().getSimpleName(), firing);
			}
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		// rules never update facts
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		// logical facts only go when their support goes, which a single evaluation never
		// does
	}

	/**
	 * What the rules concluded, without judging it: a gap or an overlap shows as such.
	 */
	Trace trace(Map<String, RuleMetadata> rules) {
		List<String> fired = new ArrayList<>(this.firings.size());
		this.firings.forEach((firing) -> fired.add(id(rules, firing.rule())));
		List<String> outcomeRules = new ArrayList<>(1);
		List<Outcome> outcomes = new ArrayList<>(1);
		Set<Tier> ruledOut = EnumSet.noneOf(Tier.class);
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		List<String> flagRules = new ArrayList<>(2);
		for (Insertion insertion : this.insertions) {
			if (insertion.fact() instanceof Outcome outcome) {
				outcomes.add(outcome);
				outcomeRules.add(id(rules, insertion.rule()));
			}
			else if (insertion.fact() instanceof FlagRaised raised) {
				flags.add(raised.flag());
				flagRules.add(id(rules, insertion.rule()));
			}
			else if (insertion.fact() instanceof TierRuledOut out) {
				ruledOut.add(out.tier());
			}
		}
		return new Trace(List.copyOf(fired), List.copyOf(outcomeRules), List.copyOf(outcomes), Set.copyOf(ruledOut),
				Set.copyOf(flags), List.copyOf(flagRules));
	}

	private static String id(Map<String, RuleMetadata> rules, String ruleName) {
		RuleMetadata rule = rules.get(ruleName);
		return (rule != null) ? rule.id() : ruleName;
	}

}
