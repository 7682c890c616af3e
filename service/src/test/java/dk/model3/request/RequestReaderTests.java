package dk.model3.request;

import java.time.LocalDate;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestReaderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode json(String text) {
		return JSON.readTree(text.replace('\'', '"'));
	}

	private static InvalidRequest refused(String text) {
		return assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> RequestReader.read(json(text)))
			.actual();
	}

	@Test
	void readsAMinimalRequestWithTheContractDefaults() {
		TriageRequest request = RequestReader.read(json("{'citizenRef':'case-1','age':30,'benefit':'CASH_BENEFIT'}"));
		assertThat(request.citizenRef()).isEqualTo("case-1");
		assertThat(request.employmentPotential()).isEqualTo(EmploymentPotential.UNKNOWN);
		assertThat(request.problems()).isEmpty();
		assertThat(request.brainInjuryCoordination()).isFalse();
		assertThat(request.departmentsInvolved()).isNull();
		assertThat(request.assessmentDate()).isNull();
		assertThat(request.rulesVersion()).isNull();
	}

	@Test
	void readsEveryField() {
		TriageRequest request = RequestReader
			.read(json("{'citizenRef':'a.b_c:d-1','age':16,'assessmentDate':'2023-02-01',"
					+ "'rulesVersion':'2021.03','benefit':'NONE','employmentPotential':'PRESENT','problems':['ADHD','ANXIETY'],"
					+ "'brainInjuryCoordination':true,'measuresSentence':true,'placedOutOfHome':true,"
					+ "'serviceActMeasures':true,'departmentsInvolved':3}"));
		assertThat(request.assessmentDate()).isEqualTo(LocalDate.of(2023, 2, 1));
		assertThat(request.rulesVersion()).isEqualTo("2021.03");
		assertThat(request.benefit()).isEqualTo(Benefit.NONE);
		assertThat(request.problems()).containsExactly(Problem.ANXIETY, Problem.ADHD);
		assertThat(request.brainInjuryCoordination() && request.measuresSentence() && request.placedOutOfHome()
				&& request.serviceActMeasures())
			.isTrue();
		assertThat(request.departmentsInvolved()).isEqualTo(3);
	}

	@Test
	void reportsEveryOffendingFieldAtOnce() {
		InvalidRequest ex = refused("{'citizenRef':'','age':126,'benefit':'PENSION','employmentPotential':'SOME',"
				+ "'problems':['ADHD','ADHD','FOO'],'placedOutOfHome':'yes','departmentsInvolved':21,"
				+ "'assessmentDate':'01-02-2023','name':'x'}");
		assertThat(ex.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("/name", "/citizenRef", "/age", "/benefit", "/employmentPotential",
					"/problems/1", "/problems/2", "/placedOutOfHome", "/departmentsInvolved", "/assessmentDate");
	}

	@Test
	void namesTheAllowedValuesOfAnEnum() {
		InvalidRequest ex = refused("{'citizenRef':'c','age':30,'benefit':'PENSION'}");
		assertThat(ex.errors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("CASH_BENEFIT", "DISABILITY_PENSION", "NONE"));
	}

	@Test
	void requiresCitizenRefAgeAndBenefit() {
		InvalidRequest ex = refused("{}");
		assertThat(ex.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("/citizenRef", "/age", "/benefit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0101901234", "010190-1234", "case-010190-1234", "x0101901234" })
	void refusesACprNumberAsReference(String ref) {
		InvalidRequest ex = refused("{'citizenRef':'" + ref + "','age':30,'benefit':'NONE'}");
		assertThat(ex.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("/citizenRef");
			assertThat(error.message()).contains("CPR");
			assertThat(error.message()).doesNotContain(ref);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "case-12345", "2024-000123", "12345678901" })
	void acceptsReferencesThatAreNotCprShaped(String ref) {
		assertThat(RequestReader.read(json("{'citizenRef':'" + ref + "','age':30,'benefit':'NONE'}")).citizenRef())
			.isEqualTo(ref);
	}

	@ParameterizedTest
	@ValueSource(strings = { "'30'", "30.5", "true", "-1", "[30]" })
	void refusesAnAgeThatIsNotAWholeNumberInRange(String age) {
		InvalidRequest ex = refused("{'citizenRef':'c','age':" + age + ",'benefit':'NONE'}");
		assertThat(ex.errors()).extracting(FieldError::field).containsExactly("/age");
	}

	@Test
	void refusesAReferenceWithCharactersOutsideTheContract() {
		assertThat(refused("{'citizenRef':'case 1','age':30,'benefit':'NONE'}").errors()).extracting(FieldError::field)
			.containsExactly("/citizenRef");
		assertThat(refused("{'citizenRef':'" + "x".repeat(65) + "','age':30,'benefit':'NONE'}").errors())
			.extracting(FieldError::field)
			.containsExactly("/citizenRef");
	}

	@Test
	void treatsJsonNullInAnOptionalFieldAsAbsent() {
		TriageRequest request = RequestReader
			.read(json("{'citizenRef':'c','age':30,'benefit':'NONE','employmentPotential':null,'problems':null}"));
		assertThat(request.employmentPotential()).isEqualTo(EmploymentPotential.UNKNOWN);
		assertThat(request.problems()).isEmpty();
	}

	@Test
	void refusesABodyThatIsNotAnObject() {
		assertThat(refused("[1,2]").errors()).extracting(FieldError::field).containsExactly("");
	}

}
