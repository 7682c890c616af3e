package dk.model3.workbench;

import java.nio.file.Path;
import java.util.Map;

import dk.model3.versions.VersionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedCitizensRemovalTests {

	@TempDir
	Path temp;

	// check results as a service before this one kept them: a preview over a population
	// sent with the run, its examples (case references and profiles) included
	static final String UPLOADED = """
			{"checksum": "sha256:1", "passed": true, "preview": {"against": "2023.01", "population": "kommunen-marts.jsonl",
			  "profiles": 2, "changed": 1,
			  "transitions": [{"from": "A", "to": "B", "count": 1, "examples": [{"citizenRef": "sag-77-4711", "profile": "{age: 27}", "rules": ["+F-05"]}]}],
			  "flagsGained": [{"flag": "KUI_NETWORK_MEETING", "count": 1, "examples": [{"citizenRef": "sag-77-4711", "profile": "{age: 27}", "rules": ["+F-05"]}]}],
			  "flagsLost": []}}
			""";

	@Test
	void takesTheCitizensOfAnUploadedPopulationOutOfTheKeptResultsAndKeepsTheCounts() {
		ReferencePopulation reference = ReferencePopulation.load("");
		String pseudonym = reference.references().values().iterator().next();
		String referenceRun = """
				{"checksum": "sha256:2", "passed": true, "preview": {"against": "2023.01", "population": "population-2500.jsonl",
				  "profiles": 2500, "changed": 1, "transitions": [], "flagsLost": [],
				  "flagsGained": [{"flag": "KUI_NETWORK_MEETING", "count": 1, "examples": [{"citizenRef": "%s", "profile": "{}", "rules": []}]}]}}
				"""
			.formatted(pseudonym);
		try (VersionStore store = new VersionStore(this.temp.resolve("versions.git"), "")) {
			store.commitToMain(Map.of("sources.yaml", "documents: []\n"), "Seed", Map.of());
			store.createDraft("2023.02", Map.of(".workbench/2023.02.checks.json", UPLOADED), "policy", "Draft");
			store.createDraft("2023.03", Map.of(".workbench/2023.03.checks.json", referenceRun), "policy", "Draft");

			assertThat(UploadedCitizensRemoval.run(store, reference)).containsExactly("2023.02");

			String cleaned = store.draftFiles("2023.02", ".workbench/").get(".workbench/2023.02.checks.json");
			assertThat(cleaned).doesNotContain("sag-77-4711", "age: 27", "kommunen-marts")
				.contains("\"the population sent\"", "\"count\" : 1", "KUI_NETWORK_MEETING");
			assertThat(store.draftHistory("2023.02").get(0).author()).isEqualTo(VersionStore.SERVICE);
			assertThat(store.draftHistory("2023.02").get(0).message()).contains("Remove the citizens");
			assertThat(store.draftFiles("2023.03", ".workbench/").get(".workbench/2023.03.checks.json"))
				.isEqualTo(referenceRun);
			// once is enough
			assertThat(UploadedCitizensRemoval.run(store, reference)).isEmpty();
		}
	}

}
