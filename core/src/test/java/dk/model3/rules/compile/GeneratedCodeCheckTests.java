package dk.model3.rules.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.RuleLanguage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of the generated Java on its own, without the check of the rule files before
 * it: it passes exactly what the generator makes of the rule language, and stops code
 * that reached the generator some other way before anything is compiled.
 */
class GeneratedCodeCheckTests {

	private static final String PWNED = "dk.model3.pwned.generated";

	private static final int NUMBER = 73_010;

	private static List<GeneratedCodeCheck.Source> shipped;

	@BeforeAll
	static void generateTheShippedVersion() {
		RuleVersionFiles files = RepoRules.files(RepoRules.loader(), "2023.01");
		RuleCompiler.ModelBuild build = RuleCompiler.buildModel(files, files.folder());
		assertThat(build.problems()).isEmpty();
		shipped = build.generated();
	}

	@AfterEach
	void noPayloadRan() {
		assertThat(System.getProperty(PWNED)).as("a payload ran").isNull();
	}

	@Test
	void passesWhatTheGeneratorMakesOfEveryRuleOfBothShippedVersions() {
		for (RuleVersionFiles files : RepoRules.versions()) {
			RuleCompiler.ModelBuild build = RuleCompiler.buildModel(files, files.folder());
			assertThat(build.problems()).as(files.folder()).isEmpty();
			// every rule's method, its lambdas, the declared types, their metadata, the
			// main
			// class: all checked
			assertThat(build.generated()).as(files.folder())
				.anyMatch((source) -> source.path().matches(".*/Rules[0-9A-F]{32}\\.java"))
				.anyMatch((source) -> source.path().contains("RuleMethods"))
				.anyMatch((source) -> source.path().contains("/LambdaPredicate"))
				.anyMatch((source) -> source.path().contains("/LambdaConsequence"))
				.anyMatch((source) -> source.path().contains("DomainClassesMetadata"))
				.anyMatch((source) -> source.path().endsWith("/Adult.java"));
			long rules = build.generated()
				.stream()
				.mapToLong((source) -> source.text().split("\\* Rule name: ", -1).length - 1)
				.sum();
			assertThat(rules).as(files.folder()).isEqualTo(RepoRules.compiled(files.folder()).rules().size());
			assertThat(GeneratedCodeCheck.check(build.generated())).as(files.folder()).isEmpty();
		}
	}

