package dk.model3.audit;

import java.nio.file.Path;
import java.time.Clock;

import dk.model3.triage.DecisionObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AuditConfigurationTests {

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Base.class,
			AuditConfiguration.class);

	@Test
	void leavesTheLogOffWithoutADirectory() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DecisionObserver.class));
		this.runner.withPropertyValues("triage.audit.dir=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DecisionObserver.class));
	}

	@Test
	void refusesToStartWithADirectoryAndNoKey() {
		this.runner.withPropertyValues("triage.audit.dir=" + this.directory).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("triage.audit.key is not set");
		});
		this.runner.withPropertyValues("triage.audit.dir=" + this.directory, "triage.audit.key=short")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void turnsTheLogOnWithADirectoryAndAKey() {
		this.runner.withPropertyValues("triage.audit.dir=" + this.directory, "triage.audit.key=0123456789abcdef")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(DecisionLog.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditProperties.class)
	static class Base {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
