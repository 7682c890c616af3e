package dk.model3.replicas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dk.model3.authoring.RuleCopies;
import dk.model3.publishing.RuleReloader;
import dk.model3.request.RequestReader;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.RulesProperties;
import dk.model3.versions.VersionStore;
import dk.model3.versions.VersionsProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances in one JVM, each with its own rules folder and its own copy of the shared
 * repository (a local path), follow the same publications: the real reloader, rule loader
 * and JGit, polled by hand instead of on the timer. Each test starts from a shared
 * repository of its own with the shipped versions published, and starts the instances it
 * follows.
 */
class FollowerTests {

	private static final String PROFILE = """
			{"citizenRef":"b4","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT",
			 "problems":["HOMELESSNESS"],"assessmentDate":"2025-06-01"}""";

	@TempDir
	Path root;

	private SharedRepositoryFixture shared;

	@BeforeEach
	void publishTheShippedVersions() throws Exception {
		this.shared = SharedRepositoryFixture.withTheShippedVersions(this.root.resolve("shared"));
	}

	@AfterEach
	void close() {
		this.shared.close();
	}

	@Test
	void bothInstancesStartOnThePublishedVersionsAndPutANewOneInServiceOnTheirNextPollAndAnswerAlike()
			throws Exception {
		Instance a = new Instance("a");
		Instance b = new Instance("b");
		for (Instance instance : List.of(a, b)) {
			assertThat(instance.checksums()).containsExactly("2021.03 " + this.shared.checksumOf("2021.03"),
					"2023.01 " + this.shared.checksumOf("2023.01"));
		}
		this.shared.copy("2023.01", "2025.01", "2025-01-01");
		String checksum = this.shared.publish("2025.01");

		a.follower.poll();
		b.follower.poll();

		for (Instance instance : List.of(a, b)) {
			assertThat(instance.checksums()).contains("2025.01 " + checksum);
			assertThat(instance.versions.inForceOn(java.time.LocalDate.of(2025, 6, 1)).version()).isEqualTo("2025.01");
		}
		Decision onA = a.decide();
		Decision onB = b.decide();
		assertThat(onA.rulesChecksum()).isEqualTo(checksum).isEqualTo(onB.rulesChecksum());
		assertThat(List.of(onA.status(), onA.tier(), onA.responsibleArea(), onA.flags(), onA.ruleIds()))
			.isEqualTo(List.of(onB.status(), onB.tier(), onB.responsibleArea(), onB.flags(), onB.ruleIds()));
	}

	@Test
	void aPublicationThatDoesNotCompileIsRefusedEverywhereWithItsFileAndLineAndTheOthersKeepServing() throws Exception {
		Instance a = new Instance("a");
		Instance b = new Instance("b");
		publishAndFollow("2025.01", "2025-01-01", a, b);
		Path broken = this.shared.copy("2023.01", "2025.02", "2025-02-01");
		RuleCopies.edit(broken.resolve("tiers.drl"), "rule \"T2-01",
				"rule \"T2-01 broken\" when then end\nrule \"T2-01");
		this.shared.publish("2025.02");

		a.follower.poll();
		b.follower.poll();

		for (Instance instance : List.of(a, b)) {
			assertThat(instance.versions.active()).extracting(CompiledRules::version)
				.containsExactly("2021.03", "2023.01", "2025.01");
			RuleVersions.Entry refused = instance.entry("2025.02");
			assertThat(refused.state()).isEqualTo(RuleVersions.State.REFUSED);
			assertThat(refused.problems()).isNotEmpty().allSatisfy((problem) -> {
				assertThat(problem.file()).startsWith("2025.02/");
				assertThat(problem.line()).isPositive();
			});
			assertThat(instance.folder.resolve("2025.02")).doesNotExist();
			assertThat(instance.decide().rulesVersion()).isEqualTo("2025.01");
		}

		// a good publication afterwards reloads the folder; the refusal stays visible
		this.shared.copy("2023.01", "2025.03", "2025-03-01");
		this.shared.publish("2025.03");
		a.follower.poll();
		assertThat(a.checksums()).contains("2025.03 " + this.shared.checksumOf("2025.03"));
		assertThat(a.entry("2025.02").state()).isEqualTo(RuleVersions.State.REFUSED);
	}

