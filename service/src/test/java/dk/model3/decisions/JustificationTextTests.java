package dk.model3.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.model3.audit.DecisionRecord;
import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.SourceRef;
import dk.model3.rules.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal text names a reading the sources leave open as the municipality's, adopted
 * in the version that decided, whichever way the rule text words it.
 */
class JustificationTextTests {

	private static final SourceRef SOURCE = new SourceRef("000_376bb355f2c46007.txt", "15-17 årige",
			"Helhedsorienteret og tværgående sagsbehandling og indsats – model 3", "Norddjurs Kommune", "2021-03-18");

	@Test
	void namesAnOpenReadingAsTheMunicipalitysAdoptedInTheVersion() {
		DecisionRecord decision = new DecisionRecord("decision", "d-1", Instant.parse("2024-03-01T09:00:00Z"), "h",
				LocalDate.parse("2024-03-01"), "2023.01", false, "sha256:abc", Map.of("age", 14),
				new DecisionRecord.Result(Status.OUT_OF_SCOPE, null, Area.CHILDREN_AND_FAMILY, List.of(), List.of()),
				List.of("D-01", "T0-01", "D-03"), "T0-01", List.of(), null);
		List<RuleMetadata> rules = List.of(
				rule("D-01", "Et barn under 15 er ikke i modellen (kommunens fortolkning).",
						"A child under 15 is not in the model (the municipality's reading)."),
				rule("T0-01", "To problemer er produktets læsning.", "Two problems is the product's reading."),
				rule("D-03", "Svag begavelse som lignende (kommunens fortolkning af udviklingshæmning eller lignende).",
						"Low cognitive ability as similar (the municipality's reading of developmental disability)."));

		String danish = JustificationText.write(decision, null, rules, "da");
		String english = JustificationText.write(decision, null, rules, "en");

		assertThat(danish)
			.contains("(kommunens fortolkning, vedtaget i regelversion 2023.01).",
					"To problemer er kommunens fortolkning, vedtaget i regelversion 2023.01.",
					"(kommunens fortolkning af udviklingshæmning eller lignende, vedtaget i regelversion 2023.01)",
					"- Alder: 14 år",
					"Kilde: »Helhedsorienteret og tværgående sagsbehandling og indsats – model 3«, "
							+ "Norddjurs Kommune, 18.03.2021, afsnit »15-17 årige«.")
			.doesNotContain("produktets læsning");
		assertThat(english).contains("(the municipality's reading, adopted in rule version 2023.01).",
				"the municipality's interpretation, adopted in rule version 2023.01.", "- Age: 14 years");
	}

	// domain: the text says an assessment is needed, not that an answer is missing when
	// the caseworker answered "no"
	@Test
	void callsNoAnsweredYesOrNoMissingButAnUnknownFactMissing() {
		List<RuleMetadata> rules = List
			.of(rule("TY-02", "Borgeren skal vurderes.", "The citizen needs an assessment."));
		DecisionRecord youth = new DecisionRecord("decision", "d-3", Instant.parse("2024-03-01T09:00:00Z"), "h",
				LocalDate.parse("2024-03-01"), "2023.01", false, "sha256:abc",
				Map.of("age", 16, "serviceActMeasures", false), new DecisionRecord.Result(Status.MANUAL_REVIEW, null,
						Area.CHILDREN_AND_FAMILY, List.of(), List.of("serviceActMeasures")),
				List.of("TY-02"), "TY-02", List.of(), null);
		DecisionRecord adult = new DecisionRecord("decision", "d-4", Instant.parse("2024-03-01T09:00:00Z"), "h",
				LocalDate.parse("2024-03-01"), "2023.01", false, "sha256:abc",
				Map.of("age", 40, "employmentPotential", "UNKNOWN"), new DecisionRecord.Result(Status.MANUAL_REVIEW,
						null, Area.EMPLOYMENT, List.of(), List.of("employmentPotential")),
				List.of("TY-02"), "TY-02", List.of(), null);

		assertThat(JustificationText.write(youth, null, rules, "da")).doesNotContain("mangler")
			.contains("Modtager foranstaltninger efter serviceloven: nej");
		assertThat(JustificationText.write(youth, null, rules, "en")).doesNotContain("missing");
		assertThat(JustificationText.write(adult, null, rules, "da"))
			.contains("Oplysninger, der mangler for at afgøre sagen: beskæftigelsespotentiale.");
	}

	@Test
	void namesTheStatuteOfARuleWhereASourceNamesOneAndNoneElsewhere() {
		DecisionRecord decision = new DecisionRecord("decision", "d-2", Instant.parse("2024-03-01T09:00:00Z"), "h",
				LocalDate.parse("2024-03-01"), "2023.01", false, "sha256:abc", Map.of("age", 16),
				new DecisionRecord.Result(Status.OUT_OF_SCOPE, null, Area.CHILDREN_AND_FAMILY, List.of(), List.of()),
				List.of("D-02", "TY-01"), "TY-01", List.of(), null);
		SourceRef withStatute = new SourceRef(SOURCE.document(), SOURCE.section(), SOURCE.title(), SOURCE.issuer(),
				SOURCE.date(), "Serviceloven");
		List<RuleMetadata> rules = List.of(rule("D-02", "Borgeren er 15-17 år.", "The citizen is 15 to 17."),
				new RuleMetadata("TY-01", "TY-01 a rule",
						new Text("Sagen forbliver på socialområdet.", "The case stays in the social area."),
						withStatute, null, "tiers.drl", List.of()));

		String danish = JustificationText.write(decision, null, rules, "da");
		String english = JustificationText.write(decision, null, rules, "en");

		assertThat(danish.lines().filter((line) -> line.startsWith("- Sagen forbliver"))).singleElement()
			.asString()
			.endsWith("afsnit »15-17 årige«. Lov: Serviceloven.");
		assertThat(danish.lines().filter((line) -> line.startsWith("- Borgeren er 15-17 år."))).singleElement()
			.asString()
			.endsWith("afsnit »15-17 årige«.")
			.doesNotContain("Lov:");
		assertThat(english).contains("section “15-17 årige”. Statute: Serviceloven.");
		assertThat(english.lines().filter((line) -> line.contains("Statute:"))).hasSize(1);
	}

	private static RuleMetadata rule(String id, String da, String en) {
		return new RuleMetadata(id, id + " a rule", new Text(da, en), SOURCE, null, "derived.drl", List.of());
	}

}
