package dk.model3.replicas;

import java.nio.file.Path;
import java.time.Clock;

import dk.model3.audit.DataDirectory;
import dk.model3.publishing.BeforeFirstLoad;
import dk.model3.publishing.RuleReloader;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.RulesProperties;
import dk.model3.versions.VersionStore;
import dk.model3.versions.VersionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code triage.versions.remote} set, the instance follows the shared repository:
 * its rules folder ({@code triage.rules.dir}) holds the published versions that passed
 * their checks here, brought once in the start-up sequence before the reloader first
 * loads the folder ({@link BeforeFirstLoad#FOLLOWED}) and then on every poll.
 */
@Configuration(proxyBeanMethods = false)
class ReplicasConfiguration {

	static final String FOLLOWING = "!'${triage.versions.remote:}'.isBlank()";

	// the local copy of the shared repository, in the data directory
	static final String MIRROR = "followed-versions.git";

	private static final Logger log = LoggerFactory.getLogger(ReplicasConfiguration.class);

	@Bean(destroyMethod = "")
	@ConditionalOnExpression(FOLLOWING)
	PublishedRules publishedRules(VersionsProperties replicas, RulesProperties rules, DataDirectory data, Clock clock) {
		if (rules.directory() == null) {
			throw new IllegalStateException("triage.versions.remote is set, so the instance follows "
					+ replicas.remoteForLog()
					+ ", but triage.rules.dir is empty: set it to the folder the published versions are written to "
					+ "(e.g. /var/lib/triage/rules)");
		}
		Path mirror = data.path().resolve(MIRROR);
		return new PublishedRules(VersionStore.following(mirror, replicas.remote()), rules.directory(), clock);
	}

	/**
	 * Start-up, after the repository of versions seeded a new shared repository: the
	 * publications are brought into the rules folder before the reloader first loads it.
	 */
	@Bean
	@ConditionalOnExpression(FOLLOWING)
	BeforeFirstLoad followPublications(PublishedRules published, VersionsProperties replicas, RulesProperties rules) {
		return BeforeFirstLoad.of(BeforeFirstLoad.FOLLOWED, "bring in the shared repository's publications", () -> {
			PublishedRules.Update first = published.update();
			if (!published.hasVersions()) {
				throw new IllegalStateException(
						"no published rule version could be brought from " + replicas.remoteForLog() + " into "
								+ rules.directory() + (first.fetched() ? "" : ": " + published.lastError()));
			}
			if (!first.fetched()) {
				log.warn("Starting with the versions already in {}: the shared repository {} cannot be read now",
						rules.directory(), replicas.remoteForLog());
			}
		});
	}

	@Bean
	@ConditionalOnExpression(FOLLOWING)
	Follower follower(PublishedRules published, RuleReloader reloader, RuleVersions versions,
			VersionsProperties properties) {
		return new Follower(published, reloader, versions, properties);
	}

}
