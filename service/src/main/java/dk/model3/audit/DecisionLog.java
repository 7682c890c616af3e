package dk.model3.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import dk.model3.request.TriageRequest;
import dk.model3.rules.Decision;
import dk.model3.rules.FactUse;
import dk.model3.rules.FiredRule;
import dk.model3.rules.TierReason;
import dk.model3.triage.DecisionObserver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Appends each API decision to the log before it is answered. If the line cannot be
 * written the request fails: a decision the log cannot account for is not given.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class DecisionLog implements DecisionObserver, DisposableBean {

	// the contract's required profile fields
	private static final List<String> ALWAYS_USED = List.of("age", "benefit");

	private final DailyFileAppender appender;

	private final CitizenRefHasher hasher;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	DecisionLog(DailyFileAppender appender, CitizenRefHasher hasher, Clock clock) {
		this.appender = appender;
		this.hasher = hasher;
		this.clock = clock;
	}

	@Override
	public void decided(TriageRequest request, LocalDate assessmentDate, Decision decision, long evaluationNanos) {
		DecisionRecord record = new DecisionRecord(
				UUID.randomUUID().toString(), this.clock.instant(), this.hasher.hash(request.citizenRef()),
				assessmentDate, decision.rulesVersion(), request.rulesVersion() != null, decision.rulesChecksum(),
				factsUsed(request.profile(), decision), new DecisionRecord.Result(decision.status(), decision.tier(),
						decision.responsibleArea(), List.copyOf(decision.flags()), decision.missingFacts()),
				decision.ruleIds());
		byte[] json = this.mapper.writeValueAsBytes(record);
		byte[] line = Arrays.copyOf(json, json.length + 1);
		line[json.length] = '\n';
		try {
			this.appender.append(line);
		}
		catch (IOException ex) {
			throw new DecisionLogUnavailable(ex);
		}
	}

	/**
	 * The profile fields the decision's reasons read: the rules that decided and the
	 * why-not rules the response shows, plus age and benefit, which the order of
	 * reasoning tests for every citizen (a cross-sector placement rests on the benefit
	 * not being a disability pension though no rule shown reads it) and without which no
	 * logged decision could be replayed. Nothing else of the profile.
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

	@Override
	public void destroy() throws IOException {
		this.appender.close();
	}

	/** The decision log could not be written. */
	static final class DecisionLogUnavailable extends UncheckedIOException {

		DecisionLogUnavailable(IOException cause) {
			super("the decision log could not be written", cause);
		}

	}

}
