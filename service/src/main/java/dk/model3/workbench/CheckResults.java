package dk.model3.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.model3.rules.RuleProblem;

/**
 * What every check of one draft found, for the checksum of its files then. The draft may
 * be published only when {@link #passed()} and the checksum is still the draft's.
 *
 * @param millis how long each check took, by check name
 */
record CheckResults(String checksum, String ranBy, String at, boolean passed, List<Problem> validation,
		Scenarios scenarios, Coverage coverage, Completeness completeness, Preview preview, Map<String, Long> millis) {

	/** The same results, run by this user. */
	CheckResults by(String user) {
		return new CheckResults(this.checksum, user, this.at, this.passed, this.validation, this.scenarios,
				this.coverage, this.completeness, this.preview, this.millis);
	}

	/** The same results with this preview. */
	CheckResults withPreview(Preview shown) {
		return new CheckResults(this.checksum, this.ranBy, this.at, this.passed, this.validation, this.scenarios,
				this.coverage, this.completeness, shown, this.millis);
	}

	/**
	 * The same results without a citizen of the preview's population: counts only, no
	 * case reference and no profile. What is kept of a run over a population sent with
	 * it.
	 */
	CheckResults withoutCitizens() {
		return new CheckResults(this.checksum, this.ranBy, this.at, this.passed, this.validation, this.scenarios,
				this.coverage, this.completeness, (this.preview != null) ? this.preview.withoutCitizens() : null,
				this.millis);
	}

	/**
	 * What fails, in Danish with the right number, for a refusal a policy editor reads:
	 * "1 problem i valideringen; 2 scenarier fejler; fuldstændighed: 1 borger uden
	 * anbefaling". Empty when nothing fails.
	 */
	String failuresDa() {
		List<String> failed = new ArrayList<>();
		if (!this.validation.isEmpty()) {
			failed.add(count(this.validation.size(), "problem", "problemer") + " i valideringen");
		}
		if (this.scenarios != null && !this.scenarios.failed().isEmpty()) {
			failed.add(count(this.scenarios.failed().size(), "scenarie fejler", "scenarier fejler"));
		}
		if (this.completeness != null && !this.completeness.passed()) {
			Completeness c = this.completeness;
			List<String> found = new ArrayList<>();
			if (c.gaps() > 0) {
				found.add(count(c.gaps(), "borger", "borgere") + " uden anbefaling");
			}
			if (c.overlaps() > 0) {
				found.add(count(c.overlaps(), "borger", "borgere") + " med flere anbefalinger");
			}
			if (c.whyNotMismatches() > 0) {
				found.add(count(c.whyNotMismatches(), "begrundelse", "begrundelser") + " for et lag, der ikke passer");
			}
			if (!c.deadRules().isEmpty()) {
				found.add(count(c.deadRules().size(), "regel", "regler") + ", der aldrig bruges ("
						+ String.join(", ", c.deadRules()) + ")");
			}
			failed.add("fuldstændighed: " + String.join(", ", found));
		}
		return String.join("; ", failed);
	}

	private static String count(long n, String one, String many) {
		return String.format(Locale.forLanguageTag("da"), "%,d", n) + " " + ((n == 1) ? one : many);
	}

	/** A problem at its place, as the contract names it. */
	record Problem(String file, int line, int column, String message) {

		static Problem of(RuleProblem problem) {
			String file = problem.file();
			// "2023.02/flags.drl" -> "flags.drl": the name as the draft's files call it
			int slash = file.indexOf('/');
			return new Problem((slash >= 0) ? file.substring(slash + 1) : file, problem.line(), problem.column(),
					problem.message());
		}

	}

	record Scenarios(int passed, List<FailedScenario> failed) {
	}

	/**
	 * @param differences how the answer differed, with the contract's codes (for scripts)
	 * @param differencesDa the same in Danish, the codes in words (for the page)
	 */
	record FailedScenario(String name, int line, List<String> differences, List<String> rules,
			List<String> differencesDa) {
	}

	record Coverage(List<String> neverFired) {
	}

	/**
	 * @param full whether the space was the full bounded one (only then is a pass
	 * recorded in completeness.log)
	 */
	record Completeness(long profiles, boolean full, long gaps, long overlaps, long whyNotMismatches,
			List<String> deadRules, List<Problem> problems) {

		boolean passed() {
			return this.gaps == 0 && this.overlaps == 0 && this.whyNotMismatches == 0 && this.deadRules.isEmpty();
		}

	}

	/**
	 * The draft against the version it would replace, over the reference population.
	 */
	/**
	 * The impact preview.
	 *
	 * @param forbidden answers the readings rule out that the draft creates
	 * ({@link ForbiddenCombinations}); a warning, not a failed check
	 */
	record Preview(String against, String population, long profiles, long changed, List<TierCount> tiers,
			List<Transition> transitions, List<FlagChange> flagsGained, List<FlagChange> flagsLost,
			List<Forbidden> forbidden) {

		Preview {
			// checks kept before the warning existed have none
			forbidden = (forbidden != null) ? List.copyOf(forbidden) : List.of();
		}

		Preview withoutCitizens() {
			return new Preview(this.against, this.population, this.profiles, this.changed, this.tiers,
					this.transitions.stream()
						.map((t) -> new Transition(t.from(), t.to(), t.count(), List.of()))
						.toList(),
					counts(this.flagsGained), counts(this.flagsLost),
					this.forbidden.stream().map((f) -> new Forbidden(f.combination(), f.count(), List.of())).toList());
		}

		private static List<FlagChange> counts(List<FlagChange> changes) {
			return changes.stream().map((change) -> new FlagChange(change.flag(), change.count(), List.of())).toList();
		}

	}

	/** Citizens per tier before and after, beside the memo's expected size. */
	record TierCount(String tier, String expected, long before, long after, boolean metAfter) {
	}

	record Transition(String from, String to, long count, List<Example> examples) {
	}

	record FlagChange(String flag, long count, List<Example> examples) {
	}

	/** Citizens who get a combination the readings rule out, with a few of them. */
	record Forbidden(String combination, long count, List<Example> examples) {
	}

	/**
	 * A citizen of the population, and the rules that made the difference (+ new, - old).
	 */
	record Example(String citizenRef, String profile, List<String> rules) {
	}

}
