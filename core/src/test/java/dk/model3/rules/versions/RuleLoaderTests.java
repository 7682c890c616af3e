package dk.model3.rules.versions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.language.RuleFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleLoaderTests {

	@TempDir
	Path dir;

	@Test
	void loadsBothShippedVersionsAndPicksTheOneInForceOnADate() {
		RuleVersions versions = new RuleVersions();
		RepoRules.loader().loadAll(versions);
		assertThat(versions.active()).extracting(CompiledRules::version).containsExactly("2021.03", "2023.01");
		assertThat(versions.inForceOn(LocalDate.of(2021, 5, 1)).version()).isEqualTo("2021.03");
		assertThat(versions.inForceOn(LocalDate.of(2022, 12, 31)).version()).isEqualTo("2021.03");
		assertThat(versions.inForceOn(LocalDate.of(2023, 1, 1)).version()).isEqualTo("2023.01");
		assertThat(versions.resolve("2021.03", LocalDate.of(2024, 1, 1)).version()).isEqualTo("2021.03");
	}

	@Test
	void refusesADateBeforeAnyVersionAndAnUnknownPin() {
		RuleVersions versions = new RuleVersions();
		RepoRules.loader().loadAll(versions);
		assertThatExceptionOfType(NoVersionInForce.class)
			.isThrownBy(() -> versions.inForceOn(LocalDate.of(2021, 4, 30)))
			.withMessageContaining("2021-05-01");
		assertThatExceptionOfType(UnknownVersion.class).isThrownBy(() -> versions.byId("1999.01"))
			.withMessageContaining("2021.03");
	}

	@Test
	void refusesAVersionWhoseScenarioFailsAndNamesTheScenarioLine() {
		RuleVersionFiles shipped = RepoRules.versions().get(0);
		Map<String, String> files = new HashMap<>(shipped.files());
		// a policy edit that moves children under 15 to the social area breaks the
		// scenarios
		files.put("tiers.drl",
				files.get("tiers.drl")
					.replace("insert(Outcome.outOfScope(Area.CHILDREN_AND_FAMILY));\nend\n\nrule \"TY-01",
							"insert(Outcome.outOfScope(Area.SOCIAL));\nend\n\nrule \"TY-01"));
		RuleVersionFiles edited = new RuleVersionFiles(shipped.folder(), files);
		RuleVersionRefused ex = assertThatExceptionOfType(RuleVersionRefused.class)
			.isThrownBy(() -> RepoRules.loader().load(edited))
			.actual();
		assertThat(ex.problems()).isNotEmpty().allSatisfy((problem) -> {
			assertThat(problem.file()).endsWith("scenarios.yaml");
			assertThat(problem.line()).isPositive();
			assertThat(problem.message()).contains("responsibleArea: expected CHILDREN_AND_FAMILY, got SOCIAL");
		});
	}

	@Test
	void keepsAnActiveVersionServingWhenAnEditOfItIsRefused() {
		RuleVersions versions = new RuleVersions();
		RepoRules.loader().loadAll(versions);
		String checksum = versions.byId("2021.03").checksum();
		versions.refuse("2021.03", "sha256:other",
				java.util.List.of(new RuleProblem("2021.03/tiers.drl", 3, 1, "broken")));
		assertThat(versions.byId("2021.03").checksum()).isEqualTo(checksum);
		assertThat(versions.entries()).filteredOn((entry) -> entry.version().equals("2021.03"))
			.singleElement()
			.satisfies(
					(entry) -> assertThat(entry.problems()).extracting(RuleProblem::message).containsExactly("broken"));
	}

	@Test
	void refusesABrokenVersionWithItsFileAndLineWhileTheOtherLoadsBesideIt() {
		Path rules = RuleCopies.copy(this.dir);
		RuleCopies.edit(rules.resolve("2021.03/tiers.drl"), "rule \"T0-01", "rule T0-01 \"");
		RuleVersions versions = new RuleVersions();

		new RuleLoader(RuleFolders.inDirectory(rules)).loadAll(versions);

		assertThat(versions.active()).extracting(CompiledRules::version).containsExactly("2023.01");
		assertThat(versions.entries()).filteredOn((entry) -> entry.version().equals("2021.03"))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.state()).isEqualTo(RuleVersions.State.REFUSED);
				assertThat(entry.problems()).anySatisfy((problem) -> {
					assertThat(problem.file()).endsWith("tiers.drl");
					assertThat(problem.line()).isPositive();
				});
			});
	}

}
