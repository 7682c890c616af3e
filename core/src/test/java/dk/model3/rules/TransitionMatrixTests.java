package dk.model3.rules;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionMatrixTests {

	@Test
	void partsCountedApartAddUpToTheWholeInLabelOrder() {
		TransitionMatrix first = new TransitionMatrix();
		first.add("PLACED CROSS_SECTOR", "MANUAL_REVIEW", 1);
		first.add("MANUAL_REVIEW", "MANUAL_REVIEW", 2);
		TransitionMatrix second = new TransitionMatrix();
		second.add("PLACED CROSS_SECTOR", "MANUAL_REVIEW", 3);
		second.add("PLACED CROSS_SECTOR", "OUT_OF_SCOPE", 1);

		first.merge(second);

		assertThat(first.counts()).isEqualTo(Map.of("MANUAL_REVIEW", Map.of("MANUAL_REVIEW", 2L), "PLACED CROSS_SECTOR",
				Map.of("MANUAL_REVIEW", 4L, "OUT_OF_SCOPE", 1L)));
		assertThat(List.copyOf(first.counts().keySet())).containsExactly("MANUAL_REVIEW", "PLACED CROSS_SECTOR");
		assertThat(List.copyOf(first.counts().get("PLACED CROSS_SECTOR").keySet())).containsExactly("MANUAL_REVIEW",
				"OUT_OF_SCOPE");
	}

}
