package dk.model3.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules of the service: from {@code triage.rules.dir} when set, otherwise the rules
 * packaged in the jar. The versions are loaded, checked and put in service by the
 * publishing package's reloader, at start and on every change.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RuleLoader ruleLoader(RulesProperties properties) {
		return new RuleLoader((properties.directory() != null) ? RuleFolders.inDirectory(properties.directory())
				: RuleFolders.packaged());
	}

	@Bean
	RuleVersions ruleVersions() {
		return new RuleVersions();
	}

}
