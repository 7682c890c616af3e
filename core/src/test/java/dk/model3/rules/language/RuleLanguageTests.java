package dk.model3.rules.language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.FiringLimitExceeded;
import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rule language is a checked subset of DRL: whatever a rule file could run beyond
 * inserting a conclusion is refused with its place, before anything of the version is
 * compiled or any scenario runs.
 */
class RuleLanguageTests {

	private static final String T0_01_CONSEQUENCE = "\tinsert(Outcome.outOfScope(Area.CHILDREN_AND_FAMILY));\n";

	private static RuleVersionFiles shipped() {
		return RepoRules.versions()
			.stream()
			.filter((files) -> files.folder().equals("2021.03"))
			.findFirst()
			.orElseThrow();
	}

	private static RuleVersionFiles edited(String file, UnaryOperator<String> edit) {
		Map<String, String> files = new HashMap<>(shipped().files());
		String before = files.get(file);
		String after = edit.apply(before);
		assertThat(after).as("the edit changes %s", file).isNotEqualTo(before);
		files.put(file, after);
		return new RuleVersionFiles("2021.03", files);
	}

	private static RuleVersionFiles consequence(String statements) {
		return edited("tiers.drl", (drl) -> drl.replaceFirst(Pattern.quote(T0_01_CONSEQUENCE),
				Matcher.quoteReplacement(T0_01_CONSEQUENCE + statements)));
	}

	private static RuleVersionRefused refusedOnLoad(RuleVersionFiles files) {
		return assertThatExceptionOfType(RuleVersionRefused.class).isThrownBy(() -> RepoRules.loader().load(files))
			.actual();
	}

	private static int lineOf(RuleVersionFiles files, String file, String text) {
		String content = files.files().get(file);
		int index = content.indexOf(text);
		assertThat(index).as("%s in %s", text, file).isNotNegative();
		return (int) content.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
	}

	@Test
	void acceptsEveryShippedVersion() {
		for (RuleVersionFiles files : RepoRules.versions()) {
			assertThat(RuleLanguage.check(files)).as(files.folder()).isEmpty();
		}
	}

