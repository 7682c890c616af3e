package dk.model3.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data directory is its user's only whichever part of the service writes in it first
 * (the records, their key or the repository of versions, as the beans happen to be made).
 */
class DataDirectoryTests {

	@TempDir
	Path directory;

	@Test
	void createsTheFolderForTheServicesUserOnlyWhenFirstAskedFor() throws Exception {
		Path data = this.directory.resolve("data");
		DataDirectory directory = new DataDirectory(new DataDirectoryProperties(data.toString()));
		assertThat(data).doesNotExist();
		assertThat(directory.path()).isEqualTo(data.toAbsolutePath());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void refusesAFolderOthersCanRead() throws Exception {
		Path open = Files.createDirectory(this.directory.resolve("open"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
		DataDirectory directory = new DataDirectory(new DataDirectoryProperties(open.toString()));
		assertThatThrownBy(directory::path).hasMessageContaining(open.toString()).hasMessageContaining("chmod 700");
	}

}
