package dk.model3.decisions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dk.model3.audit.DecisionRecords;
import dk.model3.audit.ReviewRecord;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.Text;

/**
 * How caseworkers received the recommendations of one version (or of all, when
 * {@code version} is null): accepted and overridden in all, per deciding rule, per
 * recommended tier, and how often each reason was given, so a rule that practice keeps
 * overriding shows, and what caseworkers changed the recommendations to. Rates are
 * overridden / reviews, null without reviews. Added up from the counts the database
 * groups.
 */
public record ReviewSummary(String version, long reviews, long accepted, long overridden, Double overrideRate,
		List<ByRule> byRule, List<ByTier> byTier, List<ByReason> byReason, List<ChangedTo> changedTo) {

	/** Reviews of the recommendations one rule decided. */
	public record ByRule(String rulesVersion, String ruleId, long reviews, long accepted, long overridden,
			Double overrideRate) {

	}

	/** Reviews of one recommended outcome: a tier, or a status without one. */
	public record ByTier(Status status, Tier tier, long reviews, long accepted, long overridden, Double overrideRate) {

	}

	/** How often a reason was given for an override. */
	public record ByReason(String reason, Text text, long overridden) {

	}

	/** An outcome a caseworker gave instead of the recommended one, and how often. */
	public record ChangedTo(ReviewRecord.Recommendation from, ReviewRecord.Recommendation to, long overridden) {

	}

	public static ReviewSummary of(Collection<DecisionRecords.ReviewCount> counts, String version) {
		List<DecisionRecords.ReviewCount> chosen = counts.stream()
			.filter((count) -> version == null || version.equals(count.rulesVersion()))
			.toList();
		Map<List<Object>, Long> changes = new TreeMap<>(Comparator.comparing(Object::toString));
		Map<List<String>, Count> byRule = new TreeMap<>(
				Comparator.comparing((List<String> key) -> key.get(0)).thenComparing((key) -> key.get(1)));
		Map<List<Object>, Count> byTier = new LinkedHashMap<>();
		Map<String, Long> byReason = new LinkedHashMap<>();
		for (ReviewReason reason : ReviewReason.values()) {
			byReason.put(reason.name(), 0L);
		}
		Count all = new Count();
		for (DecisionRecords.ReviewCount review : chosen) {
			boolean overridden = review.result() == ReviewRecord.Result.OVERRIDDEN;
			long n = review.count();
			all.add(overridden, n);
			String rule = Objects.requireNonNullElse(review.decidingRuleId(), "unknown");
			byRule.computeIfAbsent(List.of(review.rulesVersion(), rule), (key) -> new Count()).add(overridden, n);
			ReviewRecord.Recommendation recommended = review.recommended();
			byTier
				.computeIfAbsent(java.util.Arrays.asList(recommended.status(), recommended.tier()),
						(key) -> new Count())
				.add(overridden, n);
			if (overridden && review.reason() != null) {
				byReason.merge(review.reason(), n, Long::sum);
			}
			if (overridden) {
				changes.merge(java.util.Arrays.asList(recommended,
						new ReviewRecord.Recommendation(review.status(), review.tier(), review.responsibleArea())), n,
						Long::sum);
			}
		}
		List<ByRule> rules = new ArrayList<>();
		byRule.forEach((key, count) -> rules
			.add(new ByRule(key.get(0), key.get(1), count.reviews, count.accepted, count.overridden(), count.rate())));
		List<ByTier> tiers = new ArrayList<>();
		for (Status status : Status.values()) {
			for (Tier tier : (status == Status.PLACED) ? List.of(Tier.values())
					: java.util.Collections.singletonList((Tier) null)) {
				Count count = byTier.get(java.util.Arrays.asList(status, tier));
				if (count != null) {
					tiers
						.add(new ByTier(status, tier, count.reviews, count.accepted, count.overridden(), count.rate()));
				}
			}
		}
		List<ByReason> reasons = new ArrayList<>();
		byReason.forEach((code, count) -> {
			ReviewReason reason = ReviewReason.of(code);
			reasons.add(new ByReason(code, (reason != null) ? reason.text() : null, count));
		});
		List<ChangedTo> changedTo = new ArrayList<>();
		changes.forEach((key, n) -> changedTo
			.add(new ChangedTo((ReviewRecord.Recommendation) key.get(0), (ReviewRecord.Recommendation) key.get(1), n)));
		// the most frequent change first
		changedTo.sort(Comparator.comparingLong(ChangedTo::overridden).reversed());
		return new ReviewSummary(version, all.reviews, all.accepted, all.overridden(), all.rate(), rules, tiers,
				reasons, List.copyOf(changedTo));
	}

	private static final class Count {

		private long reviews;

		private long accepted;

		void add(boolean overridden, long n) {
			this.reviews += n;
			if (!overridden) {
				this.accepted += n;
			}
		}

		long overridden() {
			return this.reviews - this.accepted;
		}

		Double rate() {
			return (this.reviews == 0) ? null : (double) overridden() / this.reviews;
		}

	}

}
