package dk.model3.response;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dk.model3.facts.Area;
import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Flag;
import dk.model3.facts.Problem;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.request.RequestReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractWordsTests {

	private static final Map<String, Class<? extends Enum<?>>> VALUES = Map.of("benefit", Benefit.class,
			"employmentPotential", EmploymentPotential.class, "problem", Problem.class, "status", Status.class, "tier",
			Tier.class, "area", Area.class, "flag", Flag.class);

	@Test
	void everyValueOfTheContractHasWordsInDanishAndEnglish() {
		for (String lang : List.of("da", "en")) {
			VALUES.forEach((prefix, values) -> Arrays.stream(values.getEnumConstants())
				.forEach((value) -> assertThat(ContractWords.word(prefix + "." + value.name(), lang, ""))
					.as("%s.%s in %s", prefix, value.name(), lang)
					.isNotBlank()));
			Stream.of(Flag.values())
				.forEach((flag) -> assertThat(ContractWords.word("flag." + flag.name() + ".meaning", lang, ""))
					.as("the meaning of %s in %s", flag, lang)
					.hasSizeGreaterThan(40)
					.doesNotContain(flag.name()));
		}
	}

	@Test
	void everyFieldOfTheRequestHasALabelAndAHintInDanishAndEnglish() {
		for (String lang : List.of("da", "en")) {
			for (String field : RequestReader.FIELDS) {
				assertThat(ContractWords.word("field." + field + ".label", lang, ""))
					.as("label of %s in %s", field, lang)
					.isNotBlank();
				assertThat(ContractWords.word("field." + field + ".hint", lang, "")).as("hint of %s in %s", field, lang)
					.isNotBlank();
			}
		}
	}

	@Test
	void bothLanguagesNameTheSameThings() {
		assertThat(Collections.list(ContractWords.in("en").getKeys()))
			.containsExactlyInAnyOrderElementsOf(Collections.list(ContractWords.in("da").getKeys()));
	}

	@Test
	void aTierIsNamedInDanishUnlessEnglishIsAskedFor() {
		assertThat(ContractWords.word("tier.CROSS_SECTOR", "da", "")).isEqualTo("Lag 2: tværgående samarbejde");
		assertThat(ContractWords.word("tier.CROSS_SECTOR", "en", "")).isEqualTo("Tier 2: cross-sector");
		assertThat(ContractWords.word("tier.CROSS_SECTOR", "fr", "")).isEqualTo("Lag 2: tværgående samarbejde");
		assertThat(ContractWords.word("tier.UNKNOWN", "da", "UNKNOWN")).isEqualTo("UNKNOWN");
	}

}
