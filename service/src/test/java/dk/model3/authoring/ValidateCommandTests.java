package dk.model3.authoring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTests {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "2021.03", "2023.01" })
	void acceptsTheShippedVersions(String version) {
		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", "../rules", version);

		assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).contains("Version " + version + " is valid").contains("sha256:");
	}

	@Test
	void reportsASyntaxErrorWithFileLineAndColumn() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		RuleCopies.edit(tiers, "\tVeryComplex()\n\tProfile( employmentPotential == EmploymentPotential.PRESENT )\nthen",
				"\tVeryComplex()\n\tProfile( employmentPotential == EmploymentPotential.PRESENT \nthen");
		int line = RuleCopies.lineOf(tiers, "EmploymentPotential.PRESENT \nthen");

		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).containsPattern(
				java.util.regex.Pattern.quote(tiers.toString()) + ":(" + line + "|" + (line + 1) + "):\\d+: ");
		assertThat(run.out()).contains("cannot be published");
	}

	@Test
	void ignoresStrayFilesAndNamesAFileThatCannotBeRead() throws Exception {
		Path rules = RuleCopies.copy(this.temp);
		java.nio.file.Files.write(rules.resolve("2021.03/.DS_Store"), new byte[] { 0, (byte) 0xC3, (byte) 0x28 });
		java.nio.file.Files.write(rules.resolve("2021.03/.tiers.drl.swp"), new byte[] { (byte) 0xFF });
		java.nio.file.Files.write(rules.resolve("2021.03/flags.drl"), new byte[] { 'r', (byte) 0xC3, (byte) 0x28 });

		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
		assertThat(run.out()).contains("flags.drl").contains("er ikke UTF-8-tekst").doesNotContain(".DS_Store", ".swp");
		assertThat(run.err()).doesNotContain("Exception");
	}

	@Test
	void reportsMissingMetadataAtTheRule() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		int line = RuleCopies.lineOf(tiers, "rule \"T2-01 ");
		String da = "\t@da(\"Borgeren har meget komplekse og sammensatte problemer";
		String text = read(tiers);
		String daLine = text.substring(text.indexOf(da), text.indexOf('\n', text.indexOf(da)) + 1);
		RuleCopies.edit(tiers, daLine, "");

		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(tiers + ":" + line + ":1: reglen \"T2-01").contains("mangler @da");
	}

	@Test
	void reportsADuplicateIdAndAnUnknownSource() {
		Path rules = RuleCopies.copy(this.temp);
		Path tiers = rules.resolve("2021.03/tiers.drl");
		RuleCopies.edit(tiers, "rule \"T1-01 Complex", "rule \"T2-01 Complex");
		RuleCopies.edit(tiers, "@id(\"T1-01\")", "@id(\"T2-01\")");
		int line = RuleCopies.lineOf(tiers, "rule \"T2-01 Complex");
		Path flags = rules.resolve("2021.03/flags.drl");
		int flagLine = RuleCopies.lineOf(flags, "rule \"F-01 ");
		RuleCopies.edit(flags, "@id(\"F-01\")\n\t@source(\"000_376bb355f2c46007.txt\")",
				"@id(\"F-01\")\n\t@source(\"999_missing.txt\")");

		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(tiers + ":" + line + ":1: regel-id T2-01 er brugt to gange");
		assertThat(run.out())
			.contains(flags + ":" + flagLine + ":1: @source \"999_missing.txt\" står ikke i rules/sources.yaml");
	}

	@Test
	void reportsABrokenDescriptorAtItsLine() {
		Path rules = RuleCopies.copy(this.temp);
		Path descriptor = rules.resolve("2021.03/version.yaml");
		RuleCopies.edit(descriptor, "  - 001_d900a8dc3fc1bab9.txt", "  - 009_not_listed.txt");
		int line = RuleCopies.lineOf(descriptor, "009_not_listed.txt");

		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", rules.toString(), "2021.03");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out())
			.contains(descriptor + ":" + line + ":1: kilden \"009_not_listed.txt\" står ikke i rules/sources.yaml");
	}

	@Test
	void namesTheVersionsWhenTheFolderDoesNotExist() {
		CommandRun run = CommandRun.of(new ValidateCommand(), "--rules-dir", "../rules", "1999.01");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("no version folder \"1999.01\"").contains("2021.03, 2023.01");
	}

	static String read(Path file) {
		try {
			return java.nio.file.Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
