package dk.model3.rules;

import java.nio.file.Path;

import dk.model3.authoring.RuleCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A version loaded in the background while another loads is the same version, refused the
 * same way, as one loaded on its own.
 */
class RuleLoaderAheadTests {

	@TempDir
	Path dir;

	@Test
	void givesTheVersionLoadedAheadAsIfLoadedNow() {
		RuleLoader loader = RepoRules.loader();
		RuleVersionFiles later = RepoRules.files(loader, "2021.03");

		CompiledRules first = loader.load(RepoRules.files(loader, "2023.01"));
		CompiledRules ahead = loader.load(later);

		assertThat(first.version()).isEqualTo("2023.01");
		assertThat(ahead.version()).isEqualTo("2021.03");
		assertThat(ahead.checksum()).isEqualTo(later.checksum());
		assertThat(ahead.rules()).extracting(RuleMetadata::id)
			.containsExactlyElementsOf(RepoRules.compiled("2021.03").rules().stream().map(RuleMetadata::id).toList());
	}

	@Test
	void refusesABrokenVersionLoadedAheadWithItsFileAndLine() {
		Path rules = RuleCopies.copy(this.dir);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		RuleCopies.edit(tiers, "rule \"T0-01", "rule T0-01 \"");
		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(rules));

		loader.load(RepoRules.files(loader, "2023.01"));

		RuleVersionRefused refused = assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> loader.load(RepoRules.files(loader, "2021.03")))
			.actual();
		assertThat(refused.problems()).isNotEmpty()
			.anySatisfy((problem) -> assertThat(problem.file()).endsWith("tiers.drl"));
	}

}
