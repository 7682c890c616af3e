package dk.model3.rules.language;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule file the parser cannot read is refused with a Danish message at the line a
 * policy editor must change: what is missing or out of place, after which text; never the
 * parser's English ({@code [ERR 102] mismatched input}).
 */
class ParserMessagesTests {

	private static final String F05_PROFILE = "\tProfile( departmentsInvolved != null, departmentsInvolved >= 2 )\n";

	private static RuleVersionFiles edited(String file, UnaryOperator<String> edit) {
		RuleVersionFiles shipped = RepoRules.version("2023.01");
		Map<String, String> files = new HashMap<>(shipped.files());
		String before = files.get(file);
		String after = edit.apply(before);
		assertThat(after).as("the edit changes %s", file).isNotEqualTo(before);
		files.put(file, after);
		return new RuleVersionFiles("2023.01", files);
	}

	private static int lineOf(RuleVersionFiles files, String file, String text) {
		String content = files.files().get(file);
		int index = content.indexOf(text);
		assertThat(index).as("%s in %s", text, file).isNotNegative();
		return (int) content.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
	}

	private static RuleProblem onlyProblem(RuleVersionFiles files) {
		List<RuleProblem> problems = RuleLanguage.check(files);
		assertThat(problems).isNotEmpty();
		return problems.get(0);
	}

	@Test
	void aMissingClosingParenthesisIsNamedAtTheLineItBelongsTo() {
		RuleVersionFiles files = edited("flags.drl", (drl) -> drl.replace(F05_PROFILE,
				"\tProfile( departmentsInvolved != null, departmentsInvolved >= 2\n"));

		RuleProblem problem = onlyProblem(files);

		assertThat(problem.file()).isEqualTo("2023.01/flags.drl");
		assertThat(problem.line()).as(problem.toString())
			.isEqualTo(lineOf(files, "flags.drl", "\tProfile( departmentsInvolved != null"));
		assertThat(problem.message()).isEqualTo("der mangler et `)` efter `…!= null, departmentsInvolved >= 2`");
		assertThat(problem.toString()).doesNotContain("ERR", "mismatched", "expecting", "Line");
	}

	@Test
	void aMisspelledKeywordIsQuotedAndSaidToBeOutOfPlace() {
		RuleVersionFiles files = edited("flags.drl", (drl) -> drl
			.replaceFirst("\nthen\n\tinsert\\(new FlagRaised\\(Flag.KUI", "\nthne\n\tinsert(new FlagRaised(Flag.KUI"));

		RuleProblem problem = onlyProblem(files);

		assertThat(problem.line()).isBetween(lineOf(files, "flags.drl", "not YouthPlanDespiteVeryLimitedPotential()"),
				lineOf(files, "flags.drl", "\nthne\n") + 2);
		assertThat(problem.message()).contains("kan ikke stå her").doesNotContain("ERR", "mismatched", "input");
	}

	@Test
	void aRuleWithoutItsEndSaysTheWordIsMissing() {
		RuleVersionFiles files = edited("flags.drl", (drl) -> drl.substring(0, drl.stripTrailing().length() - 3));

		RuleProblem problem = onlyProblem(files);

		assertThat(problem.message()).contains("mangler").doesNotContain("ERR", "mismatched", "<EOF>");
	}

	@Test
	void aMissingQuoteIsRefusedInDanish() {
		RuleVersionFiles files = edited("flags.drl", (drl) -> drl.replace("@id(\"F-05\")", "@id(\"F-05)"));

		List<RuleProblem> problems = RuleLanguage.check(files);

		assertThat(problems).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem.message()).doesNotContain("ERR", "mismatched", "input '"));
	}

	@Test
	void translatesEachKindOfParserMessage() {
		String text = "rule \"x\"\nwhen\n\tProfile( age >= 18\nthen\nend\n";

		assertThat(ParserMessages.danish("[ERR 102] Line 4:0 mismatched input 'then' expecting ')' in rule \"x\"", 0, 0,
				text))
			.isEqualTo(new ParserMessages.Located(3, 20, "der mangler et `)` efter `Profile( age >= 18`"));
		assertThat(ParserMessages
			.danish("[ERR 101] Line 4:0 no viable alternative at input 'then' in rule \"x\"", 4, 0, text)
			.message()).as("an unclosed pattern").isEqualTo("der mangler et `)` efter `Profile( age >= 18`");
		String closed = "rule \"x\"\nwhen\n\tProfile( age >= 18 )\nthne\nend\n";
		assertThat(ParserMessages
			.danish("[ERR 101] Line 4:0 no viable alternative at input 'thne' in rule \"x\"", 4, 0, closed)
			.message()).isEqualTo(
					"`thne` kan ikke stå her efter `Profile( age >= 18 )`; tjek stavning, parenteser og anførselstegn");
		assertThat(ParserMessages.danish("[ERR 104] Line 3:5 trailing semi-colon not allowed in rule \"x\"", 3, 5, text)
			.message()).isEqualTo("et `;` kan ikke stå her efter `Prof`; slet det");
		assertThat(ParserMessages
			.danish("[ERR 107] Line 2:0 mismatched input 'whne' expecting one of the following tokens: 'when, then'", 2,
					0, text)
			.message()).isEqualTo("`whne` kan ikke stå her efter `rule \"x\"`; her kan stå `when` eller `then`");
		assertThat(ParserMessages.danish("[ERR 102] Line 5:3 mismatched input '<EOF>' expecting 'end'", 5, 3, text)
			.message()).isEqualTo("der mangler ordet `end` efter `end`; filen slutter, før reglen er skrevet færdig");
		assertThat(ParserMessages.danish("something the parser never said before", 1, 0, text).message())
			.isEqualTo("teksten her kan ikke læses som en regel; tjek stavning, parenteser og anførselstegn");
	}

}
