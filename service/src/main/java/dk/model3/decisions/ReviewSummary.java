package dk.model3.decisions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dk.model3.audit.ReviewRecord;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.Text;

/**
 * How caseworkers received the recommendations of one version (or of all, when
 * {@code version} is null): accepted and overridden in all, per deciding rule, per
 * recommended tier, and how often each reason was given, so a rule that practice keeps
 * overriding shows. Rates are overridden / reviews, null without reviews.
 */
public record ReviewSummary(String version, long reviews, long accepted, long overridden, Double overrideRate,
		List<ByRule> byRule, List<ByTier> byTier, List<ByReason> byReason) {

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

	public static ReviewSummary of(Collection<ReviewRecord> reviews, String version) {
		List<ReviewRecord> chosen = reviews.stream()
			.filter((review) -> version == null || version.equals(review.rulesVersion()))
			.toList();
		Map<List<String>, Count> byRule = new TreeMap<>(
				Comparator.comparing((List<String> key) -> key.get(0)).thenComparing((key) -> key.get(1)));
		Map<List<Object>, Count> byTier = new LinkedHashMap<>();
		Map<String, Long> byReason = new LinkedHashMap<>();
		for (ReviewReason reason : ReviewReason.values()) {
			byReason.put(reason.name(), 0L);
		}
		Count all = new Count();
		for (ReviewRecord review : chosen) {
			boolean overridden = review.result() == ReviewRecord.Result.OVERRIDDEN;
			all.add(overridden);
			String rule = Objects.requireNonNullElse(review.decidingRuleId(), "unknown");
			byRule.computeIfAbsent(List.of(review.rulesVersion(), rule), (key) -> new Count()).add(overridden);
			ReviewRecord.Recommendation recommended = review.recommended();
			byTier
				.computeIfAbsent(java.util.Arrays.asList(recommended.status(), recommended.tier()),
						(key) -> new Count())
				.add(overridden);
			if (overridden && review.reason() != null) {
				byReason.merge(review.reason(), 1L, Long::sum);
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
		return new ReviewSummary(version, all.reviews, all.accepted, all.overridden(), all.rate(), rules, tiers,
				reasons);
	}

	private static final class Count {

		private long reviews;

		private long accepted;

		void add(boolean overridden) {
			this.reviews++;
			if (!overridden) {
				this.accepted++;
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
