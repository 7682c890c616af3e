package dk.model3.publishing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.RulesProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completeness gate's bookkeeping with the full check: its verdict is given here by a
 * gate the test controls, since the real full check takes minutes per version
 * ({@code CompletenessCheckTests} and the reload integration tests run the real check).
 */
class RuleReloaderTests {

	private static final RulesProperties.Completeness FULL = RulesProperties.Completeness.FULL;

	/** A gate that answers when the test lets it. */
	static final class HeldGate implements Function<CompiledRules, List<RuleProblem>> {

		final CountDownLatch release = new CountDownLatch(1);

		final List<RuleProblem> verdict;

		int checks;

		HeldGate(List<RuleProblem> verdict) {
			this.verdict = verdict;
		}

		@Override
		public synchronized List<RuleProblem> apply(CompiledRules rules) {
			this.checks++;
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.verdict;
		}

	}

	private static RuleReloader reloader(Path rules, RuleVersions versions, HeldGate gate) {
		RuleReloader reloader = new RuleReloader(new RuleLoader(RuleFolders.inDirectory(rules)), versions,
				new SimpleMeterRegistry(), new RulesProperties(rules.toString(), false, Duration.ofMillis(500), FULL),
				gate);
		reloader.start();
		return reloader;
	}

	private static void awaitNoneChecking(RuleVersions versions) throws InterruptedException {
		for (int i = 0; i < 600
				&& versions.entries().stream().anyMatch((entry) -> entry.state() == RuleVersions.State.CHECKING); i++) {
			Thread.sleep(50);
		}
	}

	@Test
	void keepsAVersionWithoutARecordedCheckOutOfServiceUntilItsCheckPassesAndRecordsThePass(@TempDir Path dir)
			throws Exception {
		Path rules = RuleCopies.copy(dir);
		java.nio.file.Files.deleteIfExists(rules.resolve(CompletenessRecords.FILE));
		RuleVersions versions = new RuleVersions();
		HeldGate gate = new HeldGate(List.of());

		RuleReloader reloader = reloader(rules, versions, gate);

		assertThat(versions.active()).isEmpty();
		assertThat(versions.entries()).extracting(RuleVersions.Entry::state).containsOnly(RuleVersions.State.CHECKING);
		assertThat(reloader.checking("2023.01")).isPresent();
		gate.release.countDown();
		awaitNoneChecking(versions);
		assertThat(versions.active()).extracting(CompiledRules::version).containsExactly("2021.03", "2023.01");
		assertThat(CompletenessRecords.passed(RuleFolders.inDirectory(rules)))
			.containsExactlyInAnyOrderElementsOf(versions.active().stream().map(CompiledRules::checksum).toList());

		// the next start finds the records and checks nothing
		RuleVersions again = new RuleVersions();
		HeldGate never = new HeldGate(List.of());
		reloader(rules, again, never);
		assertThat(again.active()).hasSize(2);
		assertThat(never.checks).isZero();
	}

	@Test
	void refusesAVersionWhoseCheckFindsAGap(@TempDir Path dir) throws Exception {
		Path rules = RuleCopies.copy(dir);
		java.nio.file.Files.deleteIfExists(rules.resolve(CompletenessRecords.FILE));
		RuleVersions versions = new RuleVersions();
		HeldGate gate = new HeldGate(
				List.of(new RuleProblem("2023.01", 0, 0, "completeness: 1 profiles get no outcome")));
		reloader(rules, versions, gate);
		gate.release.countDown();
		awaitNoneChecking(versions);
		assertThat(versions.active()).isEmpty();
		assertThat(versions.entries()).allSatisfy((entry) -> {
			assertThat(entry.state()).isEqualTo(RuleVersions.State.REFUSED);
			assertThat(entry.problems()).extracting(RuleProblem::message)
				.containsExactly("completeness: 1 profiles get no outcome");
		});
		assertThat(CompletenessRecords.passed(RuleFolders.inDirectory(rules))).isEmpty();
	}

	private static CompiledRules compiledByTheChecks(RuleLoader loader, String version) {
		RuleVersionFiles files = loader.folders()
			.versions()
			.stream()
			.filter((folder) -> folder.folder().equals(version))
			.findFirst()
			.orElseThrow();
		return loader.load(files);
	}

	private static RuleReloader unstarted(RuleLoader loader, RuleVersions versions, Path rules) {
		return new RuleReloader(loader, versions, new SimpleMeterRegistry(),
				new RulesProperties(rules.toString(), false, Duration.ofMillis(500), RulesProperties.Completeness.OFF),
				new HeldGate(List.of()));
	}

	@Test
	void takesTheVersionTheChecksCompiledInsteadOfCompilingTheSameFilesAgain(@TempDir Path dir) throws Exception {
		Path rules = RuleCopies.copy(dir);
		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(rules));
		CompiledRules checked = compiledByTheChecks(loader, "2023.01");
		RuleVersions versions = new RuleVersions();

		unstarted(loader, versions, rules).reload(checked);

		CompiledRules serving = versions.active()
			.stream()
			.filter((version) -> version.version().equals("2023.01"))
			.findFirst()
			.orElseThrow();
		assertThat(serving).isSameAs(checked);
		assertThat(versions.active()).filteredOn((version) -> version.version().equals("2021.03"))
			.singleElement()
			.isNotSameAs(checked);
	}

	@Test
	void compilesAndRefusesAFolderWhoseChecksumIsNotTheCheckedOne(@TempDir Path dir) throws Exception {
		Path rules = RuleCopies.copy(dir);
		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(rules));
		CompiledRules checked = compiledByTheChecks(loader, "2023.01");
		java.nio.file.Files.writeString(rules.resolve("2023.01/tiers.drl"), "\nrule \"broken\" when then\n",
				java.nio.file.StandardOpenOption.APPEND);
		RuleVersions versions = new RuleVersions();

		unstarted(loader, versions, rules).reload(checked);

		assertThat(versions.active()).extracting(CompiledRules::version).containsExactly("2021.03");
		assertThat(versions.entries()).filteredOn((entry) -> entry.version().equals("2023.01"))
			.singleElement()
			.extracting(RuleVersions.Entry::state)
			.isEqualTo(RuleVersions.State.REFUSED);
	}

}
