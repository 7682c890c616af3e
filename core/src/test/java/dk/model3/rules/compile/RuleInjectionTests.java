package dk.model3.rules.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.language.RuleLanguage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Nothing a policy editor writes becomes code: every text that reaches the generated Java
 * is held to a narrow alphabet, and a version that tries is refused with its file and
 * line before anything of it is compiled or run. Each attack found against the rule
 * files, reproduced.
 */
class RuleInjectionTests {

	private static final String PWNED = "dk.model3.pwned";

	private static final String PAYLOAD = "System.setProperty(\\\"" + PWNED + "\\\", \\\"1\\\");";

	@AfterEach
	void noPayloadRan() {
		assertThat(System.getProperty(PWNED)).as("a payload ran").isNull();
	}

	private static RuleVersionFiles shipped() {
		return RepoRules.files(RepoRules.loader(), "2021.03");
	}

	private static RuleVersionFiles edited(String file, UnaryOperator<String> edit) {
		Map<String, String> files = new HashMap<>(shipped().files());
		String before = files.get(file);
		String after = edit.apply(before);
		assertThat(after).as("the edit changes %s", file).isNotEqualTo(before);
		files.put(file, after);
		return new RuleVersionFiles("2021.03", files);
	}

	private static RuleVersionFiles replaced(String file, String from, String to) {
		return edited(file, (drl) -> drl.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
	}

	private static RuleVersionRefused refused(RuleVersionFiles files) {
		return assertThatExceptionOfType(RuleVersionRefused.class).isThrownBy(() -> RepoRules.loader().load(files))
			.actual();
	}

	private static int lineOf(RuleVersionFiles files, String file, String text) {
		return GeneratedCodeCheckTests.lineOf(files.files().get(file), text);
	}

	@Test
	void refusesARuleNameThatWouldEndTheCommentItIsWrittenInto() {
		RuleVersionFiles files = replaced("tiers.drl", "rule \"T0-01 Children under 15 are outside the model\"",
				"rule \"T0-01 x */ static { " + PAYLOAD + " } /*\"");
		assertThat(refused(files).problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files, "tiers.drl", "rule \"T0-01 x"));
			assertThat(problem.message()).isEqualTo(
					"Regelnavnet må ikke indeholde \"*/\"; brug kun bogstaver, tal, mellemrum og . , : ; - – — ( ) ? ! % / § & + ' _");
		});
	}

	@Test
	void refusesARuleNameWithAQuote() {
		RuleVersionFiles files = replaced("tiers.drl", "rule \"T0-01 Children under 15 are outside the model\"",
				"rule \"T0-01 x\\\", \\\"y\"");
		assertThat(refused(files).problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.message()).startsWith("Regelnavnet må ikke indeholde anførselstegn");
		});
	}

	@Test
	void refusesAFileNameThatWouldEndTheStringItIsWrittenInto() {
		Map<String, String> changed = new HashMap<>(shipped().files());
		String name = "x\", ((java.util.function.Supplier<String>) () -> System.setProperty(\"" + PWNED
				+ "\", \"1\")).get(), \"y.drl";
		changed.put(name, changed.remove("flags.drl"));
		RuleVersionFiles files = new RuleVersionFiles("2021.03", changed);
		assertThat(refused(files).problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/" + name);
			assertThat(problem.message()).startsWith("filnavnet er ikke tilladt");
		});
	}

	@Test
	void refusesAFolderWithSuchAFileWithoutReadingIt(@TempDir Path dir) throws Exception {
		Path folder = dir.resolve("2021.03");
		Files.createDirectories(folder);
		for (Map.Entry<String, String> file : shipped().files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue());
		}
		Files.move(folder.resolve("flags.drl"), folder.resolve("x\", \"y.drl"));
		RuleVersionFiles files = RuleFolders.readFolder(folder);
		assertThat(files.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/x\", \"y.drl");
			assertThat(problem.message()).startsWith("filnavnet er ikke tilladt");
		});
		assertThat(files.files()).doesNotContainKey("x\", \"y.drl");
		assertThatExceptionOfType(RuleVersionRefused.class).isThrownBy(() -> RepoRules.loader().load(files));
	}

	@Test
	void refusesMetadataWithABackslashThatWouldEndItsString() {
		RuleVersionFiles files = replaced("tiers.drl", "@nextEn(\"Refer the case to the children and family area.\")",
				"@nextEn(\"a\\\\\\\" + System.getenv() + \\\\\\\"b\")");
		assertThat(refused(files).problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files, "tiers.drl", "@nextEn(\"a\\"));
			assertThat(problem.message()).startsWith("Teksten i @nextEn må ikke indeholde omvendt skråstreg");
		});
	}

	@Test
	void refusesEvenAnEscapedQuoteInAText() {
		RuleVersionFiles files = replaced("tiers.drl", "@nextEn(\"Refer the case to the children and family area.\")",
				"@nextEn(\"Refer the case to the \\\"children and family\\\" area.\")");
		assertThat(RuleLanguage.check(files)).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.message()).startsWith("Teksten i @nextEn må ikke indeholde omvendt skråstreg");
		});
	}

	@Test
	void refusesATextInAConstraintThatIsNotPlainText() {
		RuleVersionFiles files = replaced("tiers.drl", "\tChild()\nthen",
				"\tChild()\n\tProfile( benefit != \"a*/b\" )\nthen");
		assertThat(RuleLanguage.check(files)).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.message()).startsWith("En tekst må ikke indeholde \"*/\"");
		});
	}

	@Test
	void refusesATitleWithAQuote() {
		RuleVersionFiles files = edited("version.yaml",
				(yaml) -> yaml.replaceFirst("(?m)^title: .*$", "title: 'Model 3 \"*/'"));
		assertThat(refused(files).problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/version.yaml");
			assertThat(problem.line()).isEqualTo(lineOf(files, "version.yaml", "title:"));
			assertThat(problem.message()).startsWith("Titlen må ikke indeholde");
		});
	}

	@Test
	void refusesConditionsNestedDeeperThanTheParserCanFollow() {
		String deep = "(".repeat(20_000) + "age > 1" + ")".repeat(20_000);
		RuleVersionFiles files = replaced("tiers.drl", "\tChild()\nthen", "\tChild()\n\tProfile( " + deep + " )\nthen");
		assertThat(refused(files).problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files, "tiers.drl", "\tProfile( ((("));
			assertThat(problem.message()).contains("indlejret mere end 12 niveauer");
		});
	}

	@Test
	void refusesLongChainsOfNegationsToo() {
		RuleVersionFiles bangs = replaced("tiers.drl", "\tChild()\nthen",
				"\tChild()\n\tProfile( " + "!".repeat(20_000) + "(age > 1) )\nthen");
		assertThat(RuleLanguage.check(bangs))
			.anySatisfy((problem) -> assertThat(problem.message()).contains("indlejret mere end 12 niveauer"));
		RuleVersionFiles nots = replaced("tiers.drl", "\tChild()\nthen",
				"\tChild()\n" + "\tnot\n".repeat(5_000) + "\tAdult()\nthen");
		assertThat(RuleLanguage.check(nots))
			.anySatisfy((problem) -> assertThat(problem.message()).contains("indlejret mere end 12 niveauer"));
	}

	@Test
	void refusesALongLine() {
		RuleVersionFiles files = replaced("tiers.drl", "\tChild()\nthen",
				"\tChild()\n\t// " + "x".repeat(1_000) + "\nthen");
		assertThat(refused(files).problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(lineOf(files, "tiers.drl", "\t// xxx"));
			assertThat(problem.message()).contains("højst være 1.000 tegn");
		});
	}

	@Test
	void refusesAWindowBeforeTheCompilerFails() {
		RuleVersionFiles files = replaced("tiers.drl", "\tChild()\nthen",
				"\tChild()\n\tProfile( age > 1 ) over window:length( 2 )\nthen");
		assertThat(RuleLanguage.check(files)).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files, "tiers.drl", "\tProfile( age > 1 ) over"));
			assertThat(problem.message()).isEqualTo("\"over window\" er ikke en del af regelsproget");
		});
	}

	@Test
	void turnsWhatTheEngineCannotBuildIntoAProblemEvenUnchecked() {
		RuleVersionFiles files = replaced("tiers.drl", "\tChild()\nthen",
				"\tChild()\n\tProfile( age > 1 ) over window:length( 2 )\nthen");
		// past the rule language: the engine builds it, and then will not run it
		RuleVersionRefused refused = assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> RuleCompiler.build(files, files.folder()))
			.actual();
		assertThat(refused.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith("versionen kan ikke indlæses: ")
				.hasSizeLessThan(CompilerProblems.MAX_MESSAGE + 60));
	}

	@Test
	void refusesAnnotationsAndPositionsOnAConditionBeforeTheCompilerFails() {
		assertThat(RuleLanguage
			.check(replaced("tiers.drl", "\tChild()\nthen", "\tChild()\n\tProfile() @watch(age)\nthen")))
			.anySatisfy((problem) -> assertThat(problem.message()).contains("\"@watch\""));
		assertThat(RuleLanguage.check(replaced("tiers.drl", "\tChild()\nthen", "\tChild()\n\tProfile( 18; )\nthen")))
			.anySatisfy((problem) -> assertThat(problem.message()).contains("felter efter placering"));
	}

	@Test
	void givesTheCompilersErrorAtTheRuleWithoutTheGeneratedCode() {
		// passes the rule language (a text is an argument), fails in Java: FlagRaised
		// takes a flag
		RuleVersionFiles files = replaced("flags.drl", "insert(new FlagRaised(Flag.BRAIN_INJURY_EXCLUSION));",
				"insert(new FlagRaised(\"BRAIN_INJURY_EXCLUSION\"));");
		assertThat(RuleLanguage.check(files)).isEmpty();
		assertThat(refused(files).problems()).isNotEmpty().allSatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/flags.drl");
			assertThat(problem.line()).isPositive();
			assertThat(problem.message()).hasSizeLessThan(CompilerProblems.MAX_MESSAGE + 40)
				.doesNotContain("package dk.model3", "INSTANCE", "\n");
		});
	}

}
