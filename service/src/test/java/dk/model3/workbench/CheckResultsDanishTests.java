package dk.model3.workbench;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.model3.facts.Area;
import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Flag;
import dk.model3.facts.Profile;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.scenarios.ScenarioResult.Difference;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the checks found, as a policy editor reads it on the Danish page: counts in Danish
 * with the right number ("1 scenarie fejler", "1 problem"), and a failed scenario's
 * differences with the contract's codes in words; the codes stay for scripts.
 */
class CheckResultsDanishTests {

	private static final Locale DA = Locale.forLanguageTag("da");

	private static final ResourceBundleMessageSource MESSAGES = messages();

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static String message(String key, Locale locale, Object... arguments) {
		return MESSAGES.getMessage(key, arguments, locale);
	}

	@Test
	void countsTheProblemsAndFailedScenariosInDanishWithTheRightNumber() {
		assertThat(message("workbench.check.problems", DA, 1)).isEqualTo("1 problem");
		assertThat(message("workbench.check.problems", DA, 3)).isEqualTo("3 problemer");
		assertThat(message("workbench.check.scenarios.result", DA, 90, 1)).isEqualTo("90 bestod, 1 scenarie fejler");
		assertThat(message("workbench.check.scenarios.result", DA, 89, 2)).isEqualTo("89 bestod, 2 scenarier fejler");
		assertThat(message("workbench.check.scenarios.result", DA, 91, 0)).isEqualTo("91 bestod, ingen fejler");
		assertThat(message("workbench.check.completeness.result", DA, 10, 0, 0, 1)).endsWith("1 død regel");
		assertThat(message("workbench.check.scenarios.result", Locale.ENGLISH, 90, 1))
			.isEqualTo("90 passed, 1 scenario fails");
	}

	@Test
	void saysWhatFailsInDanishWithTheRightNumber() {
		CheckResults results = new CheckResults("sha256:x", null, "2029-01-01T00:00:00Z", false,
				List.of(new CheckResults.Problem("flags.drl", 146, 66, "der mangler et `)`")),
				new CheckResults.Scenarios(89,
						List.of(new CheckResults.FailedScenario("a", 3, List.of(), List.of(), List.of()),
								new CheckResults.FailedScenario("b", 9, List.of(), List.of(), List.of()))),
				null, new CheckResults.Completeness(10, true, 1, 0, 0, List.of("F-99"), List.of()), null, Map.of());

		assertThat(results.failuresDa()).isEqualTo("1 problem i valideringen; 2 scenarier fejler; "
				+ "fuldstændighed: 1 borger uden anbefaling, 1 regel, der aldrig bruges (F-99)");
	}

	@Test
	void theCompletenessFindingsNameTiersAndCitizensInWords() {
		assertThat(DraftChecks.whyNotInWords("no why-not rule fired for CROSS_SECTOR, a tier not given"))
			.isEqualTo("ingen grund blev givet til, at borgeren ikke fik lag 2: tværgående samarbejde");
		assertThat(DraftChecks.inWords(new Profile(25, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT, Set.of(),
				false, false, false, false, 2)))
			.startsWith("Alder: 25 år; Ydelse: kontanthjælp;")
			.doesNotContain("CASH_BENEFIT", "PRESENT");
	}

	@Test
	void aFailedScenarioSaysInDanishWhichFlagCameOutUnexpected() {
		Difference flags = new Difference("flags", Set.of(), EnumSet.of(Flag.KUI_NETWORK_MEETING),
				"flags: expected [], got [KUI_NETWORK_MEETING]");

		assertThat(ScenarioDifferenceText.danish(flags))
			.isEqualTo("Markeringer: forventet ingen, men fik netværksmøde i Den Kommunale Ungeindsats (KUI)");
	}

	@Test
	void everyKindOfDifferenceNamesItsValuesInWordsNotCodes() {
		List<String> said = ScenarioDifferenceText.danish(List.of(
				new Difference("status", Status.PLACED, Status.OUT_OF_SCOPE,
						"status: expected PLACED, got OUT_OF_SCOPE"),
				new Difference("tier", Tier.CROSS_SECTOR, null, "tier: expected CROSS_SECTOR, got null"),
				new Difference("responsibleArea", Area.EMPLOYMENT, Area.HEALTH_AND_CARE,
						"responsibleArea: expected EMPLOYMENT, got HEALTH_AND_CARE"),
				new Difference("missingFacts", List.of("employmentPotential"), List.of(),
						"missingFacts: expected [employmentPotential], got []"),
				new Difference("warnings", List.of(List.of("age", "benefit")), List.of(),
						"warnings: expected [[age, benefit]], got []"),
				new Difference("rules", List.of("F-05"), List.of("D-03", "T1-01"),
						"rules: expected [F-05] among the rules that decided, got [D-03, T1-01]")));

		assertThat(said).containsExactly("Status: forventet placeret i et lag, men fik uden for model 3",
				"Lag: forventet lag 2: tværgående samarbejde, men fik intet lag",
				"Ansvarligt område: forventet beskæftigelse (jobcentret), men fik sundhed og omsorg",
				"Oplysninger, der mangler: forventet beskæftigelsespotentiale, men fik ingen",
				"Advarsler: forventet en advarsel om alder og ydelse, men fik ingen",
				"Regler: F-05 skulle være blandt de regler, der afgjorde, men det var D-03 og T1-01");
		assertThat(String.join(" ", said)).doesNotContain("PLACED", "CROSS_SECTOR", "EMPLOYMENT", "employmentPotential",
				"expected", "got");
	}

}
