package dk.model3.metrics;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dk.model3.audit.ReviewRecord;
import dk.model3.decisions.ReviewObserver;
import dk.model3.facts.Flag;
import dk.model3.request.TriageRequest;
import dk.model3.rules.Decision;
import dk.model3.triage.DecisionObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts every API decision by version, status and tier, its flags and the rules that
 * decided it, and times the rule evaluation; counts caseworkers' reviews by version,
 * deciding rule and result. Tag values are closed sets (versions, enum names, rule ids),
 * never a case reference, so the number of series stays bounded.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DecisionMetrics implements DecisionObserver, ReviewObserver {

	static final String DECISIONS = "triage.decisions";

	static final String FLAGS = "triage.flags";

	static final String RULE_FIRINGS = "triage.rule.firings";

	static final String EVALUATION = "triage.evaluation";

	static final String REVIEWS = "triage.reviews";

	private final MeterRegistry registry;

	private final Map<Key, Meter> meters = new ConcurrentHashMap<>();

	DecisionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void decided(String decisionId, TriageRequest request, LocalDate assessmentDate, Decision decision,
			long evaluationNanos) {
		String version = decision.rulesVersion();
		String tier = (decision.tier() != null) ? decision.tier().name() : "none";
		meter(DECISIONS, version, decision.status().name(), tier,
				() -> Counter.builder(DECISIONS)
					.description("Triage decisions made by the API")
					.tag("version", version)
					.tag("status", decision.status().name())
					.tag("tier", tier)
					.register(this.registry))
			.increment();
		for (Flag flag : decision.flags()) {
			meter(FLAGS, version, flag.name(), "",
					() -> Counter.builder(FLAGS)
						.description("Flags raised on API decisions")
						.tag("flag", flag.name())
						.tag("version", version)
						.register(this.registry))
				.increment();
		}
		for (String rule : decision.ruleIds()) {
			meter(RULE_FIRINGS, version, rule, "",
					() -> Counter.builder(RULE_FIRINGS)
						.description("Rules that took part in API decisions")
						.tag("rule", rule)
						.tag("version", version)
						.register(this.registry))
				.increment();
		}
		meter(EVALUATION, version, "", "",
				() -> Timer.builder(EVALUATION)
					.description("Time the rules took to evaluate one profile")
					.tag("version", version)
					.publishPercentileHistogram()
					.register(this.registry))
			.record(evaluationNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void reviewed(ReviewRecord review) {
		String version = review.rulesVersion();
		String rule = (review.decidingRuleId() != null) ? review.decidingRuleId() : "unknown";
		String result = review.result().name();
		meter(REVIEWS, version, rule, result,
				() -> Counter.builder(REVIEWS)
					.description("Caseworkers' reviews of recommendations: accepted or overridden")
					.tag("version", version)
					.tag("rule", rule)
					.tag("result", result)
					.register(this.registry))
			.increment();
	}

	// the registry's own lookup sorts and hashes the tags on every call; the set of
	// series is small and closed, so each meter is looked up once
	@SuppressWarnings("unchecked")
	private <M extends Meter> M meter(String name, String a, String b, String c, Supplier<M> create) {
		return (M) this.meters.computeIfAbsent(new Key(name, a, b, c), (key) -> create.get());
	}

	private record Key(String name, String a, String b, String c) {

	}

}
