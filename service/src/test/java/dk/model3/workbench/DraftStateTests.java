package dk.model3.workbench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftStateTests {

	@Test
	void countsEveryoneWhoCreatedEditedOrRequestedWithoutCase() {
		DraftState state = new DraftState("2023.02", "2023.01", DraftState.DRAFT, "policy", null, null, null, List.of())
			.then(DraftState.event("created", "policy", "sha256:a", null))
			.then(DraftState.event("edited", "Paula", "sha256:b", "flags.drl"))
			.then(DraftState.event("checked", "anne", "sha256:b", "passed"))
			.with(DraftState.REQUESTED, "Bo", null, null, DraftState.event("requested", "Bo", "sha256:b", null));

		assertThat(state.involved()).containsExactlyInAnyOrder("policy", "paula", "bo");
		assertThat(state.involves("PAULA")).isTrue();
		assertThat(state.involves("paula")).isTrue();
		assertThat(state.involves("bo")).isTrue();
		assertThat(state.involves("Policy")).isTrue();
		// running the checks is no part in the draft's content
		assertThat(state.involves("anne")).isFalse();
	}

}
