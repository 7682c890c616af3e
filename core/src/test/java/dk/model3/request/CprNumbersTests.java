package dk.model3.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CprNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "0101901234", "010190-1234", "010190.1234", "010190_1234", "010190:1234", "010190--1234",
			"01-01-90-1234", "01 01 90 1234", "01/01/90/1234", "x3112991234y", "12345 2902001234", "0101901234-5",
			"010-190-12-34" })
	void findsTenDigitsThatBeginWithADayAndMonthWhateverSeparatesThem(String text) {
		assertThat(CprNumbers.contains(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "case-2024-0042", "3201901234", "0113901234", "3002001234", "123456789", "0101-90",
			"line 3, column 17", "", "case-20240115-0042", "01019012345", "count-1234567890123-5" })
	void passesNumbersThatCannotBeACprNumber(String text) {
		assertThat(CprNumbers.contains(text)).isFalse();
	}

	@Test
	void masksEachCprShapedRunWithItsSeparatorsAndLeavesTheRest() {
		assertThat(CprNumbers.mask("ref 010190.1234 and 01-01-90-1234, case-2024-0042 at line 3"))
			.isEqualTo("ref [masked] and [masked], case-2024-0042 at line 3");
	}

	@Test
	void masksWhatItRefuses() {
		String text = "field \"010190:1234\" is unknown";
		assertThat(CprNumbers.contains(text)).isTrue();
		assertThat(CprNumbers.mask(text)).doesNotContain("1234").contains("[masked]");
		assertThat(CprNumbers.contains(CprNumbers.mask(text))).isFalse();
	}

}
