package dk.model3.rules;

import java.time.LocalDate;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.facts.Status;
import dk.model3.response.ResponseJson;
import dk.model3.response.ResponseTemplates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that cannot be true is answered with a warning that names the fields (domain.md
 * "Plausibility"), and the answer is still given; a plausible citizen gets none.
 */
class PlausibilityWarningsTests {

	private static Profile citizen(int age, Benefit benefit, boolean placedOutOfHome, Problem... problems) {
		return new Profile(age, benefit, EmploymentPotential.PRESENT, Set.of(problems), false, false, placedOutOfHome,
				false, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void warnsOfABenefitThatDoesNotFitTheAgeAndStillAnswers(String version) {
		CompiledRules rules = RepoRules.compiled(version);

		Decision cashAt70 = rules.evaluate(citizen(70, Benefit.CASH_BENEFIT, false, Problem.ANXIETY));
		Decision pensionAt16 = rules.evaluate(citizen(16, Benefit.DISABILITY_PENSION, false));
		Decision educationAt40 = rules.evaluate(citizen(40, Benefit.EDUCATION_BENEFIT, false));

		assertThat(cashAt70.status()).isEqualTo(Status.OUT_OF_SCOPE);
		assertThat(cashAt70.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.fields()).containsExactly("age", "benefit");
			assertThat(warning.text().da()).contains("67 år", "kontanthjælp", "Kontroller");
			assertThat(warning.text().en()).contains("67", "cash benefit");
		});
		assertThat(pensionAt16.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.text().da()).contains("førtidspension", "18 år"));
		assertThat(educationAt40.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.text().da()).contains("uddannelseshjælp"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void warnsOfAnAdultGivenAsPlacedOutOfHomePastAftercare(String version) {
		CompiledRules rules = RepoRules.compiled(version);

		assertThat(rules.evaluate(citizen(30, Benefit.CASH_BENEFIT, true)).warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.fields()).containsExactly("age", "placedOutOfHome"));
		// aftercare may keep a placement until 23
		assertThat(rules.evaluate(citizen(22, Benefit.CASH_BENEFIT, true)).warnings()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void givesNoWarningAtTheEdgesOfWhatCanBeTrue(String version) {
		CompiledRules rules = RepoRules.compiled(version);

		assertThat(rules.evaluate(citizen(66, Benefit.CASH_BENEFIT, false)).warnings()).isEmpty();
		assertThat(rules.evaluate(citizen(18, Benefit.DISABILITY_PENSION, false)).warnings()).isEmpty();
		assertThat(rules.evaluate(citizen(34, Benefit.EDUCATION_BENEFIT, false)).warnings()).isEmpty();
		assertThat(rules.evaluate(citizen(70, Benefit.OLD_AGE_PENSION, false)).warnings()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void putsTheWarningsInTheResponseAndAnEmptyArrayWhenNone(String version) throws Exception {
		CompiledRules rules = RepoRules.compiled(version);
		ResponseTemplates templates = new ResponseTemplates(ResponseJson.mapper());
		LocalDate date = LocalDate.of(2024, 3, 1);

		JsonNode warned = ResponseJson.mapper()
			.readTree(templates.bytes(rules.evaluate(citizen(70, Benefit.CASH_BENEFIT, false)), null, "w1", date));
		JsonNode plain = ResponseJson.mapper()
			.readTree(templates.bytes(rules.evaluate(citizen(40, Benefit.CASH_BENEFIT, false)), null, "w2", date));

		assertThat(warned.path("warnings")).hasSize(1);
		assertThat(warned.path("warnings").get(0).path("fields").get(1).asString()).isEqualTo("benefit");
		assertThat(warned.path("warnings").get(0).path("text").path("da").asString()).contains("kontanthjælp");
		assertThat(warned.path("status").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(plain.path("warnings").isArray()).isTrue();
		assertThat(plain.path("warnings")).isEmpty();
	}

}
