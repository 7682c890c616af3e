package dk.model3.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one evaluation: which rules fired, in order, with the facts they matched,
 * and which rule inserted each derived fact or conclusion.
 */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

	/** A rule firing: its name and the facts its patterns matched. */
	record Firing(String rule, List<Object> matched) {
	}

	/** A fact a rule inserted. */
	record Insertion(String rule, Object fact) {
	}

	final List<Firing> firings = new ArrayList<>();

	final List<Insertion> insertions = new ArrayList<>();

	final Map<Object, String> producers = new IdentityHashMap<>();

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		this.firings.add(new Firing(event.getMatch().getRule().getName(), event.getMatch().getObjects()));
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getRule() != null) {
			this.insertions.add(new Insertion(event.getRule().getName(), event.getObject()));
			this.producers.put(event.getObject(), event.getRule().getName());
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

}
