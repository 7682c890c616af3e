package dk.model3.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import dk.model3.instance.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision log is always on: with no configuration it lives in the data directory
 * with a key generated there once. The service refuses to start when the log's folder,
 * files or key file can be read by others or are links, or when the key is weak.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	static final String LOG_FOLDER = "decisions";

	static final String KEY_FILE = "decision-log.key";

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	@Bean
	DecisionLog decisionLog(AuditProperties properties, DataDirectoryProperties data, Clock clock, InstanceId instance)
			throws IOException {
		Path dataDir = Path.of(data.dataDir()).toAbsolutePath().normalize();
		boolean inDataDir = blank(properties.dir()) || blank(properties.keyFile()) && blank(properties.key());
		if (inDataDir) {
			PrivateFiles.directory(dataDir);
		}
		Path directory = blank(properties.dir()) ? dataDir.resolve(LOG_FOLDER)
				: Path.of(properties.dir()).toAbsolutePath().normalize();
		Path keyFile = blank(properties.keyFile()) ? dataDir.resolve(KEY_FILE)
				: Path.of(properties.keyFile()).toAbsolutePath().normalize();
		String key = DecisionLogKey.resolve(properties.key(), keyFile);
		log.info("Decision log of instance {}: one line per decision and review in {}/{}YYYY-MM-DD{}{}, kept {}{}",
				instance, directory, DailyFileAppender.PREFIX, DailyFileAppender.SUFFIX,
				properties.fsync() ? ", fsync per line" : "", properties.retention(),
				properties.peerDirs().isEmpty() ? "" : "; other instances' logs read from " + properties.peerDirs());
		DecisionLog decisionLog = new DecisionLog(directory,
				new DailyFileAppender(directory, clock, properties.fsync()), new CitizenRefHasher(key), clock,
				properties.retention(), instance.value(),
				properties.peerDirs().stream().filter((dir) -> !blank(dir)).map(Path::of).toList());
		decisionLog.open();
		return decisionLog;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
