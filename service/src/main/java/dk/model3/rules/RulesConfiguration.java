package dk.model3.rules;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the rule versions at start: from {@code triage.rules.dir} when set, otherwise the
 * rules packaged in the jar. Logs each version with its checksum, and each refused one
 * with why.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	@Bean
	RuleLoader ruleLoader(@Value("${triage.rules.dir:}") String directory) {
		return new RuleLoader(
				directory.isBlank() ? RuleFolders.packaged() : RuleFolders.inDirectory(Path.of(directory)));
	}

	@Bean
	RuleVersions ruleVersions(RuleLoader loader) {
		RuleVersions versions = new RuleVersions();
		loader.loadAll(versions);
		for (RuleVersions.Entry entry : versions.entries()) {
			if (entry.state() == RuleVersions.State.ACTIVE) {
				log.info("Rule version {} loaded from {}: in force from {}, checksum {}", entry.version(),
						loader.folders().describe(), entry.inForceFrom(), entry.checksum());
			}
			else {
				log.error("Rule version {} refused: {}", entry.version(), entry.problems());
			}
		}
		if (versions.active().isEmpty()) {
			throw new IllegalStateException("no rule version could be loaded from " + loader.folders().describe());
		}
		return versions;
	}

}
