package dk.model3.workbench;

import java.nio.file.Path;
import java.util.List;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.SourceDocument;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedRulesTests {

	@Test
	void handsOverTheCompiledVersionOnlyForTheChecksumAndSourcesItWasCompiledFrom(@TempDir Path dir) throws Exception {
		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(RuleCopies.copy(dir)));
		RuleVersionFiles files = loader.folders().versions().get(0);
		CompiledRules rules = loader.load(files);
		List<SourceDocument> sources = loader.sources();
		CheckedRules checked = new CheckedRules(4);

		checked.keep("2023.01", rules, sources);
		assertThat(checked.take("2023.01", "sha256:other", sources)).isNull();

		checked.keep("2023.01", rules, sources);
		assertThat(checked.take("2023.01", files.checksum(), List.of())).isNull();

		checked.keep("2023.01", rules, sources);
		assertThat(checked.take("2023.01", files.checksum(), sources)).isSameAs(rules);
		assertThat(checked.take("2023.01", files.checksum(), sources)).as("taken once").isNull();
	}

	@Test
	void keepsTheLatestRunOfAFewDrafts(@TempDir Path dir) throws Exception {
		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(RuleCopies.copy(dir)));
		RuleVersionFiles files = loader.folders().versions().get(0);
		CompiledRules rules = loader.load(files);
		CheckedRules checked = new CheckedRules(2);

		checked.keep("a", rules, List.of());
		checked.keep("b", rules, List.of());
		checked.keep("c", rules, List.of());

		assertThat(checked.take("a", files.checksum(), List.of())).isNull();
		assertThat(checked.take("c", files.checksum(), List.of())).isSameAs(rules);
	}

}
