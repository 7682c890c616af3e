package dk.model3.audit;

import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dk.model3.request.RequestReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CitizenRefHasherTests {

	private final CitizenRefHasher hasher = new CitizenRefHasher("a-key-of-enough-length-0123456789");

	@Test
	void givesTheSameHashForTheSameReferenceAndKey() {
		assertThat(this.hasher.hash("case-1"))
			.isEqualTo(new CitizenRefHasher("a-key-of-enough-length-0123456789").hash("case-1"));
		assertThat(this.hasher.hash("case-1")).isNotEqualTo(this.hasher.hash("case-2"));
	}

	@Test
	void givesAnotherHashUnderAnotherKey() {
		assertThat(new CitizenRefHasher("another-key-of-enough-length-0123456789").hash("case-1"))
			.isNotEqualTo(this.hasher.hash("case-1"));
	}

	@Test
	void writesAValidCaseReferenceThatNeverReadsAsACprNumber() {
		Pattern contractRef = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
		IntStream.range(0, 5000).mapToObj((i) -> this.hasher.hash("case-" + i)).forEach((hash) -> {
			assertThat(hash).hasSize(43).matches(contractRef);
			assertThat(RequestReader.looksLikeCpr(hash)).isFalse();
		});
	}

	@Test
	void refusesAShortKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CitizenRefHasher("short"));
		assertThatIllegalArgumentException().isThrownBy(() -> new CitizenRefHasher(null));
	}

}
