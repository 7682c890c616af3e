package dk.model3.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns the decision log on when {@code triage.audit.dir} is set, and refuses to start
 * when it is set without a key: an unkeyed log would either hold the references in clear
 * or hashes anyone could recompute.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${triage.audit.dir:}'.isBlank()")
class AuditConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	@Bean
	DecisionLog decisionLog(AuditProperties properties, Clock clock) throws IOException {
		if (properties.key() == null || properties.key().length() < AuditProperties.MIN_KEY_LENGTH) {
			throw new IllegalStateException("triage.audit.dir is set but triage.audit.key is "
					+ ((properties.key() == null || properties.key().isEmpty()) ? "not set" : "too short")
					+ ": the decision log needs a key of at least " + AuditProperties.MIN_KEY_LENGTH
					+ " characters (TRIAGE_AUDIT_KEY) to hash citizen references");
		}
		Path directory = Path.of(properties.dir()).toAbsolutePath().normalize();
		log.info("Decision log on: one line per decision in {}/{}YYYY-MM-DD{}{}", directory, DailyFileAppender.PREFIX,
				DailyFileAppender.SUFFIX, properties.fsync() ? ", fsync per line" : "");
		return new DecisionLog(new DailyFileAppender(directory, clock, properties.fsync()),
				new CitizenRefHasher(properties.key()), clock);
	}

}