	static Stream<Arguments> codeTheGeneratorNeverMakes() {
		String ruleMethod = "    public static org.drools.model.Rule rule_T0_";
		String test = "    public boolean test(dk.model3.facts.Profile _this) throws java.lang.Exception {\n";
		String setProperty = "System.setProperty(\"" + PWNED + "\", \"1\")";
		return Stream.of(
				Arguments.of("a static block before a rule", "RuleMethods", ruleMethod,
						"    static { " + setProperty + "; }\n" + ruleMethod, "en static-blok"),
				Arguments.of("an instance initialiser", "RuleMethods", ruleMethod,
						"    { " + setProperty + "; }\n" + ruleMethod, "en initialiseringsblok"),
				Arguments.of("a static block in the main class", "Rules[0-9A-F]{32}\\.java",
						"    @Override\n    public String getName()",
						"    static { " + setProperty + "; }\n    @Override\n    public String getName()",
						"en static-blok"),
				Arguments.of("a call outside the model in a constraint", "LambdaPredicate", test,
						test + "        " + setProperty + ";\n", "kaldet System.setProperty"),
				Arguments.of("a lambda among the rule names", "LambdaPredicate", "info.addRuleNames(\"",
						"info.addRuleNames(((java.util.function.Supplier<String>) () -> " + setProperty + ").get(), \"",
						"syntaksen LambdaExpr"),
				Arguments.of("a method reference", "LambdaPredicate", "info.addRuleNames(\"",
						"info.addRuleNames(java.util.Objects.toString((java.util.function.Supplier<String>) System::lineSeparator), \"",
						"syntaksen MethodReferenceExpr"),
				Arguments.of("a field that runs code", "LambdaConsequence", "    INSTANCE;\n",
						"    INSTANCE;\n    static final Object X = " + setProperty + ";\n",
						"kaldet System.setProperty"),
				Arguments.of("a class of its own", "LambdaConsequence", "    INSTANCE;\n",
						"    INSTANCE;\n    static class Extra { }\n", "klassen Extra"),
				Arguments.of("a comment holding code", "RuleMethods", ruleMethod,
						"    /* " + setProperty + "; */\n" + ruleMethod, "en kommentar"),
				Arguments.of("a unicode escape", "RuleMethods", ruleMethod, "    // \\u000a static { }\n" + ruleMethod,
						"unicode-escape"),
				Arguments.of("a name outside the facts and the model", "LambdaConsequence", "drools.insert(",
						"java.lang.Runtime.getRuntime(); drools.insert(", "kaldet java.lang.Runtime.getRuntime"),
				Arguments.of("an import from outside", "LambdaPredicate", "import dk.model3.facts.*;",
						"import dk.model3.facts.*;\nimport java.io.File;", "import java.io.File"),
				Arguments.of("a loop", "LambdaConsequence", "drools.insert(", "while (true) { } drools.insert(",
						"syntaksen WhileStmt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("codeTheGeneratorNeverMakes")
	void refusesCodeTheGeneratorNeverMakes(String what, String file, String from, String to, String found) {
		List<GeneratedCodeCheck.Source> sources = edited(file, (text) -> text
			.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
		assertThat(GeneratedCodeCheck.check(sources)).isNotEmpty()
			.anySatisfy((finding) -> assertThat(finding.what()).contains(found));
	}

	@Test
	void namesTheRuleAStaticBlockWasSmuggledInto() {
		List<GeneratedCodeCheck.Source> sources = edited("RuleMethods0", (text) -> text.replaceFirst(
				"    /\\*\\*\n     \\* Rule name: T0-01",
				"    static { System.setProperty(\"" + PWNED + "\", \"1\"); }\n    /**\n     * Rule name: T0-01"));
		assertThat(GeneratedCodeCheck.check(sources))
			.anySatisfy((finding) -> assertThat(finding.rule()).startsWith("T0-01 "));
	}

	/**
	 * With the check of the rule files left out, the attacks reach the generator: the
	 * check of what it generated still refuses them, and nothing is compiled or run.
	 */
	@Test
	void stopsARuleNameThatEndsTheCommentEvenWhenTheRuleFilesAreNotChecked() {
		// no quote in the name, so the rest of the generated code stays Java: only the
		// comment is escaped, into a static block of the rule's class
		RuleVersionFiles files = edited2021("tiers.drl",
				(drl) -> drl.replace("rule \"T0-01 Children under 15 are outside the model\"",
						"rule \"T0-01 x */ static { System.setProperty(String.valueOf(" + NUMBER
								+ "), String.valueOf(1)); } /*\""));
		assertThat(RuleLanguage.check(files)).as("the first line refuses it too")
			.anySatisfy((problem) -> assertThat(problem.message()).startsWith("Regelnavnet må ikke indeholde \"*/\""));
		RuleCompiler.ModelBuild build = RuleCompiler.buildModel(files, files.folder());
		assertThat(build.problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files.files().get("tiers.drl"), "rule \"T0-01"));
			assertThat(problem.message()).contains("en static-blok", "intet af den er oversat");
		});
		assertThat(build.builder().getResults().getMessages())
			.noneMatch((message) -> message.getText().contains("package dk.model3.policy"));
		assertThat(System.getProperty(String.valueOf(NUMBER))).as("the static block ran").isNull();
	}

	@Test
	void stopsARuleNameWithQuotesEvenWhenTheRuleFilesAreNotChecked() {
		RuleVersionFiles files = edited2021("tiers.drl",
				(drl) -> drl.replace("rule \"T0-01 Children under 15 are outside the model\"",
						"rule \"T0-01 x */ static { System.setProperty(\\\"" + PWNED + "\\\", \\\"1\\\"); } /*\""));
		RuleCompiler.ModelBuild build = RuleCompiler.buildModel(files, files.folder());
		assertThat(build.problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("2021.03/tiers.drl");
			assertThat(problem.line()).isEqualTo(lineOf(files.files().get("tiers.drl"), "rule \"T0-01"));
			assertThat(problem.message()).contains("intet af den er oversat");
		});
	}

	@Test
	void stopsAFileNameThatEndsTheStringEvenWhenTheRuleFilesAreNotChecked() {
		Map<String, String> changed = new HashMap<>(RepoRules.files(RepoRules.loader(), "2021.03").files());
		String name = "x\", ((java.util.function.Supplier<String>) () -> System.setProperty(\"" + PWNED
				+ "\", \"1\")).get(), \"y.drl";
		changed.put(name, changed.remove("flags.drl"));
		RuleVersionFiles files = new RuleVersionFiles("2021.03", changed);
		RuleCompiler.ModelBuild build = RuleCompiler.buildModel(files, files.folder());
		assertThat(build.problems()).isNotEmpty()
			.anySatisfy((problem) -> assertThat(problem.message()).contains("intet af den er oversat"));
	}

	private static List<GeneratedCodeCheck.Source> edited(String file, UnaryOperator<String> edit) {
		List<GeneratedCodeCheck.Source> sources = new ArrayList<>();
		boolean changed = false;
		java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(".*" + file + ".*");
		for (GeneratedCodeCheck.Source source : shipped) {
			String text = source.text();
			if (!changed && pattern.matcher(source.path()).matches()) {
				String after = edit.apply(text);
				if (!after.equals(text)) {
					changed = true;
					text = after;
				}
			}
			sources.add(new GeneratedCodeCheck.Source(source.path(), text));
		}
		assertThat(changed).as("the edit changes a generated %s", file).isTrue();
		return sources;
	}

	private static RuleVersionFiles edited2021(String file, UnaryOperator<String> edit) {
		Map<String, String> files = new HashMap<>(RepoRules.files(RepoRules.loader(), "2021.03").files());
		String before = files.get(file);
		String after = edit.apply(before);
		assertThat(after).isNotEqualTo(before);
		files.put(file, after);
		return new RuleVersionFiles("2021.03", files);
	}

	static int lineOf(String text, String needle) {
		int index = text.indexOf(needle);
		assertThat(index).as(needle).isNotNegative();
		return (int) text.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
	}

}
