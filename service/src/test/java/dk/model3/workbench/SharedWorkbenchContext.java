package dk.model3.workbench;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One service with the workbench on, one data folder and the users file with
 * {@code paula}, shared by the workbench test classes that extend this: Spring starts it
 * once and keeps it for all of them. They run in any order and alone, so each keeps to
 * its own drafts: its own ids and in-force dates, assertions on its own drafts only. At
 * most one of them publishes, since a publication changes what is served from its date
 * on, what every later draft's preview is against, and which dates are taken
 * ({@link WorkbenchPageIntegrationTests}: 2023.02 from 2029-01-01); the others' drafts
 * come into force before that date or are never checked against what is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "triage.versions.enabled=true")
abstract class SharedWorkbenchContext {

	static final Path DATA = WorkbenchApi.dataDirectory();

	static final Path USERS = WorkbenchApi.usersFile();

	@DynamicPropertySource
	static void sharedWorkbench(DynamicPropertyRegistry registry) {
		registry.add("triage.data-dir", DATA::toString);
		registry.add("triage.security.users-file", USERS::toString);
	}

	@LocalServerPort
	int port;

}
