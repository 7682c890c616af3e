package dk.model3.rules.compile;

import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.RuleFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build compiles every shipped version into the jar, and a version loaded from there
 * is the version its files make: the golden copies ({@link GoldenAnswersTests}) run on
 * these modules, and an edited folder is compiled afresh.
 */
class PrecompiledRulesTests {

	@Test
	void findsAModuleForEveryShippedVersionOnTheClasspath() {
		for (RuleVersionFiles files : RuleFolders.packaged().versions()) {
			assertThat(PrecompiledRules.find(files)).as(files.folder()).isNotNull();
		}
	}

	@Test
	void compilesAnEditedVersionInsteadOfTakingTheModule() {
		RuleVersionFiles shipped = RepoRules.versions().get(0);
		java.util.Map<String, String> edited = new java.util.HashMap<>(shipped.files());
		edited.put("flags.drl", edited.get("flags.drl") + "\n// an edit\n");
		RuleVersionFiles files = new RuleVersionFiles(shipped.folder(), edited);

		assertThat(PrecompiledRules.find(files)).isNull();
		assertThat(RepoRules.loader().compiler().compile(files).checksum()).isEqualTo(files.checksum())
			.isNotEqualTo(shipped.checksum());
	}

	@Test
	void packsOnlyTheModulesOfThisBuildsRulesNotThoseOfAnEarlierBuild(@TempDir Path directory) throws Exception {
		Path rules = Files.createDirectories(directory.resolve("rules"));
		Files.copy(RepoRules.DIRECTORY.resolve("sources.yaml"), rules.resolve("sources.yaml"));
		Path output = directory.resolve("classes");
		Path stale = Files.createDirectories(output.resolve(PrecompiledRules.FOLDER)).resolve("2023.01-0123.jar");
		Files.write(stale, new byte[] { 1 });

		PrecompiledRules.main(new String[] { rules.toString(), output.toString() });

		assertThat(stale).doesNotExist();
	}

}
