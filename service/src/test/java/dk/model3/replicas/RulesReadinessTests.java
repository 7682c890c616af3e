package dk.model3.replicas;

import java.nio.file.Path;

import dk.model3.instance.InstanceId;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.VersionStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows the rules: out of service until a version serves. */
class RulesReadinessTests {

	@Test
	void isOutOfServiceUntilARuleVersionServes() {
		RuleVersions versions = new RuleVersions();
		RulesReadiness readiness = new RulesReadiness(versions, new InstanceId("replica-a"),
				new DefaultListableBeanFactory().getBeanProvider(PublishedRules.class),
				new DefaultListableBeanFactory().getBeanProvider(VersionStore.class));

		assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

		new RuleLoader(RuleFolders.inDirectory(Path.of("../rules"))).loadAll(versions);

		assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
		assertThat(readiness.health().getDetails()).containsEntry("instance", "replica-a");
	}

}
