package dk.model3.rules;

import java.util.ArrayList;
import java.util.EnumSet;
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
 * A lighter {@link Recorder}: keeps rule ids and conclusions only, not the matched facts,
 * so exhaustive checks stay fast.
 */
final class TraceListener extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

	private final Map<String, RuleMetadata> rules;

	private final List<String> fired = new ArrayList<>();

	private final List<String> outcomeRules = new ArrayList<>(1);

	private final List<Outcome> outcomes = new ArrayList<>(1);

	private final Set<Tier> ruledOut = EnumSet.noneOf(Tier.class);

	private final Set<Flag> flags = EnumSet.noneOf(Flag.class);

	private final List<String> flagRules = new ArrayList<>(2);

	TraceListener(Map<String, RuleMetadata> rules) {
		this.rules = rules;
	}

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		this.fired.add(id(event.getMatch().getRule().getName()));
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getRule() == null) {
			return;
		}
		Object fact = event.getObject();
		if (fact instanceof Outcome outcome) {
			this.outcomes.add(outcome);
			this.outcomeRules.add(id(event.getRule().getName()));
		}
		else if (fact instanceof FlagRaised raised) {
			this.flags.add(raised.flag());
			this.flagRules.add(id(event.getRule().getName()));
		}
		else if (fact instanceof TierRuledOut out) {
			this.ruledOut.add(out.tier());
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		// rules never update facts
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		// logical facts only go when their support goes, which one evaluation never does
	}

	Trace trace() {
		return new Trace(List.copyOf(this.fired), List.copyOf(this.outcomeRules), List.copyOf(this.outcomes),
				Set.copyOf(this.ruledOut), Set.copyOf(this.flags), List.copyOf(this.flagRules));
	}

	private String id(String ruleName) {
		RuleMetadata rule = this.rules.get(ruleName);
		return (rule != null) ? rule.id() : ruleName;
	}

}
