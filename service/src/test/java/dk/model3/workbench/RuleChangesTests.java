package dk.model3.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dk.model3.rules.RuleVersionFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff an approver reads, on the shipped 2023.01 and edits of it: each change of a
 * rule in Danish with the text before and after.
 */
class RuleChangesTests {

	private static final Map<String, String> FROM = files();

	@Test
	void namesTheKuiChangeConditionByConditionInDanish() {
		Changes changes = RuleChanges.between(version("2023.01", FROM),
				version("2023.02", with("flags.drl", WorkbenchApi.kuiUnder30(FROM.get("flags.drl")))));

		assertThat(changes.rules()).singleElement().satisfies((rule) -> {
			assertThat(rule.ruleId()).isEqualTo("F-05");
			assertThat(rule.change()).isEqualTo("CHANGED");
			assertThat(rule.file()).isEqualTo("flags.drl");
			assertThat(rule.text()).startsWith("Den unge er under 25 år");
			assertThat(rule.texts()).isEmpty();
			assertThat(rule.conditions()).extracting(Changes.Line::da)
				.containsExactly("betingelse tilføjet: alder under 30",
						"betingelse fjernet: ikke: borgeren er fyldt 25 år (D-15)");
			assertThat(rule.conditions().get(0).before()).isNull();
			assertThat(rule.conditions().get(0).after()).isEqualTo("Profile( age < 30 )");
			assertThat(rule.conditions().get(1).before()).isEqualTo("not JointPlanAge()");
			assertThat(rule.da()).startsWith("F-05: betingelse tilføjet: alder under 30; ");
		});
		assertThat(changes.files()).extracting(Changes.FileChange::file).containsExactly("flags.drl");
		assertThat(changes.scenarios().none()).isTrue();
		assertThat(changes.from()).isEqualTo("2023.01");
		assertThat(changes.checksum()).startsWith("sha256:");
	}

	@Test
	void saysAThresholdChangeAsBeforeAndAfter() {
		String under25 = FROM.get("flags.drl")
			.replace("Profile( departmentsInvolved != null, departmentsInvolved >= 2 )\n\tnot JointPlanAge()",
					"Profile( age < 25, departmentsInvolved != null, departmentsInvolved >= 2 )");
		Changes changes = RuleChanges.between(version("2023.01", with("flags.drl", under25)),
				version("2023.02", with("flags.drl", under25.replace("age < 25,", "age < 30,"))));

		Changes.RuleChange rule = changes.rules().get(0);
		assertThat(rule.da()).isEqualTo("F-05: alder under 25 → under 30");
		assertThat(rule.conditions()).singleElement().satisfies((line) -> {
			assertThat(line.before()).isEqualTo("Profile( age < 25 )");
			assertThat(line.after()).isEqualTo("Profile( age < 30 )");
		});
		Changes outcome = RuleChanges.between(version("2023.01", FROM),
				version("2023.02", with("flags.drl", FROM.get("flags.drl")
					.replace("Outcome( tier != Tier.CROSS_SECTOR )", "Outcome( tier != Tier.PENSION_SOCIAL )"))));
		assertThat(outcome.rules()).extracting(Changes.RuleChange::da)
			.contains(
					"F-05: udfaldets lag er ikke lag 2: tværgående samarbejde → er ikke lag 3: pension og socialområdet");
	}

	@Test
	void namesChangedTextsAndRulesAddedOrRemoved() {
		String flags = FROM.get("flags.drl");
		int start = flags.indexOf("rule \"F-06");
		int end = flags.indexOf("\nend\n", start) + "\nend\n".length();
		String withoutF06 = flags.substring(0, start) + flags.substring(end);
		String retexted = withoutF06.replace("@da(\"Den unge er under 25 år og har",
				"@da(\"Den unge er under 30 år og har");
		Changes changes = RuleChanges.between(version("2023.01", FROM),
				version("2023.02", with("flags.drl", retexted)));

		assertThat(changes.rules()).extracting(Changes.RuleChange::ruleId, Changes.RuleChange::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("F-05", "CHANGED"),
					org.assertj.core.groups.Tuple.tuple("F-06", "REMOVED"));
		Changes.RuleChange f05 = changes.rules().get(0);
		assertThat(f05.texts()).singleElement().satisfies((line) -> {
			assertThat(line.da()).isEqualTo("teksten på dansk er ændret");
			assertThat(line.before()).startsWith("Den unge er under 25 år");
			assertThat(line.after()).startsWith("Den unge er under 30 år");
		});
		assertThat(changes.rules().get(1).da()).startsWith("F-06 er fjernet: Den unge er 16-17 år");
		Changes back = RuleChanges.between(version("2023.02", with("flags.drl", retexted)), version("2023.01", FROM));
		assertThat(back.rules()).extracting(Changes.RuleChange::change).contains("ADDED");
		assertThat(back.checksum()).isNotEqualTo(changes.checksum());
	}

	@Test
	void namesScenariosAddedRemovedAndChanged() {
		String scenarios = FROM.get("scenarios.yaml");
		String changedFlags = scenarios.replaceFirst(
				"(?s)(- name: En nyfødt er uden for model 3[^\\n]*\\n.*?flags: )\\[\\]", "$1[KUI_NETWORK_MEETING]");
		String renamed = changedFlags.replace("- name: En 14-årig med angst er uden for model 3",
				"- name: En fjortenårig med angst er uden for model 3");
		Changes changes = RuleChanges.between(version("2023.01", FROM),
				version("2023.02", with("scenarios.yaml", renamed)));

		assertThat(changes.rules()).isEmpty();
		assertThat(changes.scenarios().changed()).singleElement()
			.satisfies((line) -> assertThat(line.da()).isEqualTo(
					"En nyfødt er uden for model 3, og sagen hører under børne- og familieområdet: forventede markeringer: ingen → netværksmøde i Den Kommunale Ungeindsats (KUI)"));
		assertThat(changes.scenarios().added()).singleElement()
			.satisfies((line) -> assertThat(line.da()).startsWith("scenarie tilføjet: En fjortenårig med angst"));
		assertThat(changes.scenarios().removed()).singleElement()
			.satisfies((line) -> assertThat(line.da()).startsWith("scenarie fjernet: En 14-årig med angst"));
	}

	@Test
	void namesARuleFileThatDoesNotParseInsteadOfItsRules() {
		Changes changes = RuleChanges.between(version("2023.01", FROM),
				version("2023.02", with("tiers.drl", FROM.get("tiers.drl").replaceFirst("then", "thn"))));

		assertThat(changes.files()).extracting(Changes.FileChange::file, Changes.FileChange::change)
			.contains(org.assertj.core.groups.Tuple.tuple("tiers.drl", "UNREADABLE"));
		assertThat(changes.rules()).noneMatch((rule) -> rule.file().equals("tiers.drl"));
		assertThat(RuleChanges.between(version("2023.01", FROM), version("2023.02", FROM)).none()).isTrue();
	}

	private static RuleVersionFiles version(String id, Map<String, String> files) {
		return new RuleVersionFiles(id, files);
	}

	private static Map<String, String> with(String name, String text) {
		Map<String, String> files = new LinkedHashMap<>(FROM);
		files.put(name, text);
		return files;
	}

	private static Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.list(Path.of("..", "rules", "2023.01"))) {
			for (Path path : paths.sorted().toList()) {
				files.put(path.getFileName().toString(), Files.readString(path));
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return files;
	}

}
