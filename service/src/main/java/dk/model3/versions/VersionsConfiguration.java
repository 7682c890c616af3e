package dk.model3.versions;

import java.nio.file.Path;

import dk.model3.audit.DataDirectoryProperties;
import dk.model3.rules.RuleFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository of versions and the folder the service serves from it: created on first
 * start in the data directory and seeded with the packaged versions; from then on the
 * rule loader reads {@code main} as checked out, and publications arrive there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVersionStore
class VersionsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(VersionsConfiguration.class);

	@Bean(destroyMethod = "close")
	VersionStore versionStore(VersionsProperties properties, DataDirectoryProperties data) {
		Path repository = properties.repositoryIn(Path.of(data.dataDir()));
		VersionStore store = new VersionStore(repository, properties.remote());
		Seed.into(store, RuleFolders.packaged());
		log.info("Rule versions from the repository {}: published {}, drafts {}", repository, store.publishedVersions(),
				store.drafts());
		return store;
	}

	@Bean
	ServedFolder servedFolder(VersionStore store, VersionsProperties properties, DataDirectoryProperties data) {
		ServedFolder served = new ServedFolder(properties.servedIn(Path.of(data.dataDir())));
		served.update(store.mainFiles());
		return served;
	}

	/** The rules the service serves: {@code main} of the repository, checked out. */
	@Bean
	RuleFolders servedRules(ServedFolder served) {
		log.info("Serving the published rule versions of the repository, checked out to {}", served.path());
		return RuleFolders.inDirectory(served.path());
	}

}
