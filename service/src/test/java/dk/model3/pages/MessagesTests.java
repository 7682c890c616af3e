package dk.model3.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' two languages: every value a page can show has a text in Danish and in
 * English, so a new flag or benefit only needs its text here.
 */
class MessagesTests {

	static Properties bundle(String language) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/messages_" + language + ".properties")) {
			assertThat(in).as("messages_%s.properties", language).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@ParameterizedTest
	@ValueSource(strings = { "da", "en" })
	void explainsEveryFlagInPlainWords(String language) throws IOException {
		Properties texts = bundle(language);
		for (Flag flag : Flag.values()) {
			assertThat(texts.getProperty("flag." + flag.name())).as("%s name of %s", language, flag).isNotBlank();
			assertThat(texts.getProperty("flag." + flag.name() + ".meaning")).as("%s meaning of %s", language, flag)
				.isNotBlank()
				.hasSizeGreaterThan(40)
				.doesNotContain(flag.name());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "da", "en" })
	void namesEveryValueAndFieldOfTheContract(String language) throws IOException {
		Properties texts = bundle(language);
		Stream
			.of(Status.values(), Tier.values(), Area.values(), Benefit.values(), EmploymentPotential.values(),
					Problem.values())
			.flatMap(Stream::of)
			.map((value) -> prefix(value) + "." + value.name())
			.forEach((key) -> assertThat(texts.getProperty(key)).as("%s %s", language, key).isNotBlank());
		for (String field : RequestReader.FIELDS) {
			assertThat(texts.getProperty("field." + field + ".label")).as("%s label of %s", language, field)
				.isNotBlank();
			assertThat(texts.getProperty("field." + field + ".hint")).as("%s hint of %s", language, field).isNotBlank();
		}
	}

	@Test
	void hasTheSameKeysInBothLanguages() throws IOException {
		assertThat(bundle("en").stringPropertyNames()).isEqualTo(bundle("da").stringPropertyNames());
	}

	private static String prefix(Enum<?> value) {
		String simple = value.getClass().getSimpleName();
		return switch (simple) {
			case "Area" -> "area";
			case "EmploymentPotential" -> "employmentPotential";
			default -> Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
		};
	}

}
