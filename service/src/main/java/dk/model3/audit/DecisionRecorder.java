package dk.model3.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import dk.model3.request.TriageRequest;
import dk.model3.rules.Decision;
import dk.model3.rules.FactUse;
import dk.model3.rules.FiredRule;
import dk.model3.rules.TierReason;
import dk.model3.triage.DecisionObserver;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stores each API decision, with the signed-in user who asked for it and this instance,
 * before it is answered: first of the observers, and a decision whose row is not
 * committed is not given (503).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class DecisionRecorder implements DecisionObserver {

	// the contract's required profile fields
	private static final List<String> ALWAYS_USED = List.of("age", "benefit");

	private final DecisionWriter writer;

	private final CitizenRefHasher hasher;

	private final Clock clock;

	private final String instance;

	DecisionRecorder(DecisionWriter writer, CitizenRefHasher hasher, Clock clock, String instance) {
		this.writer = writer;
		this.hasher = hasher;
		this.clock = clock;
		this.instance = instance;
	}

	@Override
	public void decided(String decisionId, TriageRequest request, LocalDate assessmentDate, Decision decision,
			long evaluationNanos) {
		DecisionRecord record = record(decisionId,
				this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
				this.hasher.hash(request.citizenRef()), request, assessmentDate, decision, this.instance);
		this.writer.write(record, signedIn());
	}

	/** The name of the signed-in user on this thread; null when there is none. */
	static String signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : null;
	}

	static DecisionRecord record(String decisionId, Instant time, String citizenRefHmac, TriageRequest request,
			LocalDate assessmentDate, Decision decision, String instance) {
		return new DecisionRecord(DecisionRecord.KIND, decisionId, time, citizenRefHmac, assessmentDate,
				decision.rulesVersion(), request.rulesVersion() != null, decision.rulesChecksum(),
				factsUsed(request.profile(), decision),
				new DecisionRecord.Result(decision.status(), decision.tier(), decision.responsibleArea(),
						List.copyOf(decision.flags()), decision.missingFacts()),
				decision.ruleIds(), decision.decidingRuleId(),
				decision.whyNot()
					.stream()
					.map((reason) -> new DecisionRecord.RuledOut(reason.tier(), reason.rule().id()))
					.toList(),
				instance);
	}

	/**
	 * The profile fields the decision's reasons read: the rules that decided and the
	 * why-not rules the response shows, plus age and benefit, which the order of
	 * reasoning tests for every citizen (a cross-sector placement rests on the benefit
	 * not being a disability pension though no rule shown reads it) and without which no
	 * stored decision could be replayed. Nothing else of the profile.
	 */
	static Map<String, Object> factsUsed(Profile profile, Decision decision) {
		Map<String, Object> facts = new TreeMap<>();
		for (String always : ALWAYS_USED) {
			facts.put(always, ProfileFields.value(profile, always));
		}
		for (FiredRule fired : decision.explanation()) {
			fired.facts().forEach((name, value) -> {
				if (ProfileFields.NAMES.contains(name)) {
					facts.put(name, value);
				}
			});
		}
		for (TierReason reason : decision.whyNot()) {
			for (FactUse use : reason.rule().uses()) {
				if (use.profileField() && ProfileFields.NAMES.contains(use.name())) {
					facts.computeIfAbsent(use.name(), (name) -> ProfileFields.value(profile, name));
				}
			}
		}
		return facts;
	}

}
