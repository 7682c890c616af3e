package dk.model3.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CrossSiteRequestFilterTests {

	private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(List.of("https://Triage.Kommune.dk/"));

	private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static MockHttpServletRequest post(String path, String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServerName("triage.intern");
		request.setServerPort(8080);
		request.addHeader("Host", "triage.intern:8080");
		if (contentType != null) {
			request.setContentType(contentType);
		}
		return request;
	}

	@Test
	void comparesTheOriginsHostAndPortWithTheHostHeaderNotItsScheme() throws Exception {
		for (String own : new String[] { "http://triage.intern:8080", "https://TRIAGE.intern:8080" }) {
			MockHttpServletRequest request = post("/api/v1/admin/rules/reload", "application/json");
			request.addHeader("Origin", own);
			assertThat(send(request).getStatus()).as(own).isEqualTo(200);
		}
		for (String other : new String[] { "http://triage.intern", "http://triage.intern:8081",
				"http://evil.example:8080", "null", "not a url", "http://triage.intern:8080.evil.example" }) {
			MockHttpServletRequest request = post("/api/v1/admin/rules/reload", "application/json");
			request.addHeader("Origin", other);
			assertThat(send(request).getStatus()).as(other).isEqualTo(403);
		}
	}

	@Test
	void takesAnAllowedOriginWhateverTheHostAndTheBrowserSay() throws Exception {
		MockHttpServletRequest request = post("/api/v1/admin/rules/reload", "application/json");
		request.addHeader("Origin", "https://triage.kommune.dk");
		request.addHeader("Sec-Fetch-Site", "cross-site");
		assertThat(send(request).getStatus()).isEqualTo(200);
	}

	@Test
	void believesTheBrowsersSecFetchSite() throws Exception {
		MockHttpServletRequest sameOrigin = post("/api/v1/admin/rules/reload", "application/json");
		sameOrigin.addHeader("Sec-Fetch-Site", "same-origin");
		sameOrigin.addHeader("Origin", "https://public.name.example");
		assertThat(send(sameOrigin).getStatus()).isEqualTo(200);
		for (String site : new String[] { "cross-site", "same-site", "Cross-Site" }) {
			MockHttpServletRequest request = post("/api/v1/admin/rules/reload", "application/json");
			request.addHeader("Sec-Fetch-Site", site);
			assertThat(send(request).getStatus()).as(site).isEqualTo(403);
		}
	}

	@Test
	void letsSafeMethodsThroughWithoutAType() throws Exception {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/v1/ping");
		get.addHeader("Origin", "http://evil.example");
		assertThat(send(get).getStatus()).isEqualTo(200);
	}

	@Test
	void wantsJsonOrTheWorkbenchsOwnTypeOnEveryOtherMethod() throws Exception {
		assertThat(send(post("/api/v1/triage", "application/json;charset=UTF-8")).getStatus()).isEqualTo(200);
		assertThat(send(post("/api/v1/triage", "APPLICATION/JSON")).getStatus()).isEqualTo(200);
		for (String type : new String[] { null, "", "text/plain", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/xml", "application/zip", "json", "a/b/c;;" }) {
			assertThat(send(post("/api/v1/triage", type)).getStatus()).as(type).isEqualTo(415);
		}
		assertThat(send(post("/api/v1/drafts/2023.02/checks", "application/x-ndjson")).getStatus()).isEqualTo(200);
		MockHttpServletRequest file = post("/api/v1/drafts/2023.02/files/flags.drl", "text/plain; charset=utf-8");
		file.setMethod("PUT");
		assertThat(send(file).getStatus()).isEqualTo(200);
		MockHttpServletRequest zip = post("/api/v1/drafts/2023.02/files", "application/zip");
		zip.setMethod("PUT");
		assertThat(send(zip).getStatus()).isEqualTo(200);
		MockHttpServletRequest delete = post("/api/v1/drafts/2023.02", null);
		delete.setMethod("DELETE");
		assertThat(send(delete).getStatus()).isEqualTo(415);
	}

	@Test
	void letsABearerTokenLeaveOutTheTypeOfAnEmptyBodyOnly() throws Exception {
		MockHttpServletRequest empty = post("/api/v1/admin/rules/reload", null);
		empty.addHeader("Authorization", "Bearer abc");
		assertThat(send(empty).getStatus()).isEqualTo(200);
		MockHttpServletRequest body = post("/api/v1/admin/rules/reload", null);
		body.addHeader("Authorization", "Bearer abc");
		body.setContent("a=b".getBytes());
		assertThat(send(body).getStatus()).isEqualTo(415);
		MockHttpServletRequest form = post("/api/v1/admin/rules/reload", "application/x-www-form-urlencoded");
		form.addHeader("Authorization", "Bearer abc");
		assertThat(send(form).getStatus()).isEqualTo(415);
		MockHttpServletRequest basic = post("/api/v1/admin/rules/reload", null);
		basic.addHeader("Authorization", "Basic cG9saWN5OnBhc3N3b3Jk");
		assertThat(send(basic).getStatus()).isEqualTo(415);
	}

	@Test
	void refusesToStartWithAnAllowedOriginThatIsNone() {
		for (String bad : new String[] { "triage.kommune.dk", "https://triage.kommune.dk/path", "ftp://x.dk",
				"https://user@x.dk", "*" }) {
			assertThatIllegalStateException().isThrownBy(() -> new CrossSiteRequestFilter(List.of(bad)))
				.withMessageContaining("triage.security.allowed-origins");
		}
	}

}
