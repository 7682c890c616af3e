package dk.model3.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Versions compiled early (as the service does with its packaged ones while Spring
 * starts) are taken by a later load of the same files from any folder, once; files that
 * differ, or other sources, are compiled as before; a broken version started early is
 * refused by the loader that asks for it, with its file and line: a refusal is never
 * handed on, since it may come from a folder gone since.
 */
class RuleLoaderEarlyTests {

	@TempDir
	Path dir;

	@Test
	void aLoadOfTheSameFilesTakesTheVersionCompiledEarly() throws Exception {
		Path early = RuleCopies.copy(this.dir.resolve("early"));
		RuleLoader served = new RuleLoader(RuleFolders.inDirectory(RuleCopies.copy(this.dir.resolve("served"))));
		RuleVersionFiles files = RepoRules.files(served, "2021.03");

		RuleLoader.startEarly(RuleFolders.inDirectory(early));

		assertThat(served.startedEarly(files)).isTrue();
		CompiledRules rules = served.load(files);
		assertThat(rules.version()).isEqualTo("2021.03");
		assertThat(rules.checksum()).isEqualTo(files.checksum());
		assertThat(served.startedEarly(files)).as("taken once").isFalse();
	}

	@Test
	void otherSourcesOrOtherFilesAreCompiledAsBefore() throws Exception {
		Path early = RuleCopies.copy(this.dir.resolve("early"));
		Path otherSources = RuleCopies.copy(this.dir.resolve("sources"));
		Files.writeString(otherSources.resolve("sources.yaml"),
				Files.readString(otherSources.resolve("sources.yaml")) + "\n# edited\n");
		Path otherFiles = RuleCopies.copy(this.dir.resolve("files"));
		RuleCopies.edit(otherFiles.resolve("2023.01/tiers.drl"), "rule \"T0-01", "rule \"T0-01 edited");

		RuleLoader.startEarly(RuleFolders.inDirectory(early));

		RuleLoader sources = new RuleLoader(RuleFolders.inDirectory(otherSources));
		assertThat(sources.startedEarly(RepoRules.files(sources, "2023.01"))).isFalse();
		RuleLoader edited = new RuleLoader(RuleFolders.inDirectory(otherFiles));
		assertThat(edited.startedEarly(RepoRules.files(edited, "2023.01"))).isFalse();
		assertThat(edited.load(RepoRules.files(edited, "2023.01")).checksum())
			.isEqualTo(RepoRules.files(edited, "2023.01").checksum());
	}

	@Test
	void refusesABrokenVersionStartedEarlyWithItsFileAndLine() {
		Path rules = RuleCopies.copy(this.dir.resolve("broken"));
		Path tiers = rules.resolve("2021.03/tiers.drl");
		RuleCopies.edit(tiers, "rule \"T0-01", "rule T0-01 \"");
		int line = RuleCopies.lineOf(tiers, "rule T0-01 \"");

		RuleLoader.startEarly(RuleFolders.inDirectory(rules));

		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(rules));
		RuleVersionFiles files = RepoRules.files(loader, "2021.03");
		assertThat(loader.startedEarly(files)).isTrue();
		RuleVersionRefused refused = assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> loader.load(files))
			.actual();
		assertThat(refused.problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).endsWith("tiers.drl");
			assertThat(problem.line()).isEqualTo(line);
		});
	}

}
