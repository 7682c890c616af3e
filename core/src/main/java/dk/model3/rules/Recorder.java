package dk.model3.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.facts.Flag;
import dk.model3.facts.FlagRaised;
import dk.model3.facts.Outcome;
import dk.model3.facts.Tier;
import dk.model3.facts.TierRuledOut;
import org.kie.api.event.rule.AfterMatchFiredEvent;
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

	/** A rule firing: its name and, when kept, the facts its patterns matched. */
	record Firing(String rule, List<Object> matched) {
	}

	/** A fact a rule inserted. */
	record Insertion(String rule, Object fact) {
	}

	private final boolean keepMatches;

	final List<Firing> firings = new ArrayList<>();

	final List<Insertion> insertions = new ArrayList<>();

	final Map<Object, String> producers = new IdentityHashMap<>();

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

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		this.firings.add(new Firing(event.getMatch().getRule().getName(),
				this.keepMatches ? event.getMatch().getObjects() : List.of()));
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getRule() != null) {
			this.insertions.add(new Insertion(event.getRule().getName(), event.getObject()));
			if (this.keepMatches) {
				this.producers.put(event.getObject(), event.getRule().getName());
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
