package dk.model3.publishing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Runs the rules' start-up sequence ({@link RulesStartup}) as a bean initialised in the
 * background, on Spring Boot's bootstrap executor: the packaged versions load (about 2 s
 * on a quiet machine) while the security, the workbench and the actuator's beans are
 * created, instead of after them. Spring waits for it before any bean's lifecycle starts,
 * so the web server takes requests, the watcher and the follower start, and readiness
 * goes up only once the rules are in service; a failure fails the start as before. The
 * steps and the reloader are made on the main thread first (Spring creates no other bean
 * on a background thread).
 */
@Configuration(proxyBeanMethods = false)
class RulesStartupConfiguration {

	@Bean
	RulesStartup rulesStartup(ObjectProvider<BeforeFirstLoad> steps, RuleReloader reloader) {
		return new RulesStartup(steps.orderedStream().toList(), reloader);
	}

	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	@DependsOn("rulesStartup")
	RulesStartup.FirstLoad rulesFirstLoad(RulesStartup startup) {
		return startup.run();
	}

}
