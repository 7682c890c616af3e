package dk.model3.workbench;

import java.time.LocalDate;

import dk.model3.rules.RuleVersionFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionYamlTests {

	private static final String SOURCE = """
			# Rule version descriptor. Once this version is in force, never edit it.
			id: "2023.01"
			title: "Model 3"
			inForceFrom: 2023-01-01
			sources:
			  - 000_376bb355f2c46007.txt
			changes:
			  - "Adds: a change."
			da:
			  title: "Model 3 på dansk"
			  changes:
			    - "Tilføjer: en ændring."
			""";

	@Test
	void setsTheDraftsIdDateAndTitleAsTextWhateverTheyHold() {
		String title = "Pris $1 og \\1 \"citat\": ${x} # ikke en kommentar";
		String yaml = VersionYaml.forDraft(SOURCE, "2023.02", LocalDate.of(2030, 1, 1), title, "Dansk: " + title);

		assertThat(yaml).startsWith("# Rule version descriptor. Once this version is in force, never edit it.\n");
		assertThat(yaml).contains("id: \"2023.02\"", "inForceFrom: \"2030-01-01\"", "000_376bb355f2c46007.txt",
				"Adds: a change.");
		assertThat(VersionYaml.title(yaml)).isEqualTo(title);
		assertThat(VersionYaml.titleDa(yaml)).isEqualTo("Dansk: " + title);
		assertThat(yaml).contains("Tilføjer: en ændring.");
		assertThat(VersionYaml.inForceFrom(yaml)).isEqualTo(LocalDate.of(2030, 1, 1));
		String kept = VersionYaml.forDraft(SOURCE, "2023.10", LocalDate.of(2030, 1, 1), null, null);
		assertThat(kept).contains("id: \"2023.10\"").contains("title: \"Model 3\"");
		assertThat(VersionYaml.titleDa(kept)).isEqualTo("Model 3 på dansk");
	}

	@Test
	void writesTheChangeNoteAsTheVersionsOnlyChangeNotesDanishUnderDa() {
		String draft = VersionYaml.forDraft(SOURCE, "2023.02", LocalDate.of(2030, 1, 1), null, null);
		// the notes of the version it was made from are not the draft's note
		assertThat(ChangeNote.of(draft, SOURCE)).isNull();

		String noted = VersionYaml.withNote(draft, "KUI til \"unge\" under 30: æøå", "KUI for under-30s");

		assertThat(noted).startsWith("# Rule version descriptor.");
		assertThat(VersionYaml.changesDa(noted)).containsExactly("KUI til \"unge\" under 30: æøå");
		assertThat(VersionYaml.changes(noted)).containsExactly("KUI for under-30s");
		assertThat(VersionYaml.titleDa(noted)).isEqualTo("Model 3 på dansk");
		assertThat(VersionYaml.inForceFrom(noted)).isEqualTo(LocalDate.of(2030, 1, 1));
		assertThat(ChangeNote.of(noted, SOURCE))
			.isEqualTo(new ChangeNote("KUI til \"unge\" under 30: æøå", "KUI for under-30s"));
		assertThat(ChangeNote.of("id: \"2023.02\"\nchanges:\n  - \"English only\"\n", SOURCE)).isNull();
	}

	@Test
	void readsTheDateAsTheRuleLoaderDoes() {
		assertThat(VersionYaml.inForceFrom(SOURCE)).isEqualTo(LocalDate.of(2023, 1, 1));
		assertThat(VersionYaml.inForceFrom("inForceFrom: '2048-01-01' # quoted\n")).isEqualTo(LocalDate.of(2048, 1, 1));
		assertThat(VersionYaml.inForceFrom("inForceFrom: soon\n")).isNull();
		assertThat(VersionYaml.inForceFrom("id: [unclosed\n")).isNull();
		assertThat(VersionYaml.inForceFrom(null)).isNull();
		assertThat(RuleVersionFiles.DESCRIPTOR).isEqualTo("version.yaml");
	}

}
