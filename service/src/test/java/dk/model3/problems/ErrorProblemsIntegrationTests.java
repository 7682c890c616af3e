package dk.model3.problems;

import java.net.http.HttpResponse;

import dk.model3.HttpTestClient;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error no handler knew reaches the servlet container's error dispatch: a script gets
 * an RFC 9457 problem with a short title and never the exception, its message or a stack
 * trace; a browser gets the Danish error page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ErrorProblemsIntegrationTests {

	// what an unexpected exception may carry: a CPR number, a path, a class name
	private static final String SECRET = "Illegal group reference for 010190-1234 in /srv/triage/data";

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Test
	void answersAnUnexpectedExceptionWithAProblemAndNothingOfTheException() throws Exception {
		for (String accept : new String[] { "application/json", "*/*", "text/plain", "application/xml" }) {
			MvcTestResult result = this.mvc.get().uri("/error").with((request) -> {
				request.setDispatcherType(DispatcherType.ERROR);
				request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
				request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IndexOutOfBoundsException(SECRET));
				request.setAttribute(RequestDispatcher.ERROR_MESSAGE, SECRET);
				request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/drafts");
				return request;
			}).header("Accept", accept).exchange();
			assertThat(result).as(accept)
				.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:model3:problem:internal-error");
			assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Internal error");
			assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/drafts");
			assertThat(result.getResponse().getContentAsString()).doesNotContain("010190", "Illegal", "/srv",
					"IndexOutOfBounds", "Exception", "trace", "\tat ");
		}
	}

	@Test
	void answersTheErrorDispatchOverHttpAsAProblemOrTheDanishPage() {
		HttpTestClient http = new HttpTestClient(this.port);
		// with no error on the request the dispatch stands for an unknown failure: 500
		HttpResponse<String> script = http.get("/error", HttpTestClient.CASEWORKER);
		assertThat(script.statusCode()).isEqualTo(500);
		assertThat(script.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(script.body()).contains("\"title\":\"Internal error\"").doesNotContain("timestamp", "trace");

		HttpResponse<String> browser = http.send(http.request("/error")
			.header("Authorization", HttpTestClient.CASEWORKER)
			.header("Accept", "text/html")
			.build());
		assertThat(browser.statusCode()).isEqualTo(500);
		assertThat(browser.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(browser.body()).contains("<html lang=\"da\">")
			.contains("Der opstod en fejl")
			.doesNotContain("Whitelabel", "Exception", "trace");
	}

	@Test
	void answersAnErrorStatusSetOutsideSpringMvcAsAProblemOfThatStatus() {
		MvcTestResult result = this.mvc.get().uri("/error").with((request) -> {
			request.setDispatcherType(DispatcherType.ERROR);
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/triage");
			return request;
		}).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:model3:problem:bad-request");
	}

}
