package dk.model3.decisions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.model3.audit.DecisionRecord;
import dk.model3.audit.ReviewRecord;
import dk.model3.request.RequestReader;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.SourceRef;
import dk.model3.rules.Text;
import dk.model3.triage.Copenhagen;

/**
 * Writes the justification of one logged decision ("Begrundelse til journalen"), in
 * Danish or English, as a short plain text a caseworker pastes into the case file and a
 * citizen can read under aktindsigt, in this order: the caseworker's own outcome and
 * reason once a review is recorded, then the recommendation in one sentence; the facts
 * given weight, each the citizen's own with its value (forvaltningsloven § 24, stk. 2);
 * the rules applied, one line each with its source; why not each other tier; the next
 * step; the version and checksum. Every word of a fact, value and flag comes from
 * {@link Labels}, the same words as the page; everything else from the decision-log line
 * and the rule texts of the version that decided.
 */
final class JustificationText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(Copenhagen.ZONE);

	private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final DecisionRecord decision;

	private final ReviewRecord review;

	// the rules of the version that decided, by id; empty when it is no longer served
	private final Map<String, RuleMetadata> rules;

	private final boolean english;

	private final StringBuilder text = new StringBuilder();

	private JustificationText(DecisionRecord decision, ReviewRecord review, Map<String, RuleMetadata> rules,
			String lang) {
		this.decision = decision;
		this.review = review;
		this.rules = rules;
		this.english = "en".equals(lang);
	}

	static String write(DecisionRecord decision, ReviewRecord review, Collection<RuleMetadata> rules, String lang) {
		Map<String, RuleMetadata> byId = rules.stream()
			.collect(Collectors.toMap(RuleMetadata::id, (rule) -> rule, (a, b) -> a));
		return new JustificationText(decision, review, byId, lang).write();
	}

	private String write() {
		DecisionRecord.Result outcome = this.decision.outcome();
		line(t("Begrundelse til journalen: visitation efter model 3",
				"Justification for the case file: triage under model 3"));
		line(t("Visitations-id ", "Triage id ") + this.decision.decisionId()
				+ t(", vurderingsdato ", ", assessment date ") + this.decision.assessmentDate()
				+ t(" (anbefalet ", " (recommended ") + TIME.format(this.decision.time()) + ").");
		line("");
		if (this.review != null) {
			reviewFirst();
		}
		line(Labels.sentence(outcome.status(), outcome.tier(), outcome.responsibleArea(), lang()));
		if (!outcome.flags().isEmpty()) {
			line(t("Markeringer: ", "Flags: ") + outcome.flags()
				.stream()
				.map((flag) -> Labels.flag(flag, lang()))
				.collect(Collectors.joining("; ")) + ".");
		}
		// a yes/no is always answered: a 15-17 year old without social measures needs an
		// assessment, which the next step names, not an answer
		List<String> missing = RequestReader.notAnswered(outcome.missingFacts());
		if (!missing.isEmpty()) {
			line(t("Oplysninger, der mangler for at afgøre sagen: ", "Facts missing to decide the case: ")
					+ missing.stream().map((field) -> Labels.field(field, lang())).collect(Collectors.joining(", "))
					+ ".");
		}
		line("");
		line(t("Oplysninger, der er lagt vægt på:", "Facts given weight:"));
		this.decision.facts().forEach((field, value) -> line("- " + Labels.fact(field, value, lang())));
		line("");
		line(t("Regler, der er anvendt:", "Rules applied:"));
		for (String ruleId : this.decision.ruleIds()) {
			RuleMetadata rule = this.rules.get(ruleId);
			line("- " + ((rule != null) ? reading(rule.text()) + " " + t("Kilde: ", "Source: ") + source(rule.source())
					: ruleId));
		}
		if (!this.decision.whyNot().isEmpty()) {
			line("");
			line(t("Hvorfor ikke de andre lag:", "Why not the other tiers:"));
			for (DecisionRecord.RuledOut ruledOut : this.decision.whyNot()) {
				RuleMetadata rule = this.rules.get(ruledOut.ruleId());
				String why = (rule != null)
						? reading(rule.text()) + " " + t("Kilde: ", "Source: ") + source(rule.source())
						: ruledOut.ruleId();
				line("- " + Labels.capitalised(Labels.tier(ruledOut.tier(), lang())) + ": " + why);
			}
		}
		String next = nextStep();
		if (!next.isEmpty()) {
			line("");
			line(t("Næste skridt: ", "Next step: ") + next);
		}
		line("");
		line(t("Regelversion ", "Rule version ") + this.decision.rulesVersion() + t(", kontrolsum ", ", checksum ")
				+ this.decision.rulesChecksum() + ".");
		if (this.rules.isEmpty()) {
			line(t("Regelversionen med denne kontrolsum er ikke længere indlæst; reglernes tekster findes i dens mappe.",
					"The rule version with this checksum is no longer loaded; the rule texts are in its folder."));
		}
		line(t("Visitationen er en anbefaling; sagsbehandleren træffer afgørelsen.",
				"The triage is a recommendation; the caseworker decides."));
		return this.text.toString();
	}

	// the caseworker's own outcome and reason, before the recommendation it departs from
	private void reviewFirst() {
		if (this.review.result() == ReviewRecord.Result.ACCEPTED) {
			line(t("Sagsbehandlerens vurdering: anbefalingen nedenfor er fulgt.",
					"The caseworker's review: the recommendation below is followed."));
		}
		else {
			String own = Labels
				.sentence(this.review.status(), this.review.tier(), this.review.responsibleArea(), lang())
				.replaceFirst("^(Anbefaling|Recommendation): ", "");
			ReviewReason reason = ReviewReason.of(this.review.reason());
			line(t("Sagsbehandlerens vurdering: ", "The caseworker's review: ") + own);
			if (reason != null) {
				line(t("Begrundelse: ", "Reason: ") + t(reason.text().da(), reason.text().en()) + ".");
			}
			line(t("Vurderingen afviger fra anbefalingen nedenfor.",
					"The review departs from the recommendation below."));
		}
		line("");
	}

	// the outcome rule's next step, then those of the other rules that decided, as the
	// answer gave them
	private String nextStep() {
		List<String> steps = new ArrayList<>();
		RuleMetadata deciding = this.rules.get(this.decision.decidingRuleId());
		if (deciding != null && deciding.nextStep() != null) {
			steps.add(t(deciding.nextStep().da(), deciding.nextStep().en()));
		}
		for (String ruleId : this.decision.ruleIds()) {
			RuleMetadata rule = this.rules.get(ruleId);
			if (rule != null && rule != deciding && rule.nextStep() != null) {
				steps.add(t(rule.nextStep().da(), rule.nextStep().en()));
			}
		}
		return steps.stream().map(this::reading).collect(Collectors.joining(" "));
	}

	// a reading the sources leave open is the municipality's, adopted with the version
	private String reading(Text text) {
		return reading(t(text.da(), text.en()));
	}

	private String reading(String text) {
		String version = this.decision.rulesVersion();
		return text.replace("produktets læsning", "kommunens fortolkning, vedtaget i regelversion " + version)
			.replace("the product's reading", "the municipality's interpretation, adopted in rule version " + version)
			.replaceAll("\\((kommunens fortolkning[^),]*)\\)", "($1, vedtaget i regelversion " + version + ")")
			.replaceAll("\\((the municipality's reading[^),]*)\\)", "($1, adopted in rule version " + version + ")");
	}

	private String source(SourceRef source) {
		StringBuilder text = new StringBuilder();
		if (source.title() != null) {
			text.append(quoted(source.title()))
				.append(", ")
				.append(source.issuer())
				.append(", ")
				.append(date(source.date()));
		}
		else {
			text.append(source.document());
		}
		text.append(t(", afsnit ", ", section ")).append(quoted(source.section())).append('.');
		if (source.statute() != null) {
			// the statute as the source document names it, only where one does
			text.append(t(" Lov: ", " Statute: ")).append(source.statute()).append('.');
		}
		return text.toString();
	}

	private String quoted(String words) {
		return this.english ? "“" + words + "”" : "»" + words + "«";
	}

	private String date(String iso) {
		if (this.english || iso == null) {
			return iso;
		}
		try {
			return DANISH_DATE.format(LocalDate.parse(iso));
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
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
