package dk.model3.replicas;

import java.nio.file.Path;
import java.time.Clock;

import dk.model3.audit.DataDirectoryProperties;
import dk.model3.publishing.RuleReloader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.RulesProperties;
import dk.model3.versions.VersionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code triage.versions.remote} set, the instance follows the shared repository:
 * its rules folder ({@code triage.rules.dir}) holds the published versions that passed
 * their checks here, brought once before the reloader first loads the folder and then on
 * every poll.
 */
@Configuration(proxyBeanMethods = false)
class ReplicasConfiguration {

	static final String FOLLOWING = "!'${triage.versions.remote:}'.isBlank()";

	// the local copy of the shared repository, in the data directory
	static final String MIRROR = "followed-versions.git";

	private static final Logger log = LoggerFactory.getLogger(ReplicasConfiguration.class);

	@Bean(destroyMethod = "")
	@ConditionalOnExpression(FOLLOWING)
	PublishedRules publishedRules(VersionsProperties replicas, RulesProperties rules, DataDirectoryProperties data,
			Clock clock) {
		if (rules.directory() == null) {
			throw new IllegalStateException("triage.versions.remote is set, so the instance follows "
					+ replicas.remoteForLog()
					+ ", but triage.rules.dir is empty: set it to the folder the published versions are written to "
					+ "(e.g. /var/lib/triage/rules)");
		}
		Path mirror = Path.of(data.dataDir()).resolve(MIRROR);
		PublishedRules published = new PublishedRules(SharedRepository.open(mirror, replicas.remote()),
				rules.directory(), clock);
		PublishedRules.Update first = published.update();
		if (!published.hasVersions()) {
			throw new IllegalStateException("no published rule version could be brought from " + replicas.remoteForLog()
					+ " into " + rules.directory() + (first.fetched() ? "" : ": " + published.lastError()));
		}
		if (!first.fetched()) {
			log.warn("Starting with the versions already in {}: the shared repository {} cannot be read now",
					rules.directory(), replicas.remoteForLog());
		}
		return published;
	}

	@Bean
	@ConditionalOnExpression(FOLLOWING)
	Follower follower(PublishedRules published, RuleReloader reloader, RuleVersions versions,
			VersionsProperties properties) {
		return new Follower(published, reloader, versions, properties);
	}

	/**
	 * The reloader loads the rules folder when it is made, so the first publications must
	 * be in the folder before it: it waits for {@code publishedRules} when there is one.
	 * And {@code publishedRules} waits for the workbench's repository, which seeds a new
	 * (empty) shared repository with the packaged versions.
	 */
	@Bean
	static BeanFactoryPostProcessor publishedRulesBeforeTheReloader() {
		return (beanFactory) -> {
			if (!beanFactory.containsBeanDefinition("publishedRules")) {
				return;
			}
			if (beanFactory.containsBeanDefinition("versionStore")) {
				beanFactory.getBeanDefinition("publishedRules").setDependsOn("versionStore");
			}
			for (String name : beanFactory.getBeanNamesForType(RuleReloader.class, true, false)) {
				beanFactory.getBeanDefinition(name).setDependsOn("publishedRules");
			}
		};
	}

}
