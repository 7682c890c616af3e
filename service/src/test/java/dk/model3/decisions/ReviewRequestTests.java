package dk.model3.decisions;

import java.util.Map;

import dk.model3.audit.ReviewRecord;
import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReviewRequestTests {

	@Test
	void readsAFormOverrideIgnoringTheFormsOtherControlsAndAnEmptyTier() {
		ReviewRequest review = ReviewRequest.read(Map.of("_csrf", "token", "result", "OVERRIDDEN", "status",
				"OUT_OF_SCOPE", "tier", "", "responsibleArea", "SOCIAL", "reason", "CIRCUMSTANCES_CHANGED"));
		assertThat(review).isEqualTo(new ReviewRequest(ReviewRecord.Result.OVERRIDDEN, Status.OUT_OF_SCOPE, null,
				Area.SOCIAL, ReviewReason.CIRCUMSTANCES_CHANGED));
	}

	@Test
	void namesEveryMissingFieldOfAFormOverride() {
		InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
				() -> ReviewRequest.read(Map.of("result", "OVERRIDDEN", "status", "PLACED")));
		assertThat(refused.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("/responsibleArea", "/tier", "/reason");
	}

}