	@Test
	void filesThatDoNotMatchTheChecksumOfTheirTagAreRefused() throws Exception {
		Instance a = new Instance("a");
		this.shared.copy("2023.01", "2025.04", "2025-04-01");
		this.shared.publish("2025.04", "sha256:" + "0".repeat(64));

		a.follower.poll();

		assertThat(a.versions.active()).extracting(CompiledRules::version).doesNotContain("2025.04");
		assertThat(a.entry("2025.04").problems()).extracting(RuleProblem::message)
			.singleElement()
			.asString()
			.contains("the tag declares sha256:" + "0".repeat(64))
			.contains("not what was published");
		assertThat(a.folder.resolve("2025.04")).doesNotExist();
	}

	@Test
	void aRestartedInstanceServesWhatPassedBeforeWhenTheSharedRepositoryCannotBeRead() throws Exception {
		Instance a = new Instance("a");
		publishAndFollow("2025.01", "2025-01-01", a);
		Instance restarted = new Instance("a", this.root.resolve("nowhere.git").toString());

		assertThat(restarted.published.lastError()).startsWith("the shared repository of versions cannot be read");
		assertThat(restarted.checksums()).containsExactlyElementsOf(a.checksums());
	}

	@Test
	void anInstanceOfANewInstallationServesThePackagedVersionsUntilTheFirstPublication() throws Exception {
		Path empty = this.root.resolve("empty.git");
		Git.init().setBare(true).setInitialBranch("main").setDirectory(empty.toFile()).call().close();

		Instance fresh = new Instance("fresh", empty.toString());

		assertThat(fresh.published.lastError()).isNull();
		assertThat(fresh.checksums()).containsExactly("2021.03 " + this.shared.checksumOf("2021.03"),
				"2023.01 " + this.shared.checksumOf("2023.01"));
	}

	// a copy of 2023.01 in force from the date, published and polled by the instances
	private void publishAndFollow(String version, String inForceFrom, Instance... instances) throws Exception {
		this.shared.copy("2023.01", version, inForceFrom);
		String checksum = this.shared.publish(version);
		for (Instance instance : instances) {
			instance.follower.poll();
			assertThat(instance.checksums()).contains(version + " " + checksum);
		}
	}

	/**
	 * One instance: its rules folder, its copy of the shared repository, its reloader.
	 */
	private final class Instance {

		final Path folder;

		final RuleVersions versions = new RuleVersions();

		final PublishedRules published;

		final Follower follower;

		Instance(String name) {
			this(name, FollowerTests.this.shared.remote.toString());
		}

		Instance(String name, String remote) {
			Path home = FollowerTests.this.root.resolve(name);
			this.folder = home.resolve("rules");
			VersionsProperties properties = new VersionsProperties(true, "", "", remote, Duration.ofSeconds(10));
			this.published = new PublishedRules(VersionStore.following(home.resolve("followed.git"), remote),
					this.folder, Clock.systemUTC());
			this.published.update();
			RuleReloader reloader = new RuleReloader(new RuleLoader(RuleFolders.inDirectory(this.folder)),
					this.versions, new SimpleMeterRegistry(), new RulesProperties(this.folder.toString(), false,
							Duration.ofMillis(500), RulesProperties.Completeness.OFF));
			reloader.start();
			this.follower = new Follower(this.published, reloader, this.versions, properties);
		}

		List<String> checksums() {
			return this.versions.active().stream().map((rules) -> rules.version() + " " + rules.checksum()).toList();
		}

		RuleVersions.Entry entry(String version) {
			return this.versions.entries()
				.stream()
				.filter((entry) -> entry.version().equals(version))
				.findFirst()
				.orElseThrow();
		}

		Decision decide() {
			var request = RequestReader.read(JsonMapper.builder().build().readTree(PROFILE));
			return this.versions.inForceOn(request.assessmentDate()).evaluate(request.profile());
		}

	}

}
