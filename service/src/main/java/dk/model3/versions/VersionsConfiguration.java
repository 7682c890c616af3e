package dk.model3.versions;

import java.nio.file.Path;

import dk.model3.audit.DataDirectory;
import dk.model3.publishing.BeforeFirstLoad;
import dk.model3.publishing.RuleReloader;
import dk.model3.rules.language.RuleFolders;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository of versions and the folder the service serves from it: created on first
 * start in the data directory and seeded with the packaged versions (steps of the
 * start-up sequence, {@link BeforeFirstLoad}); from then on the rule loader reads
 * {@code main} as checked out, and publications arrive there. With a shared repository
 * ({@code triage.versions.remote}) the instance serves what it follows into
 * {@code triage.rules.dir} instead (package dk.model3.replicas), and the repository here
 * is the workbench's copy of the shared one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVersionStore
class VersionsConfiguration {

	static final String ALONE = "'${triage.versions.remote:}'.isBlank()";

	private static final Logger log = LoggerFactory.getLogger(VersionsConfiguration.class);

	@Bean(destroyMethod = "close")
	VersionStore versionStore(VersionsProperties properties, DataDirectory data, MeterRegistry meters) {
		Path repository = properties.repositoryIn(data);
		VersionStore store = new VersionStore(repository, properties.remote());
		FunctionCounter.builder("triage.versions.fetches", store, VersionStore::fetches)
			.description("Fetches from the shared repository of versions (one per read or write of the workbench)")
			.register(meters);
		return store;
	}

	/** Start-up, first: the packaged versions the repository lacks go into it. */
	@Bean
	BeforeFirstLoad seedVersions(VersionStore store, VersionsProperties properties) {
		return BeforeFirstLoad.of(BeforeFirstLoad.SEED, "seed the repository of versions", () -> {
			try {
				seed(store, properties);
				log.info("Rule versions from the repository {}{}: published {}, drafts {}", store.directory(),
						properties.following() ? " (a copy of " + properties.remoteForLog() + ")" : "",
						store.publishedVersions(), store.drafts());
			}
			catch (RepositoryDamaged ex) {
				// logged by the store; the workbench answers it, triage serves on
			}
		});
	}

	// a shared repository's publications are the truth: the packaged versions go into it
	// only while it is new (no main), by whichever instance comes first
	private static void seed(VersionStore store, VersionsProperties properties) {
		if (!properties.following()) {
			Seed.into(store, RuleFolders.packaged());
			return;
		}
		try {
			if (!store.hasMain()) {
				Seed.into(store, RuleFolders.packaged());
			}
		}
		catch (WrittenElsewhere ex) {
			log.info("Another instance seeded the shared repository {} first", properties.remoteForLog());
		}
		catch (SharedRepositoryUnavailable ex) {
			log.warn("Cannot seed the shared repository {} now: {}", properties.remoteForLog(), ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnExpression(ALONE)
	ServedFolder servedFolder(VersionsProperties properties, DataDirectory data) {
		return new ServedFolder(properties.servedIn(data));
	}

	/**
	 * Start-up, then: {@code main} written to the served folder; with a damaged
	 * repository the folder as last activated.
	 */
	@Bean
	@ConditionalOnExpression(ALONE)
	BeforeFirstLoad writeServedFolder(VersionStore store, ServedFolder served) {
		return BeforeFirstLoad.of(BeforeFirstLoad.SERVED_FOLDER, "write main to the served folder",
				() -> write(store, served));
	}

	private static void write(VersionStore store, ServedFolder served) {
		try {
			served.update(store.mainFiles());
		}
		catch (RepositoryDamaged ex) {
			if (served.hasVersions()) {
				log.warn("Serving the rule versions last activated in {}: the repository of versions is damaged",
						served.path());
			}
			else {
				log.warn("Serving the packaged rule versions from {}: the repository of versions is damaged and "
						+ "nothing was activated from it before", served.path());
				served.update(Seed.files(RuleFolders.packaged()));
			}
		}
	}

	/** The rules the service serves: {@code main} of the repository, checked out. */
	@Bean
	@ConditionalOnExpression(ALONE)
	RuleFolders servedRules(ServedFolder served) {
		log.info("Serving the published rule versions of the repository, checked out to {}", served.path());
		return RuleFolders.inDirectory(served.path());
	}

	@Bean
	@ConditionalOnExpression(ALONE)
	Activation servedActivation(VersionStore store, ServedFolder served, RuleReloader reloader) {
		return new ServedActivation(store, served, reloader);
	}

}
