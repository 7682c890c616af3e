package dk.model3.rules.compile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.language.RuleFolders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleCompilerTests {

	private static RuleVersionFiles shipped() {
		return RepoRules.versions()
			.stream()
			.filter((files) -> files.folder().equals("2021.03"))
			.findFirst()
			.orElseThrow();
	}

	private static RuleVersionFiles edited(String file, UnaryOperator<String> edit) {
		Map<String, String> files = new HashMap<>(shipped().files());
		files.put(file, edit.apply(files.get(file)));
		return new RuleVersionFiles("2021.03", files);
	}

	private static RuleVersionRefused refused(RuleVersionFiles files) {
		return assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> RepoRules.loader().compiler().compile(files))
			.actual();
	}

	@Test
	void compilesEveryShippedVersionWithCompleteMetadata() {
		for (RuleVersionFiles files : RepoRules.versions()) {
			CompiledRules rules = RepoRules.compiled(files.folder());
			assertThat(rules.rules()).isNotEmpty().allSatisfy((rule) -> {
				assertThat(rule.id()).matches("[A-Z][A-Z0-9]*-\\d{2}");
				assertThat(rule.name()).startsWith(rule.id() + " ");
				assertThat(rule.text().da()).isNotBlank();
				assertThat(rule.text().en()).isNotBlank();
				assertThat(rule.source().document()).matches("\\d{3}_[0-9a-f]{16}\\.txt");
				assertThat(rule.source().section()).isNotBlank();
			});
			assertThat(rules.rules()).extracting(RuleMetadata::id).doesNotHaveDuplicates();
		}
	}

	@Test
	void refusesASyntaxErrorWithFileAndLine() {
		RuleVersionRefused ex = refused(edited("tiers.drl", (drl) -> drl.replace("\tChild()\nthen", "\tChild(\nthen")));
		assertThat(ex.problems()).isNotEmpty().allSatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isPositive();
		});
	}

	@Test
	void carriesTheStatuteASourceNamesOnlyOnTheRulesThatRestOnIt() {
		Map<String, String> statutes = new HashMap<>();
		RepoRules.compiled("2023.01")
			.rules()
			.stream()
			.filter((rule) -> rule.source().statute() != null)
			.forEach((rule) -> statutes.put(rule.id(), rule.source().statute()));
		assertThat(statutes).containsOnlyKeys("D-10", "TY-01", "W1-02", "F-06", "F-05", "F-04", "D-15", "F-08")
			.containsEntry("TY-01", "Serviceloven")
			.containsEntry("F-05", "Lov om kommunal indsats for unge under 25 år (KUI)");
		assertThat(RepoRules.compiled("2021.03").rules()).filteredOn((rule) -> rule.source().statute() != null)
			.extracting(RuleMetadata::id)
			.containsExactlyInAnyOrder("D-10", "TY-01", "W1-02");
	}

	@Test
	void refusesAnEmptyStatute() {
		RuleVersionRefused ex = refused(edited("tiers.drl",
				(drl) -> drl.replaceFirst("\t@statute\\(\"Serviceloven\"\\)\n", "\t@statute(\" \")\n")));
		assertThat(ex.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("@statute"));
	}

	@Test
	void refusesARuleWithoutItsSourceAndNamesTheRuleAndLine() {
		RuleVersionRefused ex = refused(
				edited("tiers.drl", (drl) -> drl.replaceFirst("\t@source\\(\"000_376bb355f2c46007.txt\"\\)\n", "")));
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(shipped().files().get("tiers.drl"), "rule \"T0-01"));
			assertThat(problem.message()).contains("T0-01", "@source");
		});
	}

	@Test
	void refusesADuplicateRuleId() {
		RuleVersionRefused ex = refused(edited("flags.drl",
				(drl) -> drl.replace("@id(\"F-02\")", "@id(\"F-01\")").replace("rule \"F-02 ", "rule \"F-01 ")));
		assertThat(ex.problems())
			.anySatisfy((problem) -> assertThat(problem.message()).contains("F-01 er brugt to gange"));
	}

	@Test
	void refusesASourceThatIsNotAKnownDocument() {
		RuleVersionRefused ex = refused(
				edited("flags.drl", (drl) -> drl.replaceFirst("001_d900a8dc3fc1bab9.txt", "999_unknown.txt")));
		assertThat(ex.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("999_unknown.txt", "sources.yaml"));
	}

	@Test
	void refusesADerivedRuleWithoutSalienceSoDecisionsNeverRaceDerivedFacts() {
		RuleVersionRefused ex = refused(edited("derived.drl", (drl) -> drl.replaceFirst("\tsalience 10\n", "")));
		assertThat(ex.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("D-01", "salience 10"));
	}

	@Test
	void refusesARuleThatRequiresAFactAbsentWhichAnotherRuleMayDeriveAfterIt() {
		RuleVersionRefused ex = refused(
				edited("derived.drl", (drl) -> drl.replace("\tsalience 20\n", "\tsalience 10\n")));
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(lineOf(shipped().files().get("derived.drl"), "rule \"D-09"));
			assertThat(problem.message()).contains("D-09", "ProblemBeyondLimitedSupport", "D-17", "salience 20");
		});
	}

	@Test
	void refusesSalience20ForARuleThatReadsMoreThanTheProfile() {
		RuleVersionRefused ex = refused(edited("derived.drl",
				(drl) -> drl.replace("\tsalience 20\nwhen\n", "\tsalience 20\nwhen\n\tYouth()\n")));
		assertThat(ex.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("D-17", "salience 20",
					"alene læser borgerens oplysninger"));
	}

	@Test
	void refusesADescriptorWhoseIdIsNotTheFolderName() {
		RuleVersionRefused ex = refused(edited("version.yaml", (yaml) -> yaml.replace("\"2021.03\"", "\"2021.04\"")));
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/version.yaml");
			assertThat(problem.message()).contains("2021.04", "mappens navn");
		});
	}

	@Test
	void givesEveryEditANewChecksum() {
		assertThat(edited("tiers.drl", (drl) -> drl + "\n").checksum()).isNotEqualTo(shipped().checksum())
			.startsWith("sha256:");
	}

	@Test
	void packagedRulesAreTheRepositoryRules() {
		assertThat(RuleFolders.packaged().versions()).extracting(RuleVersionFiles::checksum)
			.containsExactlyElementsOf(RepoRules.versions().stream().map(RuleVersionFiles::checksum).toList());
	}

	private static int lineOf(String text, String needle) {
		return (int) text.substring(0, text.indexOf(needle)).chars().filter((c) -> c == '\n').count() + 1;
	}

	@Test
	void takesTheRuleBaseOfAnEarlierCompileOfTheSameRuleFilesAndAnswersTheSame() {
		CompiledRules earlier = RepoRules.compiled("2021.03");
		RuleVersionFiles scenariosChanged = edited("scenarios.yaml", (yaml) -> yaml + "\n# a comment added\n");

		CompiledRules again = RepoRules.loader().compiler().compile(scenariosChanged, earlier);

		assertThat(again.kieBase()).isSameAs(earlier.kieBase());
		assertThat(again.checksum()).isEqualTo(scenariosChanged.checksum()).isNotEqualTo(earlier.checksum());
		assertThat(again.files()).isSameAs(scenariosChanged);
		Profile citizen = new Profile(40, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT,
				Set.of(Problem.HOMELESSNESS, Problem.ANXIETY), false, false, false, false, 2);
		assertThat(again.evaluate(citizen)).usingRecursiveComparison()
			.ignoringFields("rulesChecksum")
			.isEqualTo(earlier.evaluate(citizen));
	}

	@Test
	void compilesAgainWhenARuleFileChanged() {
		CompiledRules earlier = RepoRules.compiled("2021.03");
		RuleVersionFiles ruleChanged = edited("flags.drl", (drl) -> drl + "\n// a comment added\n");

		CompiledRules again = RepoRules.loader().compiler().compile(ruleChanged, earlier);

		assertThat(again.kieBase()).isNotSameAs(earlier.kieBase());
	}

	@Test
	void refusesABrokenRuleFileWhateverWasCompiledBefore() {
		CompiledRules earlier = RepoRules.compiled("2021.03");
		RuleVersionFiles broken = edited("tiers.drl", (drl) -> drl.replace("\tChild()\nthen", "\tChild(\nthen"));

		assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> RepoRules.loader().compiler().compile(broken, earlier));
	}

	@Test
	void compilingTheSameRuleFilesAgainAndAgainLeavesNoSessionsBehindOnTheRuleBase() {
		CompiledRules earlier = RepoRules.loader().compiler().compile(shipped());
		Profile citizen = new Profile(30, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT,
				Set.of(Problem.SEVERE_SUBSTANCE_ABUSE), false, false, false, false, null);
		earlier.evaluate(citizen);
		int sessions = earlier.kieBase().getKieSessions().size();
		for (int i = 0; i < 20; i++) {
			RuleVersionFiles edit = edited("scenarios.yaml", (yaml) -> yaml + "\n# edit\n");
			CompiledRules again = RepoRules.loader().compiler().compile(edit, earlier);
			again.evaluate(citizen);
		}
		assertThat(earlier.kieBase().getKieSessions()).hasSizeLessThanOrEqualTo(sessions);
	}

}
