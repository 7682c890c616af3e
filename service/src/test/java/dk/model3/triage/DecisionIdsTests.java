package dk.model3.triage;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionIdsTests {

	@Test
	void isAVersion7UuidThatCarriesItsMillisecond() {
		long millis = 1_796_000_000_123L;
		UUID id = UUID.fromString(DecisionIds.next(millis));
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
	}

	@Test
	void sortsAfterTheIdsOfEarlierMilliseconds() {
		// the order the records' index of decision ids is written in
		String earlier = DecisionIds.next(1_796_000_000_123L);
		String later = DecisionIds.next(1_796_000_000_124L);
		String muchLater = DecisionIds.next(4_102_444_800_000L);
		assertThat(earlier).isLessThan(later);
		assertThat(later).isLessThan(muchLater);
	}

	@Test
	void isUniqueWithinOneMillisecond() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(DecisionIds.next(1_796_000_000_123L));
		}
		assertThat(ids).hasSize(100_000);
	}

}
