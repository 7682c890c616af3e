package dk.model3.decisions;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.model3.audit.DecisionRecord;
import dk.model3.facts.Flag;
import dk.model3.rules.FactUse;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.SourceRef;
import dk.model3.triage.Copenhagen;

/**
 * Writes the justification of one logged decision ("begrundelse"), in Danish or English,
 * as plain text a caseworker pastes into the case file: the result, each rule applied
 * with its text and source, the facts given weight, why each other tier did not apply,
 * the version and checksum. Everything comes from the decision-log line and the rule
 * texts of the version that decided.
 */
final class JustificationText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(Copenhagen.ZONE);

	private final DecisionRecord decision;

	// the rules of the version that decided, by id; empty when it is no longer served
	private final Map<String, RuleMetadata> rules;

	private final boolean english;

	private final StringBuilder text = new StringBuilder();

	private JustificationText(DecisionRecord decision, Map<String, RuleMetadata> rules, String lang) {
		this.decision = decision;
		this.rules = rules;
		this.english = "en".equals(lang);
	}

	static String write(DecisionRecord decision, Collection<RuleMetadata> rules, String lang) {
		Map<String, RuleMetadata> byId = rules.stream()
			.collect(Collectors.toMap(RuleMetadata::id, (rule) -> rule, (a, b) -> a));
		return new JustificationText(decision, byId, lang).write();
	}

	private String write() {
		DecisionRecord.Result outcome = this.decision.outcome();
		line(t("Begrundelse for visitation efter model 3", "Justification of the triage under model 3"));
		line(t("Afgørelses-id: ", "Decision id: ") + this.decision.decisionId());
		line(t("Vurderingsdato: ", "Assessment date: ") + this.decision.assessmentDate()
				+ t(" (anbefalet ", " (recommended ") + TIME.format(this.decision.time()) + ")");
		line("");
		line(result(outcome));
		if (!outcome.flags().isEmpty()) {
			line(t("Særlige forhold:", "Flags:"));
			for (Flag flag : outcome.flags()) {
				line("- " + capitalised(Labels.flag(flag, lang())) + " (" + flag + ")");
			}
		}
		if (!outcome.missingFacts().isEmpty()) {
			line(t("Oplysninger, der mangler for at afgøre sagen: ", "Facts missing to decide the case: ")
					+ outcome.missingFacts()
						.stream()
						.map((field) -> Labels.field(field, lang()) + " (" + field + ")")
						.collect(Collectors.joining(", ")));
		}
		line("");
		line(t("Anvendte regler:", "Rules applied:"));
		int number = 1;
		for (String ruleId : this.decision.ruleIds()) {
			RuleMetadata rule = this.rules.get(ruleId);
			if (rule == null) {
				line(number++ + ". " + ruleId);
				continue;
			}
			line(number++ + ". " + ruleId + ": " + t(rule.text().da(), rule.text().en()));
			line("   " + t("Kilde: ", "Source: ") + source(rule.source()));
			String facts = factsOf(rule);
			if (!facts.isEmpty()) {
				line("   " + t("Lagt vægt på: ", "Facts used: ") + facts);
			}
		}
		line("");
		line(t("Oplysninger, der er lagt vægt på:", "Facts given weight:"));
		this.decision.facts()
			.forEach((field,
					value) -> line("- " + capitalised(Labels.field(field, lang())) + ": " + value(field, value)));
		if (!this.decision.whyNot().isEmpty()) {
			line("");
			line(t("Hvorfor ikke de andre spor:", "Why not the other tiers:"));
			for (DecisionRecord.RuledOut ruledOut : this.decision.whyNot()) {
				RuleMetadata rule = this.rules.get(ruledOut.ruleId());
				String why = (rule != null) ? t(rule.text().da(), rule.text().en()) + " (" + ruledOut.ruleId() + "; "
						+ t("kilde: ", "source: ") + source(rule.source()) + ")" : ruledOut.ruleId();
				line("- " + capitalised(Labels.tier(ruledOut.tier(), lang())) + ": " + why);
			}
		}
		line("");
		line(t("Regelversion: ", "Rule version: ") + this.decision.rulesVersion() + t(", kontrolsum ", ", checksum ")
				+ this.decision.rulesChecksum());
		if (this.rules.isEmpty()) {
			line(t("Regelversionen med denne kontrolsum er ikke længere indlæst; reglernes tekster findes i dens mappe.",
					"The rule version with this checksum is no longer loaded; the rule texts are in its folder."));
		}
		line(t("Visitationen er en anbefaling; sagsbehandleren træffer afgørelsen.",
				"The triage is a recommendation; the caseworker decides."));
		return this.text.toString();
	}

	private String result(DecisionRecord.Result outcome) {
		StringBuilder result = new StringBuilder(
				Labels.sentence(outcome.status(), outcome.tier(), outcome.responsibleArea(), lang()))
			.append(" (")
			.append(outcome.status());
		if (outcome.tier() != null) {
			result.append(", ").append(outcome.tier());
		}
		return result.append(", ").append(outcome.responsibleArea()).append(").").toString();
	}

	private String source(SourceRef source) {
		StringBuilder text = new StringBuilder();
		if (source.title() != null) {
			text.append('"')
				.append(source.title())
				.append("\" (")
				.append(source.issuer())
				.append(", ")
				.append(source.date())
				.append(')');
		}
		else {
			text.append(source.document());
		}
		return text.append(t(", afsnit \"", ", section \"")).append(source.section()).append('"').toString();
	}

	// the rule's conditions with the values they read: profile fields from the log,
	// derived facts as present or absent
	private String factsOf(RuleMetadata rule) {
		return rule.uses().stream().map(this::fact).collect(Collectors.joining(", "));
	}

	private String fact(FactUse use) {
		if (use.profileField()) {
			return Labels.field(use.name(), lang()) + " = " + value(use.name(), this.decision.facts().get(use.name()));
		}
		return use.name() + " = " + (use.negated() ? t("nej", "no") : t("ja", "yes"));
	}

	private String value(String field, Object value) {
		if (value instanceof Boolean bool) {
			return bool ? t("ja", "yes") : t("nej", "no");
		}
		if (value instanceof List<?> list) {
			return list.isEmpty() ? t("ingen", "none")
					: list.stream()
						.map((code) -> Labels.value(field, String.valueOf(code), lang()))
						.collect(Collectors.joining(", "));
		}
		if (value instanceof String code) {
			return Labels.value(field, code, lang());
		}
		return (value != null) ? value.toString() : t("ikke oplyst", "not given");
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private void line(String line) {
		this.text.append(line).append('\n');
	}

	private String t(String da, String en) {
		return this.english ? en : da;
	}

	private String lang() {
		return this.english ? "en" : "da";
	}

}
