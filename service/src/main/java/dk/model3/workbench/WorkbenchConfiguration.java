package dk.model3.workbench;

import dk.model3.rules.RuleLoader;
import dk.model3.versions.ConditionalOnVersionStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checks of the workbench, with the rules' own loader (the sources it knows). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVersionStore
class WorkbenchConfiguration {

	@Bean
	DraftChecks draftChecks(RuleLoader loader, WorkbenchProperties properties) {
		return new DraftChecks(loader, properties);
	}

}
