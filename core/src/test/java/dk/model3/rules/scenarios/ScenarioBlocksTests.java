package dk.model3.rules.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.RepoRules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScenarioBlocksTests {

	static final String KUI_25 = "En 25-årig med meget alvorligt misbrug og to involverede afdelinger placeres i lag 2"
			+ " (tværgående samarbejde), kan forelægges koordinations- og visitationsudvalget for unge og får tilbud om"
			+ " én samlet plan, men ikke et netværksmøde i KUI";

	static String file() throws IOException {
		return Files.readString(RepoRules.DIRECTORY.resolve("2023.01").resolve("scenarios.yaml"));
	}

	static Scenario scenario(String name, List<Flag> flags) {
		ObjectNode given = JsonMapper.shared().createObjectNode();
		given.put("age", 25).put("benefit", "CASH_BENEFIT").put("employmentPotential", "PRESENT");
		given.putArray("problems").add("SEVERE_SUBSTANCE_ABUSE");
		given.put("departmentsInvolved", 2);
		return new Scenario(name, 0, given, new Scenario.Expectation(Status.PLACED, Tier.CROSS_SECTOR, Area.EMPLOYMENT,
				flags, null, List.of("T2-01"), null));
	}

	@Test
	void replacesOneScenarioAndKeepsEveryOtherByteOfTheFile() throws IOException {
		String yaml = file();
		String edited = ScenarioBlocks.replace(yaml, KUI_25,
				scenario(KUI_25, List.of(Flag.YOUTH_COORDINATION_COMMITTEE, Flag.KUI_NETWORK_MEETING)));

		int start = yaml.indexOf("  - name: " + KUI_25);
		int end = yaml.indexOf("      rules: [T2-01]\n", start) + "      rules: [T2-01]\n".length();
		assertThat(edited.substring(0, start)).isEqualTo(yaml.substring(0, start));
		assertThat(edited).endsWith(yaml.substring(end));
		// the name has commas, so it is written in quotes (plain in the file before)
		assertThat(edited.substring(start, edited.length() - (yaml.length() - end))).isEqualTo("""
				  - name: "%s"
				    given:
				      age: 25
				      benefit: CASH_BENEFIT
				      employmentPotential: PRESENT
				      problems: [SEVERE_SUBSTANCE_ABUSE]
				      departmentsInvolved: 2
				    expect:
				      status: PLACED
				      tier: CROSS_SECTOR
				      responsibleArea: EMPLOYMENT
				      flags: [YOUTH_COORDINATION_COMMITTEE, KUI_NETWORK_MEETING]
				      rules: [T2-01]
				""".formatted(KUI_25));
		List<Scenario> before = ScenarioBlocks.parse("2023.01", yaml);
		List<Scenario> after = ScenarioBlocks.parse("2023.01", edited);
		assertThat(after).extracting(Scenario::name).isEqualTo(before.stream().map(Scenario::name).toList());
		assertThat(after.stream().filter((s) -> s.name().equals(KUI_25)).findFirst().orElseThrow().expect().flags())
			.containsExactly(Flag.YOUTH_COORDINATION_COMMITTEE, Flag.KUI_NETWORK_MEETING);
	}

	@Test
	void writesTheFirstAndTheLastScenarioInPlaceToo() throws IOException {
		String yaml = file();
		List<Scenario> all = ScenarioBlocks.parse("2023.01", yaml);
		for (Scenario each : List.of(all.get(0), all.get(all.size() - 1))) {
			String edited = ScenarioBlocks.replace(yaml, each.name(), each);
			assertThat(ScenarioBlocks.parse("2023.01", edited)).extracting(Scenario::name)
				.isEqualTo(all.stream().map(Scenario::name).toList());
			assertThat(edited.endsWith("\n")).isEqualTo(yaml.endsWith("\n"));
		}
		// the file's comments are all still there
		String edited = ScenarioBlocks.replace(yaml, all.get(0).name(), all.get(0));
		assertThat(edited.lines().filter((line) -> line.strip().startsWith("#")).toList())
			.isEqualTo(yaml.lines().filter((line) -> line.strip().startsWith("#")).toList());
	}

	@Test
	void appendsANewScenarioAtTheEnd() throws IOException {
		String yaml = file();
		String added = ScenarioBlocks.append(yaml, scenario("A new case is added at the end", List.of()));
		assertThat(added).startsWith(yaml.stripTrailing() + "\n\n  - name: A new case is added at the end\n");
		List<Scenario> after = ScenarioBlocks.parse("2023.01", added);
		assertThat(after.get(after.size() - 1).name()).isEqualTo("A new case is added at the end");
		assertThat(after.get(after.size() - 1).expect().flags()).isEmpty();
	}

	@Test
	void aNameIsDataWhateverItHolds() throws IOException {
		String yaml = file();
		for (String name : List.of("A case: with a colon", "A case # not a comment", "It's \"quoted\" here",
				"Two\nlines", "- a dash first", "true", "123", "[not a list]", "{not: a map}", "tab\tand \\ backslash",
				"ends with a colon:", "&anchor *alias !tag", "%directive", "@at `tick`", "æøå ÆØÅ")) {
			String added = ScenarioBlocks.append(yaml, scenario(name, List.of()));
			List<Scenario> after = ScenarioBlocks.parse("2023.01", added);
			assertThat(after).hasSize(ScenarioBlocks.parse("2023.01", yaml).size() + 1);
			assertThat(after.get(after.size() - 1).name()).isEqualTo(name);
			// and found again by its exact name
			String renamed = ScenarioBlocks.replace(added, name, scenario("Renamed", List.of()));
			assertThat(ScenarioBlocks.parse("2023.01", renamed).get(after.size() - 1).name()).isEqualTo("Renamed");
			assertThat(renamed).startsWith(yaml.stripTrailing());
		}
	}

	@Test
	void aNameNoScenarioHasIsRefused() throws IOException {
		assertThatExceptionOfType(ScenarioBlocks.NoSuchScenario.class)
			.isThrownBy(() -> ScenarioBlocks.replace(file(), "No such case", scenario("x", List.of())));
		// a name is matched whole, never as the start of another
		assertThatExceptionOfType(ScenarioBlocks.NoSuchScenario.class)
			.isThrownBy(() -> ScenarioBlocks.replace(file(), "En nyfødt", scenario("x", List.of())));
	}

}
