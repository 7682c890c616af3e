package dk.model3.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code spring.datasource.url} configured, the records live in an embedded H2
 * database in PostgreSQL mode, the file {@code records.mv.db} in the data directory, so
 * the service needs nothing installed. The same Flyway migrations create its tables.
 */
class EmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

	static final String FILE = "records";

	// PostgreSQL mode with lower-case names, as PostgreSQL folds them, so the same SQL
	// runs on both. RETENTION_TIME=0: the space of a chunk no longer in use is written
	// over at once instead of after 45 s, so a file written to at every commit
	// (Durability) stays about the size of its rows instead of growing by a chunk per
	// commit; H2's 45 s only guard against an operating system that has not yet written
	// its buffers (a power cut), which the embedded database does not promise anyway.
	static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;RETENTION_TIME=0";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty("triage.data-dir", DataDirectoryProperties.DEFAULT));
		try {
			// the records hold facts about vulnerable citizens: the folder is the service
			// user's
			// only, checked before the database opens a file in it
			PrivateFiles.directory(dataDir.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the data directory " + dataDir, ex);
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedRecordsDatabase", Map.of("spring.datasource.url", url(dataDir),
					"spring.datasource.username", "triage", "spring.datasource.password", "")));
	}

	/** The embedded database's JDBC address in a data directory. */
	static String url(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(FILE) + SETTINGS;
	}

	static boolean embedded(String url) {
		return url != null && url.startsWith("jdbc:h2:");
	}

	@Override
	public int getOrder() {
		// after the configuration files are read, so triage.data-dir from any of them
		// counts
		return Ordered.LOWEST_PRECEDENCE;
	}

}
