package dk.model3.triage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triage API end to end through Spring MVC: one request per kind of outcome, version
 * choice, and every kind of bad input answered with a problem that names the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TriageIntegrationTests {

	static final String CASEWORKER = "Basic " + Base64.getEncoder()
		.encodeToString("caseworker:test-caseworker-password".getBytes(StandardCharsets.UTF_8));

	static final String POLICY = "Basic "
			+ Base64.getEncoder().encodeToString("policy:test-policy-password".getBytes(StandardCharsets.UTF_8));

	@Autowired
	MockMvcTester mvc;

	@TestConfiguration
	static class FixedToday {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneId.of("Europe/Copenhagen"));
		}

	}

	private MvcTestResult triage(String json) {
		return triage(CASEWORKER, json);
	}

	private MvcTestResult triage(String authorization, String json) {
		return this.mvc.post()
			.uri("/api/v1/triage")
			.header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.replace('\'', '"'))
			.exchange();
	}

	@Test
	void placesAVeryComplexAdultWithPotentialCrossSectorWithTheWholeExplanation() {
		MvcTestResult result = triage("{'citizenRef':'case-1','age':40,'benefit':'CASH_BENEFIT',"
				+ "'employmentPotential':'PRESENT','problems':['HOMELESSNESS']}");
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.citizenRef").isEqualTo("case-1");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PLACED");
		assertThat(result).bodyJson().extractingPath("$.tier").isEqualTo("CROSS_SECTOR");
		assertThat(result).bodyJson().extractingPath("$.responsibleArea").isEqualTo("EMPLOYMENT");
		assertThat(result).bodyJson().extractingPath("$.flags").asArray().containsExactly("JOINT_PLAN_OFFER");
		assertThat(result).bodyJson().extractingPath("$.rulesVersion").isEqualTo("2023.01");
		assertThat(result).bodyJson().extractingPath("$.rulesChecksum").asString().startsWith("sha256:");
		assertThat(result).bodyJson().extractingPath("$.assessmentDate").isEqualTo("2024-03-01");
		assertThat(result).bodyJson()
			.extractingPath("$.explanation[*].ruleId")
			.asArray()
			.containsExactly("D-03", "D-04", "D-05", "D-15", "T2-01", "F-04");
		assertThat(result).bodyJson().extractingPath("$.explanation[4].text.da").asString().contains("tværgående");
		assertThat(result).bodyJson()
			.extractingPath("$.explanation[4].source.document")
			.isEqualTo("000_376bb355f2c46007.txt");
		assertThat(result).bodyJson().extractingPath("$.explanation[4].facts.employmentPotential").isEqualTo("PRESENT");
		// a statute only where a source names the one the rule rests on
		assertThat(result).bodyJson()
			.extractingPath("$.explanation[3].source.statute")
			.isEqualTo("Lov om en helhedsorienteret plan (ny hovedlov på vej)");
		assertThat(result).bodyJson().doesNotHavePath("$.explanation[4].source.statute");
		assertThat(result).bodyJson()
			.extractingPath("$.whyNot[*].tier")
			.asArray()
			.containsExactly("EMPLOYMENT_ONLY", "PENSION_SOCIAL");
		assertThat(result).bodyJson().extractingPath("$.whyNot[0].text.en").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.missingFacts").asArray().isEmpty();
		assertThat(result).bodyJson().extractingPath("$.nextStep.da").asString().contains("samlet plan");
	}

	@Test
	void answersImplausibleInputWithAWarningNamingTheFields() {
		MvcTestResult warned = triage(
				"{'citizenRef':'w','age':70,'benefit':'CASH_BENEFIT','employmentPotential':'PRESENT','problems':['ANXIETY']}");
		MvcTestResult plain = triage("{'citizenRef':'p','age':40,'benefit':'CASH_BENEFIT','problems':['ANXIETY']}");

		assertThat(warned).hasStatusOk();
		assertThat(warned).bodyJson().extractingPath("$.status").isEqualTo("OUT_OF_SCOPE");
		assertThat(warned).bodyJson()
			.extractingPath("$.warnings[0].fields")
			.asArray()
			.containsExactly("age", "benefit");
		assertThat(warned).bodyJson().extractingPath("$.warnings[0].text.da").asString().contains("kontanthjælp");
		assertThat(warned).bodyJson().extractingPath("$.warnings[0].text.en").asString().contains("cash benefit");
		assertThat(plain).bodyJson().extractingPath("$.warnings").asArray().isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					employment tier        | {'citizenRef':'a','age':35,'benefit':'SICKNESS_BENEFIT','employmentPotential':'PRESENT','problems':['ANXIETY','SUBSTANCE_ABUSE']} | PLACED | EMPLOYMENT_ONLY | EMPLOYMENT
					social tier            | {'citizenRef':'b','age':50,'benefit':'DISABILITY_PENSION','problems':['SEVERE_MENTAL_ILLNESS']} | PLACED | PENSION_SOCIAL | SOCIAL
					youth exception        | {'citizenRef':'c','age':16,'benefit':'NONE','problems':['ADHD']} | PLACED | EMPLOYMENT_ONLY | EMPLOYMENT
					youth social anchor    | {'citizenRef':'d','age':17,'benefit':'NONE','problems':['SOCIAL_PROBLEMS'],'placedOutOfHome':true} | OUT_OF_SCOPE | | CHILDREN_AND_FAMILY
					brain-injury exclusion | {'citizenRef':'e','age':45,'benefit':'SICKNESS_BENEFIT','employmentPotential':'PRESENT','brainInjuryCoordination':true} | OUT_OF_SCOPE | | HEALTH_AND_CARE
					old-age pensioner      | {'citizenRef':'i','age':70,'benefit':'OLD_AGE_PENSION','employmentPotential':'PRESENT','problems':['HOMELESSNESS']} | OUT_OF_SCOPE | | SOCIAL
					under 15               | {'citizenRef':'f','age':14,'benefit':'NONE','problems':['HOMELESSNESS']} | OUT_OF_SCOPE | | CHILDREN_AND_FAMILY
					not complex            | {'citizenRef':'g','age':30,'benefit':'CASH_BENEFIT','problems':['ANXIETY']} | OUT_OF_SCOPE | | EMPLOYMENT
					unknown potential      | {'citizenRef':'h','age':30,'benefit':'CASH_BENEFIT','problems':['SEVERE_SUBSTANCE_ABUSE']} | MANUAL_REVIEW | | EMPLOYMENT
					""")
	void answersEachKindOfOutcome(String kind, String json, String status, String tier, String area) {
		MvcTestResult result = triage(json);
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.tier").isEqualTo(tier);
		assertThat(result).bodyJson().extractingPath("$.responsibleArea").isEqualTo(area);
		assertThat(result).bodyJson().extractingPath("$.nextStep.da").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.explanation").asArray().isNotEmpty();
	}

	@Test
	void usesTheVersionInForceOnTheAssessmentDateUnlessOneIsPinned() {
		String body = "{'citizenRef':'a','age':40,'benefit':'CASH_BENEFIT','employmentPotential':'PRESENT',"
				+ "'problems':['HOMELESSNESS'],'assessmentDate':'2022-06-01'";
		assertThat(triage(body + "}")).bodyJson().extractingPath("$.rulesVersion").isEqualTo("2021.03");
		assertThat(triage(body + "}")).bodyJson().extractingPath("$.flags").asArray().isEmpty();
		assertThat(triage(POLICY, body + ",'rulesVersion':'2023.01'}")).bodyJson()
			.extractingPath("$.rulesVersion")
			.isEqualTo("2023.01");
	}

	@Test
	void letsACaseworkerPinOnlyTheVersionInForceOnTheAssessmentDate() {
		String body = "{'citizenRef':'a','age':40,'benefit':'CASH_BENEFIT','employmentPotential':'PRESENT',"
				+ "'problems':['HOMELESSNESS']";
		MvcTestResult notInForce = triage(body + ",'rulesVersion':'2021.03'}");
		assertThat(notInForce).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(notInForce).bodyJson().extractingPath("$.errors[0].field").isEqualTo("/rulesVersion");
		assertThat(notInForce).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:model3:problem:rules-version-not-in-force");
		assertThat(notInForce).bodyJson().extractingPath("$.detail").asString().contains("2021.03", "2023.01");
		assertThat(triage(body + ",'rulesVersion':'2023.01','assessmentDate':'2022-06-01'}"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(triage(body + ",'rulesVersion':'2021.03','assessmentDate':'2022-06-01'}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.rulesVersion")
			.isEqualTo("2021.03");
		assertThat(triage(body + ",'rulesVersion':'2023.01'}")).hasStatusOk();
	}

	@Test
	void letsPolicyStaffPinAnyActiveVersion() {
		assertThat(triage(POLICY, "{'citizenRef':'a','age':40,'benefit':'NONE','rulesVersion':'2021.03'}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.rulesVersion")
			.isEqualTo("2021.03");
	}

	@Test
	void refusesAnAssessmentDateFarInTheFutureNamingTheField() {
		MvcTestResult result = triage(
				"{'citizenRef':'a','age':40,'benefit':'NONE','assessmentDate':'+999999999-12-31'}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("/assessmentDate");
	}

	@Test
	void answersSixtyFourKilobytesOfBadProblemsWithASmallProblem() throws Exception {
		String items = String.join(",", java.util.Collections.nCopies(32_000, "1"));
		String body = "{'citizenRef':'a','age':40,'benefit':'NONE','problems':[" + items + "]}";
		assertThat(body.length()).isGreaterThan(64_000);
		MvcTestResult result = triage(body);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentAsByteArray()).hasSizeLessThan(2048);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("/problems");
	}

	@Test
	void capsTheErrorsListedAndSaysHowManyMore() {
		StringBuilder body = new StringBuilder("{'citizenRef':'','age':-1,'benefit':'X','employmentPotential':'X',"
				+ "'brainInjuryCoordination':1,'measuresSentence':1,'placedOutOfHome':1,'serviceActMeasures':1,"
				+ "'departmentsInvolved':-1,'assessmentDate':'x','rulesVersion':'?','problems':[");
		for (int i = 0; i < 14; i++) {
			body.append((i > 0) ? "," : "").append(i);
		}
		MvcTestResult result = triage(body.append("]}").toString());
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors").asArray().hasSize(20);
		assertThat(result).bodyJson().extractingPath("$.moreErrors").isEqualTo(5);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("25 place(s)", "and 5 more");
	}

	@ParameterizedTest
	@ValueSource(strings = { "010190.1234", "010190_1234", "010190:1234", "010190--1234", "01-01-90-1234" })
	@ExtendWith(OutputCaptureExtension.class)
	void refusesACprNumberWithAnySeparatorAndNeverLogsIt(String ref, CapturedOutput output) throws Exception {
		MvcTestResult result = triage("{'citizenRef':'" + ref + "','age':40,'benefit':'NONE'}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("/citizenRef");
		assertThat(result.getResponse().getContentAsString()).doesNotContain(ref);
		assertThat(output.getAll()).doesNotContain(ref);
	}

	@Test
	void answersAManualReviewWithTheMissingFacts() {
		assertThat(triage("{'citizenRef':'a','age':40,'benefit':'NONE','employmentPotential':'PRESENT',"
				+ "'problems':['ANXIETY','SOCIAL_PROBLEMS']}"))
			.bodyJson()
			.extractingPath("$.missingFacts")
			.asArray()
			.containsExactly("benefit");
	}

	@Test
	void refusesAnUnknownPinnedVersionWith404NamingIt() {
		MvcTestResult result = triage("{'citizenRef':'a','age':40,'benefit':'NONE','rulesVersion':'1999.01'}");
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("/rulesVersion");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("1999.01", "2021.03");
	}

	@Test
	void refusesADateBeforeAnyVersionWith422() {
		MvcTestResult result = triage("{'citizenRef':'a','age':40,'benefit':'NONE','assessmentDate':'2020-01-01'}");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("/assessmentDate");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("2021-05-01");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown field        | {'citizenRef':'a','age':40,'benefit':'NONE','name':'Jens'}                    | /name
					wrong type           | {'citizenRef':'a','age':'forty','benefit':'NONE'}                             | /age
					out of range         | {'citizenRef':'a','age':40,'benefit':'NONE','departmentsInvolved':21}         | /departmentsInvolved
					unknown enum value   | {'citizenRef':'a','age':40,'benefit':'PENSION'}                               | /benefit
					duplicate problem    | {'citizenRef':'a','age':40,'benefit':'NONE','problems':['ADHD','ADHD']}       | /problems/1
					missing field        | {'citizenRef':'a','age':40}                                                   | /benefit
					CPR as reference     | {'citizenRef':'010190-1234','age':40,'benefit':'NONE'}                        | /citizenRef
					bad date             | {'citizenRef':'a','age':40,'benefit':'NONE','assessmentDate':'1/2/2023'}      | /assessmentDate
					malformed JSON       | {'citizenRef':'a','age':40,                                                   | ''
					duplicate key        | {'citizenRef':'a','age':40,'age':41,'benefit':'NONE'}                         | ''
					not an object        | [1,2,3]                                                                       | ''
					""")
	void refusesBadInputWith400NamingTheField(String kind, String json, String field) throws Exception {
		MvcTestResult result = triage(json);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:model3:problem:invalid-request");
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception",
				"at dk.");
	}

	@Test
	void neverEchoesACprNumberBack() throws Exception {
		MvcTestResult result = triage("{'citizenRef':'0101901234','age':40,'benefit':'NONE'}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("0101901234");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			as a field name     | {'citizenRef':'a','age':40,'benefit':'NONE','0101901234':true}
			in malformed JSON   | {'citizenRef':'a','age':40,'benefit':NONE0101901234}
			""")
	void masksACprNumberWhereverTheProblemWouldRepeatIt(String where, String json) throws Exception {
		MvcTestResult result = triage(json);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("0101901234").contains("[masked]");
	}

	@Test
	void refusesAnotherContentTypeWith415() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/triage")
			.header("Authorization", CASEWORKER)
			.contentType(MediaType.TEXT_PLAIN)
			.content("age=40")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAnEmptyBodySayingWhatToSend() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/triage")
			.header("Authorization", CASEWORKER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.contains("the body is empty; send a JSON object");
	}

	@Test
	void refusesAnOversizedBodyWith413() {
		String padding = "x".repeat(70_000);
		MvcTestResult result = triage("{'citizenRef':'a','age':40,'benefit':'NONE','pad':'" + padding + "'}");
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
