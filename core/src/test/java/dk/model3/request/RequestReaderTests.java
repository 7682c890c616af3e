package dk.model3.request;

import java.time.LocalDate;
import java.util.List;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestReaderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode json(String text) {
		return JSON.readTree(text.replace('\'', '"'));
	}

	// every test reads its request both ways, from a tree (a CSV row, the intake form)
	// and from the parser (an API body, a batch line), and the two must agree
	private static TriageRequest read(String text) {
		TriageRequest fromTree = RequestReader.read(json(text));
		assertThat(RequestReader.read(JSON.createParser(text.replace('\'', '"')))).isEqualTo(fromTree);
		return fromTree;
	}

	private static InvalidRequest refused(String text) {
		InvalidRequest fromTree = assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> RequestReader.read(json(text)))
			.actual();
		InvalidRequest fromParser = assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> RequestReader.read(JSON.createParser(text.replace('\'', '"'))))
			.actual();
		assertThat(fromParser.errors()).isEqualTo(fromTree.errors());
		assertThat(fromParser.omitted()).isEqualTo(fromTree.omitted());
		return fromTree;
	}

	@Test
	void readsAMinimalRequestWithTheContractDefaults() {
		TriageRequest request = read("{'citizenRef':'case-1','age':30,'benefit':'CASH_BENEFIT'}");
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
		TriageRequest request = read("{'citizenRef':'a.b_c:d-1','age':16,'assessmentDate':'2023-02-01',"
				+ "'rulesVersion':'2021.03','benefit':'NONE','employmentPotential':'PRESENT','problems':['ADHD','ANXIETY'],"
				+ "'brainInjuryCoordination':true,'measuresSentence':true,'placedOutOfHome':true,"
				+ "'serviceActMeasures':true,'departmentsInvolved':3}");
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
	@ValueSource(strings = { "010190.1234", "010190_1234", "010190:1234", "010190--1234", "01-01-90-1234",
			"ref:3112.99.0001", "a.290200-1234.b" })
	void refusesACprNumberWrittenWithAnySeparators(String ref) {
		InvalidRequest ex = refused("{'citizenRef':'" + ref + "','age':30,'benefit':'NONE'}");
		assertThat(ex.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("/citizenRef");
			assertThat(error.message()).contains("CPR").doesNotContain(ref);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "case-12345", "2024-000123", "12345678901", "320190-1234", "011390-1234", "300290-1234",
			"2024-01-15" })
	void acceptsReferencesThatAreNotCprShaped(String ref) {
		assertThat(read("{'citizenRef':'" + ref + "','age':30,'benefit':'NONE'}").citizenRef()).isEqualTo(ref);
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
		TriageRequest request = read(
				"{'citizenRef':'c','age':30,'benefit':'NONE','employmentPotential':null,'problems':null}");
		assertThat(request.employmentPotential()).isEqualTo(EmploymentPotential.UNKNOWN);
		assertThat(request.problems()).isEmpty();
	}

	@Test
	void listsTwentyErrorsAndCountsTheRest() {
		StringBuilder json = new StringBuilder("{'citizenRef':'','age':-1,'benefit':'X','employmentPotential':'X',"
				+ "'brainInjuryCoordination':1,'measuresSentence':1,'placedOutOfHome':1,'serviceActMeasures':1,"
				+ "'departmentsInvolved':-1,'assessmentDate':'x','rulesVersion':'?','problems':[");
		for (int i = 0; i < 14; i++) {
			json.append((i > 0) ? "," : "").append("'P").append(i).append("'");
		}
		InvalidRequest ex = refused(json.append("]}").toString());
		assertThat(ex.errors()).hasSize(InvalidRequest.MAX_ERRORS);
		assertThat(ex.omitted()).isEqualTo(11 + 14 - InvalidRequest.MAX_ERRORS);
		assertThat(ex.getMessage()).endsWith("and 5 more");
	}

	@Test
	void listsTheAllowedValuesOnceForAField() {
		InvalidRequest ex = refused("{'citizenRef':'c','age':30,'benefit':'NONE','problems':['A','ADHD','B','C']}");
		assertThat(ex.errors()).extracting(FieldError::field)
			.containsExactly("/problems/0", "/problems/2", "/problems/3");
		assertThat(ex.errors().get(0).message()).contains("SEVERE_MENTAL_ILLNESS", "DEVELOPMENTAL_DISABILITY");
		assertThat(ex.errors().subList(1, 3)).allSatisfy((error) -> {
			assertThat(error.message()).doesNotContain("SEVERE_MENTAL_ILLNESS").contains("/problems/0");
		});
	}

	@Test
	void refusesMoreProblemsThanThereAreWithoutReadingEach() {
		String items = String.join(",", java.util.Collections.nCopies(32_000, "1"));
		InvalidRequest ex = refused("{'citizenRef':'c','age':30,'benefit':'NONE','problems':[" + items + "]}");
		assertThat(ex.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("/problems");
			assertThat(error.message()).contains("32000 items", "14 problems");
		});
	}

	@Test
	void refusesMoreFieldsThanTheContractHas() {
		StringBuilder json = new StringBuilder("{'citizenRef':'c','age':30,'benefit':'NONE'");
		for (int i = 0; i < 10; i++) {
			json.append(",'extra").append(i).append("':[1,2,3]");
		}
		InvalidRequest ex = refused(json.append("}").toString());
		assertThat(ex.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEmpty();
			assertThat(error.message()).contains("13 fields", "the contract has 12");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "1899-12-31", "2201-01-01", "+999999999-12-31", "-0001-01-01" })
	void refusesAnAssessmentDateOutsideTheYears1900To2200(String date) {
		InvalidRequest ex = refused("{'citizenRef':'c','age':30,'benefit':'NONE','assessmentDate':'" + date + "'}");
		assertThat(ex.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("/assessmentDate");
			assertThat(error.message()).contains("1900-01-01", "2200-12-31");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "1900-01-01", "2200-12-31" })
	void acceptsTheFirstAndLastDayOfTheDateRange(String date) {
		assertThat(
				read("{'citizenRef':'c','age':30,'benefit':'NONE','assessmentDate':'" + date + "'}").assessmentDate())
			.isEqualTo(LocalDate.parse(date));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2]", "null", "'text'", "3" })
	void refusesABodyThatIsNotAnObject(String body) {
		assertThat(refused(body).errors()).extracting(FieldError::field).containsExactly("");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{'citizenRef':'c','age':30,'benefit':'NONE'} {}", "{'citizenRef':'c'} x", "[1] 2" })
	void refusesContentAfterTheObjectWhereItIs(String body) {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> RequestReader.read(JSON.createParser(body.replace('\'', '"'))))
			.satisfies((ex) -> assertThat(ex.getLocation().getColumnNr()).isEqualTo(body.indexOf(' ') + 2));
	}

	@Test
	void leavesArraysNestedTooDeepToTheParsersLimit() {
		String deep = "{\"problems\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> RequestReader.read(JSON.createParser(deep)))
			.withMessageContaining("nesting depth");
	}

	@Test
	void readsAValueOfTheWrongKindFromTheParserAsFromTheTree() {
		InvalidRequest ex = refused("{'citizenRef':{'a':1},'age':[30],'benefit':{},'problems':'ADHD',"
				+ "'departmentsInvolved':3000000000,'placedOutOfHome':'yes','assessmentDate':20230101,'extra':{'x':[1]}}");
		assertThat(ex.errors()).extracting(FieldError::field)
			.containsExactly("/extra", "/citizenRef", "/age", "/assessmentDate", "/benefit", "/problems",
					"/placedOutOfHome", "/departmentsInvolved");
		assertThat(refused("{'citizenRef':'c','age':30.0,'benefit':'NONE'}").errors()).extracting(FieldError::field)
			.containsExactly("/age");
		assertThat(refused("{'citizenRef':'c','age':123456789012345678901234567890,'benefit':'NONE'}").errors())
			.extracting(FieldError::field)
			.containsExactly("/age");
	}

	@Test
	void findsEachContractFieldAtItsPlace() {
		for (int i = 0; i < RequestReader.FIELDS.size(); i++) {
			assertThat(RequestReader.indexOf(RequestReader.FIELDS.get(i))).isEqualTo(i);
		}
		assertThat(RequestReader.indexOf("Age")).isNegative();
	}

	@Test
	void readsEveryDateAsTheIsoParserDoes() {
		for (LocalDate day = LocalDate.of(1899, 12, 1); day.isBefore(LocalDate.of(2201, 2, 1)); day = day.plusDays(1)) {
			assertThat(RequestReader.isoDate(day.toString())).isEqualTo(day);
		}
		for (String text : List.of("2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "20x3-01-01", "2023-1-01",
				"2023/01/01", "+2023-01-01", "2023-01-1 ", "")) {
			assertThatExceptionOfType(java.time.format.DateTimeParseException.class)
				.isThrownBy(() -> LocalDate.parse(text));
			assertThatExceptionOfType(java.time.format.DateTimeParseException.class).as(text)
				.isThrownBy(() -> RequestReader.isoDate(text));
		}
	}

}
