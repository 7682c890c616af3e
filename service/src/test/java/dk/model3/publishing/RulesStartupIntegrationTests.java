package dk.model3.publishing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dk.model3.TriageApplication;
import dk.model3.rules.versions.RuleVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The rules' first load runs beside the other beans' creation, yet the service takes
 * requests only with rules in service, and a start without any version that can serve
 * fails as it always did.
 */
class RulesStartupIntegrationTests {

	@TempDir
	Path data;

	@Test
	void theWebServerStartsOnlyOnceThePackagedVersionsServe() {
		List<Integer> activeWhenTheServerStarted = new ArrayList<>();
		try (ConfigurableApplicationContext context = start(
				(ApplicationListener<WebServerInitializedEvent>) (event) -> activeWhenTheServerStarted
					.add(event.getApplicationContext().getBean(RuleVersions.class).active().size()),
				"--triage.data-dir=" + this.data)) {
			assertThat(activeWhenTheServerStarted).containsExactly(2);
			assertThat(context.getBean(RulesStartup.FirstLoad.class).result().versions())
				.extracting(ReloadResult.VersionReload::outcome)
				.containsOnly(ReloadResult.Outcome.ACTIVATED);
		}
	}

	@Test
	void aStartWithNoVersionThatCanServeFails() throws Exception {
		Path rules = Files.createDirectories(this.data.resolve("rules"));
		assertThatException().isThrownBy(() -> start((event) -> {
		}, "--triage.data-dir=" + this.data.resolve("data"), "--triage.rules.dir=" + rules).close())
			.satisfies((ex) -> assertThat(causes(ex))
				.anyMatch((message) -> message.contains("no rule version could be loaded")));
	}

	private static ConfigurableApplicationContext start(ApplicationListener<?> listener, String... arguments) {
		List<String> args = new ArrayList<>(List.of(arguments));
		args.addAll(List.of("--server.port=0", "--server.address=127.0.0.1", "--triage.security.caseworker-password=",
				"--triage.security.policy-password="));
		return new SpringApplicationBuilder(TriageApplication.class).listeners(listener)
			.run(args.toArray(String[]::new));
	}

	private static List<String> causes(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
		}
		return messages;
	}

}
