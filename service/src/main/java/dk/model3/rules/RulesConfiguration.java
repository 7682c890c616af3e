package dk.model3.rules;

import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules of the service: from {@code triage.rules.dir} when set, otherwise the
 * published versions of the repository of versions, or the rules packaged in the jar when
 * that is off. The versions are loaded, checked and put in service by the publishing
 * package's reloader, at start and on every change.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	/**
	 * @param served the published versions of the repository of versions, checked out,
	 * when the service serves from it (package dk.model3.versions)
	 */
	@Bean
	RuleLoader ruleLoader(RulesProperties properties, ObjectProvider<RuleFolders> served) {
		if (properties.directory() != null) {
			return new RuleLoader(RuleFolders.inDirectory(properties.directory()));
		}
		return new RuleLoader(served.getIfAvailable(RuleFolders::packaged));
	}

	@Bean
	RuleVersions ruleVersions() {
		return new RuleVersions();
	}

}
