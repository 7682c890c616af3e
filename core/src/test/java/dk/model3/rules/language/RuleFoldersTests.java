package dk.model3.rules.language;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.rules.RepoRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every command of the jar finds its rules the same way. */
class RuleFoldersTests {

	@Test
	void readsTheFolderACommandIsGiven() {
		RuleFolders folders = RuleFolders.forCommand(RepoRules.DIRECTORY);
		assertThat(folders.isDirectory()).isTrue();
		assertThat(folders.directory()).isEqualTo(RepoRules.DIRECTORY);
	}

	@Test
	void refusesAGivenFolderThatDoesNotExist() {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> RuleFolders.forCommand(Path.of("no-such-rules")))
			.withMessageContaining("no-such-rules");
	}

	@Test
	void readsThePackagedRulesWhenNoFolderIsGivenAndThereIsNoRulesFolderHere() {
		// the tests run in service/, which has no rules folder of its own
		assertThat(Files.isDirectory(Path.of("rules"))).isFalse();
		assertThat(RuleFolders.forCommand(null).describe()).isEqualTo("classpath:rules");
	}

}
