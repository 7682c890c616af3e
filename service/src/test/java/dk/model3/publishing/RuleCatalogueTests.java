package dk.model3.publishing;

import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogueTests {

	@TempDir
	Path temp;

	@Test
	void listsEveryRuleWithItsTextsAndSourceInMarkdown() {
		CompiledRules rules = RuleCopies.compile(RuleCopies.RULES, "2023.01");

		String markdown = new RuleCatalogue(rules).markdown();

		assertThat(markdown).startsWith("# Regelkatalog · Rule catalogue 2023.01").contains(rules.checksum());
		for (RuleMetadata rule : rules.rules()) {
			assertThat(markdown).contains("### " + rule.id() + " " + RuleCatalogue.sentence(rule))
				.contains(rule.text().da())
				.contains(rule.text().en())
				.contains(rule.source().section());
		}
	}

	@Test
	void putsDanishBeforeEnglishAndEscapesEverythingInHtml() {
		Path rules = RuleCopies.copy(this.temp);
		String text = read(rules.resolve("2021.03/tiers.drl"));
		int at = text.indexOf("@da(\"", text.indexOf("rule \"T2-01"));
		String daLine = text.substring(at, text.indexOf('\n', at));
		RuleCopies.edit(rules.resolve("2021.03/tiers.drl"), daLine, "@da(\"Se <script>alert('x')</script> & co.\")");

		String html = new RuleCatalogue(RuleCopies.compile(rules, "2021.03")).html();

		assertThat(html).contains("<html lang=\"da\">")
			.doesNotContain("<script>")
			.contains("Se &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co.");
		int danish = html.indexOf("<p lang=\"da\">Se &lt;script");
		int english = html.indexOf("<p lang=\"en\"", danish);
		assertThat(danish).isPositive();
		assertThat(english).isGreaterThan(danish);
	}

	static String read(Path file) {
		try {
			return java.nio.file.Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
