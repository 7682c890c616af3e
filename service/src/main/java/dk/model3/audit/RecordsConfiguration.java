package dk.model3.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import dk.model3.instance.InstanceId;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records are always on: in the database of {@code spring.datasource.*}, or with none
 * configured in the embedded one in the data directory ({@link EmbeddedDatabase}). Flyway
 * creates and migrates the tables before any of these beans use them. The key for case
 * references lives in the data directory unless configured; the service refuses to start
 * when the key file can be read by others or is a link, or when the key is weak.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecordsConfiguration {

	static final String KEY_FILE = "decision-log.key";

	private static final Logger log = LoggerFactory.getLogger(RecordsConfiguration.class);

	@Bean
	CitizenRefHasher citizenRefHasher(AuditProperties properties, DataDirectoryProperties data) throws IOException {
		Path dataDir = Path.of(data.dataDir()).toAbsolutePath().normalize();
		boolean keyInDataDir = blank(properties.keyFile()) && blank(properties.key());
		if (keyInDataDir) {
			PrivateFiles.directory(dataDir);
		}
		Path keyFile = blank(properties.keyFile()) ? dataDir.resolve(KEY_FILE)
				: Path.of(properties.keyFile()).toAbsolutePath().normalize();
		return new CitizenRefHasher(DecisionLogKey.resolve(properties.key(), keyFile));
	}

	@Bean
	Durability recordsDurability(JdbcClient jdbc, Environment environment) {
		return new Durability(jdbc, EmbeddedDatabase.embedded(environment.getProperty("spring.datasource.url")));
	}

	@Bean
	RecordsHealth recordsHealthIndicator(JdbcClient jdbc, Clock clock) {
		return new RecordsHealth(jdbc, clock);
	}

	@Bean
	TransactionTemplate recordsTransactions(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Bean
	DecisionWriter decisionWriter(JdbcTemplate jdbc, TransactionTemplate recordsTransactions, Durability durability,
			RecordsHealth health, AuditProperties properties, MeterRegistry meters) {
		return new DecisionWriter(jdbc, recordsTransactions, durability, health, properties.commitWait(), meters);
	}

	@Bean
	DecisionRecords decisionRecords(JdbcClient jdbc, Durability durability, InstanceId instance,
			DataDirectoryProperties data, AuditProperties properties, Environment environment) throws IOException {
		DecisionRecords records = new DecisionRecords(jdbc, durability, instance.value());
		new LegacyLogImport(jdbc, records, durability)
			.importFrom(Path.of(data.dataDir()).toAbsolutePath().normalize().resolve(LegacyLogImport.FOLDER));
		log.info("Records of instance {}: decisions, reviews and reads in {}, kept {}", instance,
				durability.embedded()
						? "the embedded database in " + data.dataDir() + "/" + EmbeddedDatabase.FILE + ".mv.db"
						: "the database at " + withoutCredentials(environment.getProperty("spring.datasource.url")),
				properties.retention());
		return records;
	}

	@Bean
	DecisionRecorder decisionRecorder(DecisionWriter writer, CitizenRefHasher hasher, Clock clock,
			InstanceId instance) {
		return new DecisionRecorder(writer, hasher, clock, instance.value());
	}

	@Bean
	Retention recordsRetention(JdbcClient jdbc, TransactionTemplate recordsTransactions, Clock clock,
			AuditProperties properties) {
		return new Retention(jdbc, recordsTransactions, clock, properties.retention());
	}

	// a JDBC address may carry a password as a parameter
	private static String withoutCredentials(String url) {
		int parameters = (url != null) ? url.indexOf('?') : -1;
		return (parameters >= 0) ? url.substring(0, parameters) : url;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
