package dk.model3.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dk.model3.TriageApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An operator who sets a password that is too short reads why and what to do in Spring
 * Boot's short report, not under the stack traces of the beans that waited for the users
 * or of the rules' first load, which goes on in the background while the start fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShortPasswordStartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void aShortPasswordStopsTheStartWithTheSettingToFixAndNoStackTrace(CapturedOutput output) throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		assertThatException()
			.isThrownBy(
					() -> new SpringApplicationBuilder(TriageApplication.class)
						.run("--server.port=0", "--server.address=127.0.0.1", "--triage.data-dir=" + this.data,
								"--triage.security.caseworker-password=short", "--triage.security.policy-password=")
						.close())
			.satisfies((ex) -> assertThat(causes(ex)).anyMatch(PasswordTooShort.class::isInstance));
		awaitBackgroundStart(before);
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("TRIAGE_CASEWORKER_PASSWORD is 5 characters long; at least 12 are required")
			.contains("Set TRIAGE_CASEWORKER_PASSWORD to a password of at least 12 characters")
			.doesNotContain("\tat ")
			.doesNotContain("rulesFirstLoad")
			.doesNotContain("=short");
	}

	// the rules' first load runs on Spring Boot's bootstrap threads and ends after the
	// report: its log is part of what the operator reads
	private static void awaitBackgroundStart(Set<Thread> before) throws InterruptedException {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!before.contains(thread)
					&& (thread.getName().startsWith("task-") || thread.getName().contains("versions-load"))) {
				thread.join(60_000);
			}
		}
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
