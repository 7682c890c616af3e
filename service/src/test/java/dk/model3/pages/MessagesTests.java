package dk.model3.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' own texts in two languages, key for key; the contract's values and fields,
 * which the pages show too, are named in core ({@code ContractWordsTests}).
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

	@Test
	void hasTheSameKeysInBothLanguages() throws IOException {
		assertThat(bundle("en").stringPropertyNames()).isEqualTo(bundle("da").stringPropertyNames());
	}

}
