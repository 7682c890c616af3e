package dk.model3.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.RuleFolders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version whose rules may not share decisions between profiles is evaluated profile by
 * profile, says so in the summary, and decides every row as the sharing version with the
 * same rules does. Here a rule binds the age to a variable, so what it does could depend
 * on the value.
 */
class SharingOffTests {

	private static final Path PANEL = LocalSpark.REPO.resolve("fixtures/panel/panel-6x4.jsonl");

	@TempDir
	Path work;

	@Test
	void decidesEachProfileOnItsOwnAndSaysSoWhenTheVersionDoesNotShare() throws Exception {
		Path rules = this.work.resolve("rules");
		Files.createDirectories(rules.resolve("2021.03"));
		Files.copy(LocalSpark.RULES.resolve("sources.yaml"), rules.resolve("sources.yaml"));
		try (var files = Files.list(LocalSpark.RULES.resolve("2021.03"))) {
			for (Path file : files.toList()) {
				Files.copy(file, rules.resolve("2021.03").resolve(file.getFileName()));
			}
		}
		Path derived = rules.resolve("2021.03/derived.drl");
		String text = Files.readString(derived);
		assertThat(text).contains("Profile( age < 15 )");
		Files.writeString(derived, text.replace("Profile( age < 15 )", "Profile( $age : age, age < 15 )"));
		RuleVersionFiles edited = RuleFolders.readFolder(rules.resolve("2021.03"));
		JobSettings.VersionPin pin = new JobSettings.VersionPin("2021.03", edited.checksum());

		Path unshared = this.work.resolve("unshared");
		ObjectNode summary = EvaluationJob.run(LocalSpark.session(),
				new JobSettings(PANEL.toString(), null, unshared.toString(), rules, pin, null, false));
		Path shared = this.work.resolve("shared");
		ObjectNode sharedSummary = EvaluationJob.run(LocalSpark.session(), new JobSettings(PANEL.toString(), null,
				shared.toString(), LocalSpark.RULES, LocalSpark.pin("2021.03"), null, false));

		assertThat(summary.get("sharing").get("2021.03").stringValue()).startsWith("no decision is shared: rule")
			.contains("binds $age");
		assertThat(sharedSummary.get("sharing").get("2021.03").stringValue()).contains("share a decision");
		assertThat(decisions(unshared)).isEqualTo(decisions(shared)).hasSize(21);
		assertThat(classes(unshared)).isEqualTo(classes(shared));
		assertThat(summary.get("periods")).isEqualTo(sharedSummary.get("periods"));
	}

	private static List<String> decisions(Path out) {
		return LocalSpark.session()
			.read()
			.parquet(out.resolve("decisions").toString())
			.orderBy("personKey", "period")
			.collectAsList()
			.stream()
			.map((row) -> String.join(",", row.getAs("personKey"), row.getAs("period").toString(), row.getAs("status"),
					String.valueOf((Object) row.getAs("tier")), row.getAs("responsibleArea")))
			.toList();
	}

	private static List<String> classes(Path out) {
		return LocalSpark.session()
			.read()
			.parquet(out.resolve("decision-classes").toString())
			.collectAsList()
			.stream()
			.map(SharingOffTests::describe)
			.sorted()
			.toList();
	}

	private static String describe(Row row) {
		return String.join(",", row.getAs("status"), String.valueOf((Object) row.getAs("tier")),
				row.getAs("responsibleArea"), row.getList(row.fieldIndex("flags")).toString(),
				row.getList(row.fieldIndex("ruleIds")).toString());
	}

}
