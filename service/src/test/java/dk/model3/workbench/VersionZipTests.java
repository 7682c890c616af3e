package dk.model3.workbench;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionZipTests {

	private static final String DESCRIPTOR = "id: \"2023.02\"\ninForceFrom: 2030-01-01\n";

	@Test
	void readsAVersionFolderAtTheTopOrInOneFolder() {
		Map<String, String> files = Map.of("version.yaml", DESCRIPTOR, "flags.drl", "rule\n", "scenarios.yaml", "x\n",
				"kui-meeting2.drl", "rule\n");
		assertThat(VersionZip.read(WorkbenchApi.zip("", files))).isEqualTo(files);
		assertThat(VersionZip.read(WorkbenchApi.zip("2023.02/", files))).isEqualTo(files);
	}

	@Test
	void refusesAZipThatUnpacksBeyondTheLimitsAfterReadingNoMore() {
		String line = "// " + "x".repeat(70) + "\n";
		String big = line.repeat(900 * 1024 / line.length());
		// read in this order: a.drl, b.drl, c.drl (past 2 MiB), version.yaml
		byte[] bomb = WorkbenchApi.zip("",
				new TreeMap<>(Map.of("version.yaml", DESCRIPTOR, "a.drl", big, "b.drl", big, "c.drl", big)));
		assertThat(bomb.length).isLessThan(64 * 1024);
		assertRefused(bomb, "zip/c.drl", "2 MiB");
		assertRefused(WorkbenchApi.zip("", Map.of("version.yaml", DESCRIPTOR, "a.drl", line.repeat(20_000))),
				"zip/a.drl", "1 MiB");
		assertRefused(WorkbenchApi.zip("", Map.of("version.yaml", DESCRIPTOR, "a.drl", "x".repeat(10_001))),
				"zip/a.drl", "line 1");
	}

	@Test
	void refusesAZipWithoutItsDescriptorOrWithANameNoVersionHas() {
		assertRefused(WorkbenchApi.zip("", Map.of("flags.drl", "rule\n")), "zip/version.yaml", "version.yaml");
		for (String name : Map
			.of("Flags.drl", 1, "notes.txt", 1, "X.lock", 1, ".hidden.drl", 1, "a b.drl", 1, "2flags.drl", 1)
			.keySet()) {
			assertRefused(WorkbenchApi.zip("", Map.of("version.yaml", DESCRIPTOR, name, "x")), "zip/" + name, name);
		}
		assertRefused(WorkbenchApi.zip("a/b/", Map.of("version.yaml", DESCRIPTOR)), "zip/a/b/version.yaml",
				"not a file");
		// in this order (Map.of has none): the entry in a second folder is the one named
		assertRefused(WorkbenchApi.zip("", new TreeMap<>(Map.of("version.yaml", DESCRIPTOR, "x/flags.drl", "x"))),
				"zip/x/flags.drl", "more than one folder");
		assertRefused("not a zip".getBytes(), "zip", "");
	}

	@Test
	void checksAFileSavedOnItsOwnByTheSameRules() {
		VersionZip.checkFile("flags.drl", "rule\n", "/name");
		assertThatThrownBy(() -> VersionZip.checkFile("X.lock", "x", "/name")).isInstanceOf(InvalidDraftRequest.class)
			.hasMessageContaining("X.lock");
		assertThatThrownBy(() -> VersionZip.checkFile("flags.drl", "x".repeat(10_001), "/name"))
			.hasMessageContaining("line 1");
	}

	private static void assertRefused(byte[] zip, String field, String message) {
		assertThatThrownBy(() -> VersionZip.read(zip)).isInstanceOfSatisfying(InvalidDraftRequest.class, (ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).contains(message);
		});
	}

}
