package dk.model3.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key for case references: generated once in the data directory, owner-only; weak
 * keys, and key files or data folders others can read, are refused at start.
 */
class RecordsKeyTests {

	private static final String KEY = "a-decision-log-key-of-32-bytes-0123";

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Base.class);

	@Test
	void keepsTheLogInTheDataDirectoryWithAKeyGeneratedOnceWhenNothingIsConfigured() throws Exception {
		Path data = this.directory.resolve("data");
		this.runner.withPropertyValues("triage.data-dir=" + data)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CitizenRefHasher.class));
		Path key = data.resolve(RecordsConfiguration.KEY_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		String generated = Files.readString(key);
		assertThat(java.util.Base64.getDecoder().decode(generated)).hasSize(32);
		// a restart keeps the key, so the hashes stay joinable
		this.runner.withPropertyValues("triage.data-dir=" + data).run((context) -> assertThat(context).hasNotFailed());
		assertThat(Files.readString(key)).isEqualTo(generated);
	}

	@Test
	void refusesAKeyShorterThan32Bytes() {
		this.runner
			.withPropertyValues("triage.data-dir=" + this.directory, "triage.audit.key=0123456789abcdef0123456789abcde")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("triage.audit.key")
					.hasMessageContaining("at least 32 bytes");
			});
	}

	@Test
	void refusesAKeyThatIsNotRandom() {
		this.runner
			.withPropertyValues("triage.data-dir=" + this.directory,
					"triage.audit.key=abababababababababababababababababab")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("not random"));
	}

	@Test
	void refusesADataFolderOthersCanRead() throws Exception {
		Path folder = Files.createDirectory(this.directory.resolve("open"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
		this.runner.withPropertyValues("triage.data-dir=" + folder).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(folder.toString())
				.hasMessageContaining("chmod 700");
		});
	}

	@Test
	void refusesADataFolderThatIsASymbolicLink() throws Exception {
		Path real = privateFolder("real");
		Path link = Files.createSymbolicLink(this.directory.resolve("link"), real);
		this.runner.withPropertyValues("triage.data-dir=" + link)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("symbolic link"));
	}

	@Test
	void refusesAKeyFileOthersCanRead() throws Exception {
		Path data = privateFolder("data");
		Path key = Files.writeString(data.resolve(RecordsConfiguration.KEY_FILE), KEY);
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
		this.runner.withPropertyValues("triage.data-dir=" + data)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(key.toString()));
	}

	private Path privateFolder(String name) throws Exception {
		return Files.createDirectory(this.directory.resolve(name),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AuditProperties.class, DataDirectoryProperties.class })
	static class Base {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		CitizenRefHasher citizenRefHasher(AuditProperties properties, DataDirectoryProperties data) throws Exception {
			return new RecordsConfiguration().citizenRefHasher(properties, data);
		}

	}

}
