package dk.model3.rules.compile;

import java.util.HashMap;
import java.util.Map;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The typos a policy editor makes most (a field, a value of the contract) are refused in
 * Danish at their line, naming what is misspelt, whichever check finds them: the rule
 * language or the engine.
 */
class MisspellingsTests {

	private static RuleVersionFiles edited(String from, String to) {
		RuleVersionFiles shipped = RepoRules.versions()
			.stream()
			.filter((files) -> files.folder().equals("2023.01"))
			.findFirst()
			.orElseThrow();
		Map<String, String> files = new HashMap<>(shipped.files());
		String before = files.get("flags.drl");
		assertThat(before).contains(from);
		files.put("flags.drl", before.replace(from, to));
		return new RuleVersionFiles("2023.01", files);
	}

	private static RuleProblem refused(RuleVersionFiles files) {
		RuleVersionRefused refused = assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> RepoRules.loader().load(files))
			.actual();
		assertThat(refused.problems()).hasSize(1);
		return refused.problems().get(0);
	}

	private static int lineOf(RuleVersionFiles files, String text) {
		String content = files.files().get("flags.drl");
		return (int) content.substring(0, content.indexOf(text)).chars().filter((c) -> c == '\n').count() + 1;
	}

	@Test
	void aMisspeltFieldIsNamedAtItsLine() {
		RuleVersionFiles files = edited("Profile( departmentsInvolved != null, departmentsInvolved >= 2 )",
				"Profile( agee < 30, departmentsInvolved != null, departmentsInvolved >= 2 )");

		RuleProblem problem = refused(files);

		assertThat(problem.file()).isEqualTo("2023.01/flags.drl");
		assertThat(problem.line()).as(problem.toString()).isEqualTo(lineOf(files, "agee < 30"));
		assertThat(problem.message()).startsWith("feltet `agee` findes ikke").doesNotContain("Unable", "parse");
	}

	@Test
	void aMisspeltValueOfTheContractIsNamed() {
		RuleVersionFiles files = edited("insert(new FlagRaised(Flag.KUI_NETWORK_MEETING));",
				"insert(new FlagRaised(Flag.KUI_NETWORK_MEETNG));");

		RuleProblem problem = refused(files);

		assertThat(problem.line()).isEqualTo(lineOf(files, "Flag.KUI_NETWORK_MEETNG"));
		assertThat(problem.message())
			.isEqualTo("\"Flag.KUI_NETWORK_MEETNG\" er ikke en værdi af Flag; tjek stavningen");
	}

}
