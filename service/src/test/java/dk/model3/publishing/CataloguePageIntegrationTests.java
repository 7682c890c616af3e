package dk.model3.publishing;

import dk.model3.HttpTestClient;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.versions.RuleVersions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The catalogue pages, rendered from the rules a version runs through the page layout.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CataloguePageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RuleVersions versions;

	@Test
	void showsEveryRuleInDanishUnderDanishAndInEnglishUnderEnglishEscapedWithItsSource() throws Exception {
		for (CompiledRules rules : this.versions.active()) {
			String html = page("/rules/" + rules.version(), 200);
			assertThat(html).contains("<html lang=\"da\">").contains(rules.checksum());
			String english = page("/rules/" + rules.version() + "?lang=en", 200);
			for (RuleMetadata rule : rules.rules()) {
				assertThat(html.indexOf(escaped(rule.text().da()), html.indexOf("id=\"" + rule.id() + "\"")))
					.as("Danish text of %s", rule.id())
					.isPositive();
				assertThat(html).as("no English on the Danish page").doesNotContain(escaped(rule.text().en()));
				assertThat(english.indexOf(escaped(rule.text().en()), english.indexOf("id=\"" + rule.id() + "\"")))
					.as("English text of %s", rule.id())
					.isPositive();
			}
			if (rules.descriptor().title() != null) {
				assertThat(html).doesNotContain(escaped(rules.descriptor().title()));
				assertThat(english).contains(escaped(rules.descriptor().title()));
			}
		}
	}

	@Test
	void showsEachShippedVersionsTitleAndChangesInDanishUnderDanish() throws Exception {
		for (String version : new String[] { "2021.03", "2023.01" }) {
			CompiledRules rules = this.versions.byId(version);
			assertThat(rules.descriptor().da().title()).as(version).isNotBlank();
			assertThat(rules.descriptor().da().changes()).as(version).hasSameSizeAs(rules.descriptor().changes());
			String html = page("/rules/" + version, 200);
			assertThat(html).contains("<dd data-field=\"versionTitle\">" + escaped(rules.descriptor().da().title()));
			for (String change : rules.descriptor().da().changes()) {
				assertThat(html).contains(escaped(change));
			}
			for (String change : rules.descriptor().changes()) {
				assertThat(html).as("no English change note on the Danish page").doesNotContain(escaped(change));
			}
			String english = page("/rules/" + version + "?lang=en", 200);
			assertThat(english).doesNotContain(escaped(rules.descriptor().da().title()));
			rules.descriptor().changes().forEach((change) -> assertThat(english).contains(escaped(change)));
		}
	}

	@Test
	void showsEachRulesConditionAndItsSourceByTitle() throws Exception {
		CompiledRules rules = this.versions.byId("2023.01");
		String html = page("/rules/2023.01", 200);
		int rule = html.indexOf("id=\"F-05\"");
		assertThat(html.indexOf(escaped("Profile( departmentsInvolved != null, departmentsInvolved >= 2 )"), rule))
			.isGreaterThan(rule);
		RuleMetadata kui = rules.rules().stream().filter((each) -> each.id().equals("F-05")).findFirst().orElseThrow();
		assertThat(kui.source().title()).isNotBlank();
		assertThat(html.indexOf("<cite>" + escaped(kui.source().title()) + "</cite>", rule)).isGreaterThan(rule);
	}

	@Test
	void listsTheActiveVersionsAndRefusesAnUnknownOneAsAPage() throws Exception {
		String index = page("/rules", 200);
		this.versions.active()
			.forEach((rules) -> assertThat(index).contains("href=\"/rules/" + rules.version() + "\""));
		assertThat(page("/rules/1999.01", 404)).contains("1999.01").contains("href=\"/rules\"");
		assertThat(page("/rules/x&y'z", 404)).contains("x&amp;y&#39;z").doesNotContain("x&y'z");
	}

	private String page(String path, int status) throws Exception {
		var result = this.mvc
			.perform(get(path).header("Authorization", HttpTestClient.CASEWORKER).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		assertThat(result.getStatus()).as(path).isEqualTo(status);
		result.setCharacterEncoding("UTF-8");
		return result.getContentAsString();
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