	@Test
	void refusesARuleThatWritesTheEnvironmentToDiskBeforeItEverRuns(@TempDir Path dir) {
		Path leak = dir.resolve("leak.txt");
		String java = "\tjava.nio.file.Files.writeString(java.nio.file.Path.of(\"" + leak.toString().replace("\\", "/")
				+ "\"), System.getenv().toString());\n";
		RuleVersionFiles files = edited("flags.drl",
				(drl) -> drl
					.replace("\tinsert(new FlagRaised(Flag.BRAIN_INJURY_EXCLUSION));\n",
							"\tinsert(new FlagRaised(Flag.BRAIN_INJURY_EXCLUSION));\n" + java)
					.replace("when\n\tAdult()\n\tBrainInjuryScheme()\nthen", "when\n\tProfile()\nthen"));
		RuleVersionRefused refused = refusedOnLoad(files);
		assertThat(refused.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/flags.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files, "flags.drl", "\tjava.nio.file.Files"));
			assertThat(problem.column()).isEqualTo(2);
			assertThat(problem.message()).contains("\"java\"",
					"kun indsætte et nyt faktum med insert(...) eller insertLogical(...)");
		});
		assertThat(leak).doesNotExist();
	}

	@Test
	@Timeout(120) // before the rule language, this rule slept through every scenario
	void refusesARuleThatSleeps() {
		RuleVersionFiles files = consequence("\tThread.sleep(600000);\n");
		RuleVersionRefused refused = refusedOnLoad(files);
		assertThat(refused.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.toString())
				.startsWith("2021.03/tiers.drl:" + lineOf(files, "tiers.drl", "Thread.sleep"));
			assertThat(problem.message()).contains("\"Thread\"");
		});
	}

	static Stream<Arguments> outsideTheLanguage() {
		return Stream.of(
				Arguments.of("an import from outside the facts", "tiers.drl", "import dk.model3.facts.*;\n",
						"import dk.model3.facts.*;\nimport java.io.File;\n", "import java.io.File", "java.io.File"),
				Arguments.of("a global", "tiers.drl", "import dk.model3.facts.*;\n",
						"import dk.model3.facts.*;\nglobal java.util.List sink;\n", "global", "\"global\""),
				Arguments.of("a function", "tiers.drl", "import dk.model3.facts.*;\n",
						"import dk.model3.facts.*;\nfunction int one() { return 1; }\n", "function", "\"function\""),
				Arguments.of("a query", "tiers.drl", "import dk.model3.facts.*;\n",
						"import dk.model3.facts.*;\nquery \"adults\" Adult() end\n", "query", "\"query\""),
				Arguments.of("eval", "tiers.drl", "\tChild()\nthen", "\tChild()\n\teval( true )\nthen", "eval( true )",
						"\"eval\""),
				Arguments.of("from", "tiers.drl", "\tChild()\nthen",
						"\tChild()\n\tProfile() from java.util.List.of()\nthen", "Profile() from", "\"from\""),
				Arguments.of("accumulate", "tiers.drl", "\tChild()\nthen",
						"\tChild()\n\tNumber() from accumulate( Profile(), count(1) )\nthen", "Number() from",
						"\"accumulate\""),
				Arguments.of("a method call in a constraint", "tiers.drl", "\tChild()\nthen",
						"\tChild()\n\tProfile( System.getenv(\"HOME\") != null )\nthen", "System.getenv",
						"\"System.getenv\": en betingelse må nævne"),
				Arguments.of("a pattern on a class outside the facts", "tiers.drl", "\tChild()\nthen",
						"\tChild()\n\tjava.io.File()\nthen", "java.io.File()", "\"java.io.File\" er ikke et faktum"),
				Arguments.of("an assignment", "tiers.drl", T0_01_CONSEQUENCE, T0_01_CONSEQUENCE + "\tint x = 1;\n",
						"int x", "\"int\""),
				Arguments.of("a lambda", "tiers.drl", T0_01_CONSEQUENCE, T0_01_CONSEQUENCE + "\tinsert(() -> 1);\n",
						"() -> 1", "\"(\""),
				Arguments.of("a loop", "tiers.drl", T0_01_CONSEQUENCE, T0_01_CONSEQUENCE + "\twhile (true) { }\n",
						"while", "\"while\""),
				Arguments.of("a method call inside an insert", "tiers.drl", T0_01_CONSEQUENCE,
						T0_01_CONSEQUENCE + "\tinsert(new FlagRaised(Flag.valueOf(System.getenv(\"X\"))));\n",
						"Flag.valueOf", "\"Flag\": et argument"),
				Arguments.of("a factory that is not one", "tiers.drl", T0_01_CONSEQUENCE,
						T0_01_CONSEQUENCE + "\tinsert(Outcome.valueOf(\"x\"));\n", "Outcome.valueOf",
						"\"Outcome.valueOf\" bygger ikke en konklusion"),
				Arguments.of("a made-up profile", "tiers.drl", T0_01_CONSEQUENCE,
						T0_01_CONSEQUENCE + "\tinsert(new Profile());\n", "Profile());", "\"new Profile\""),
				Arguments.of("a unicode escape that would end a string in Java", "tiers.drl",
						"@nextEn(\"Refer the case to the children and family area.\")",
						"@nextEn(\"Refer the case\\u0022 + System.exit(1) + \\u0022\")", "\\u0022", "unicode-koder"),
				Arguments.of("metadata that is code", "tiers.drl",
						"@nextEn(\"Refer the case to the children and family area.\")",
						"@nextEn(System.getenv(\"HOME\"))", "@nextEn",
						"@nextEn skal være en tekst i dobbelte anførselstegn"),
				Arguments.of("a statute that is code", "tiers.drl", "@statute(\"Serviceloven\")",
						"@statute(System.getenv(\"HOME\"))", "@statute",
						"@statute skal være en tekst i dobbelte anførselstegn"),
				Arguments.of("a statute that would end a string in Java", "tiers.drl", "@statute(\"Serviceloven\")",
						"@statute(\"Serviceloven\\\" + System.getenv() + \\\"\")", "@statute",
						"Teksten i @statute må ikke indeholde"),
				Arguments.of("metadata the rule language does not know", "tiers.drl", "@statute(\"Serviceloven\")",
						"@statute(\"Serviceloven\")\n\t@author(\"x\")", "@author",
						"@author er ikke en metadata-værdi i regelsproget"),
				Arguments.of("a salience that is code", "derived.drl", "\tsalience 10\n",
						"\tsalience (System.nanoTime() > 0 ? 10 : 10)\n", "rule \"D-01",
						"salience skal være et helt tal"),
				Arguments.of("a declared type with an initial value", "derived.drl", "declare Child end",
						"declare Child\n\tleak : String = System.getenv(\"HOME\")\nend", "declare Child",
						"har en startværdi"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("outsideTheLanguage")
	void refusesWhatIsOutsideTheLanguageWithItsFileAndLine(String what, String file, String from, String to, String at,
			String message) {
		RuleVersionFiles files = edited(file,
				(drl) -> drl.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
		RuleVersionRefused refused = assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> RepoRules.loader().compiler().compile(files))
			.actual();
		assertThat(refused.problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/" + file);
			assertThat(problem.line()).isEqualTo(lineOf(files, file, at));
			assertThat(problem.column()).isPositive();
			assertThat(problem.message()).contains(message);
		});
	}

	@Test
	void acceptsAConclusionBuiltFromABoundVariable() {
		RuleVersionFiles files = edited("flags.drl", (drl) -> drl.replace(
				"when\n\tAdult()\n\tBrainInjuryScheme()\nthen\n\tinsert(new FlagRaised(Flag.BRAIN_INJURY_EXCLUSION));",
				"when\n\tAdult()\n\tBrainInjuryScheme()\n\t$raised : FlagRaised( $flag : flag == Flag.MEASURES_SENTENCE )\nthen\n\tinsert(new FlagRaised(Flag.BRAIN_INJURY_EXCLUSION));"));
		assertThat(RuleLanguage.check(files)).isEmpty();
	}

	@Test
	void stopsARuleThatFeedsItselfAtTheFiringLimitAndRefusesItsVersion() {
		RuleVersionFiles files = edited("flags.drl", (drl) -> drl + """

				rule "F-99 Every flag raises another"
					@id("F-99")
					@source("000_376bb355f2c46007.txt")
					@section("15-17 årige")
					@da("Uendelig.")
					@en("Endless.")
				when
					FlagRaised()
				then
					insert(new FlagRaised(Flag.MEASURES_SENTENCE));
				end
				""");
		CompiledRules compiled = RepoRules.loader().compiler().compile(files);
		assertThatExceptionOfType(FiringLimitExceeded.class)
			.isThrownBy(() -> compiled.evaluate(new dk.model3.facts.Profile(40, dk.model3.facts.Benefit.CASH_BENEFIT,
					dk.model3.facts.EmploymentPotential.PRESENT,
					java.util.Set.of(dk.model3.facts.Problem.DEVELOPMENTAL_DISABILITY), false, true, false, false,
					null)))
			.withMessageContaining("more than " + CompiledRules.MAX_FIRINGS);
		RuleVersionRefused refused = refusedOnLoad(files);
		assertThat(refused.problems()).isNotEmpty().allSatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/scenarios.yaml");
			assertThat(problem.line()).isPositive();
		});
		assertThat(refused.problems()).anySatisfy(
				(problem) -> assertThat(problem.message()).contains("fired more than " + CompiledRules.MAX_FIRINGS));
	}

	@Test
	void refusesAFileReachedThroughASymbolicLinkAndLoadsTheOtherVersions(@TempDir Path dir) throws Exception {
		Path rules = copyOfRepoRules(dir);
		Path elsewhere = Files.writeString(dir.resolve("elsewhere.drl"),
				Files.readString(rules.resolve("2021.03/flags.drl")));
		Files.delete(rules.resolve("2021.03/flags.drl"));
		Files.createSymbolicLink(rules.resolve("2021.03/flags.drl"), elsewhere);
		RuleVersions versions = new RuleVersions();
		new RuleLoader(RuleFolders.inDirectory(rules)).loadAll(versions);
		assertThat(versions.active()).extracting(CompiledRules::version).containsExactly("2023.01");
		assertThat(versions.entries()).filteredOn((entry) -> entry.version().equals("2021.03"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.toString()).isEqualTo(
						"2021.03/flags.drl: er en symbolsk henvisning (symlink); regelfiler læses kun som almindelige filer")));
	}

	@Test
	void ignoresStrayFilesSoTheVersionAndItsChecksumStayTheSame(@TempDir Path dir) throws Exception {
		Path rules = copyOfRepoRules(dir);
		String before = RuleFolders.inDirectory(rules).versions().get(0).checksum();
		Files.write(rules.resolve("2021.03/.DS_Store"), new byte[] { 0, 0, 0, 1, (byte) 0xC3, (byte) 0x28, 'B' });
		Files.write(rules.resolve("2021.03/.tiers.drl.swp"), new byte[] { (byte) 0xFF, (byte) 0xFE, 0 });
		Files.writeString(rules.resolve("2021.03/notes.txt"), "a note");
		Files.write(rules.resolve(".DS_Store"), new byte[] { (byte) 0xC3, (byte) 0x28 });
		RuleVersions versions = new RuleVersions();
		new RuleLoader(RuleFolders.inDirectory(rules)).loadAll(versions);
		assertThat(versions.active()).extracting(CompiledRules::version).containsExactly("2021.03", "2023.01");
		assertThat(versions.byId("2021.03").checksum()).isEqualTo(before);
	}

	private static Path copyOfRepoRules(Path dir) throws Exception {
		Path target = dir.resolve("rules");
		try (Stream<Path> files = Files.walk(RepoRules.DIRECTORY)) {
			for (Path source : files.toList()) {
				Path destination = target.resolve(RepoRules.DIRECTORY.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(source, destination);
				}
			}
		}
		return target;
	}

}
