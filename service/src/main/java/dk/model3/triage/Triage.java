package dk.model3.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dk.model3.response.TriageResponse;
import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.versions.RuleVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Triages one request: picks the rule version (pinned, or in force on the assessment
 * date, by default today in Copenhagen) and runs it.
 */
@Service
public class Triage {

	private final RuleVersions versions;

	private final Clock clock;

	private final List<DecisionObserver> observers;

	public Triage(RuleVersions versions, Clock clock) {
		this(versions, clock, List.of());
	}

	@Autowired
	Triage(RuleVersions versions, Clock clock, ObjectProvider<DecisionObserver> observers) {
		this(versions, clock, observers.orderedStream().toList());
	}

	Triage(RuleVersions versions, Clock clock, List<DecisionObserver> observers) {
		this.versions = versions;
		this.clock = clock;
		this.observers = List.copyOf(observers);
	}

	/** Triages without telling anyone: for evaluation, which makes no decisions. */
	public TriageResponse triage(TriageRequest request) {
		LocalDate date = date(request);
		Decision decision = this.versions.resolve(request.rulesVersion(), date).evaluate(request.profile());
		return TriageResponse.of(request.citizenRef(), date, decision);
	}

	/**
	 * Decides a case for a caseworker, who may pin only the version in force on the
	 * assessment date.
	 */
	public TriageResponse decide(TriageRequest request) {
		return decide(request, Pinning.IN_FORCE_ONLY);
	}

	/**
	 * Decides a case for the API: the decision gets its id, and the decision log and the
	 * metrics are told before the answer goes out.
	 */
	public TriageResponse decide(TriageRequest request, Pinning pinning) {
		return decided(request, pinning).response();
	}

	/**
	 * As {@link #decide(TriageRequest, Pinning)}, the decision before it is a response.
	 */
	Decided decided(TriageRequest request, Pinning pinning) {
		LocalDate date = date(request);
		CompiledRules rules = this.versions.resolve(request.rulesVersion(), date);
		if (request.rulesVersion() != null && pinning == Pinning.IN_FORCE_ONLY) {
			CompiledRules inForce = this.versions.inForceOn(date);
			if (!inForce.version().equals(rules.version())) {
				throw new VersionNotInForce(rules.version(), date, inForce.version());
			}
		}
		long start = System.nanoTime();
		Decision decision = rules.evaluate(request.profile());
		long nanos = System.nanoTime() - start;
		// nothing about the case can be read from it or guessed; time-ordered for the
		// records' index
		String decisionId = DecisionIds.next(this.clock.millis());
		for (DecisionObserver observer : this.observers) {
			observer.decided(decisionId, request, date, decision, nanos);
		}
		return new Decided(decisionId, request.citizenRef(), date, decision);
	}

	/** A decision made and logged, with what its response needs besides. */
	record Decided(String decisionId, String citizenRef, LocalDate assessmentDate, Decision decision) {

		TriageResponse response() {
			return TriageResponse.of(this.decisionId, this.citizenRef, this.assessmentDate, this.decision);
		}

	}

	/** Which rule versions a caller may pin. */
	public enum Pinning {

		/** Only the version in force on the assessment date: caseworkers. */
		IN_FORCE_ONLY,

		/** Any active version, to try one before it is in force: policy staff. */
		ANY_ACTIVE

	}

	private LocalDate date(TriageRequest request) {
		return (request.assessmentDate() != null) ? request.assessmentDate() : LocalDate.now(this.clock);
	}

}
