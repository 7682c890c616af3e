package dk.model3.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests {

	@TempDir
	Path dir;

	@Test
	void drawsTiersTransitionsRulesAndRejectsInOneSelfContainedFile() throws Exception {
		Path input = this.dir.resolve("mixed.jsonl");
		Files.write(input, Files.readAllBytes(Path.of("../fixtures/bad-lines.jsonl")));
		Files.write(input, Files.readAllBytes(BatchFixture.POPULATION), java.nio.file.StandardOpenOption.APPEND);
		BatchFixture.run(new Batch.Options(input, null, this.dir.resolve("out.jsonl"), "2021.03", "2023.01",
				BatchFixture.TODAY, 2, 500, true, Progress.Mode.NONE));
		String html = Files.readString(this.dir.resolve("out.report.html"));
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<svg", "Tiers against the expected sizes", "Who moves: 2021.03 → 2023.01", "class=\"heat\"",
					"Most-fired rules", "Rejected lines", "CPR number as reference", "not under 300", "T3-01")
			.doesNotContain("<script", "http://", "https://", "<link", "@import", "url(")
			.doesNotContain("010190-1234");
	}

	@Test
	void escapesWhatItPrints() throws Exception {
		Path input = this.dir.resolve("<i>pop&\"x\".jsonl");
		Files.copy(BatchFixture.POPULATION, input);
		BatchFixture.run(new Batch.Options(input, null, this.dir.resolve("escaped.jsonl"), "2021.03", null,
				BatchFixture.TODAY, 2, 500, true, Progress.Mode.NONE));
		String html = Files.readString(this.dir.resolve("escaped.report.html"));
		assertThat(html).contains("&lt;i&gt;pop&amp;&quot;x&quot;.jsonl").doesNotContain("<i>pop");
	}

}
