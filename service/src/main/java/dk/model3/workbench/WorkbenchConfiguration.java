package dk.model3.workbench;

import dk.model3.versions.ConditionalOnVersionStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker the workbench compiles and checks drafts on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnVersionStore
class WorkbenchConfiguration {

	@Bean(destroyMethod = "close")
	DraftWorker draftWorker() {
		return new DraftWorker();
	}

}
