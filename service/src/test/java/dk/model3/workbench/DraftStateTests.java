package dk.model3.workbench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DraftStateTests {

	@Test
	void countsEveryoneWhoCreatedEditedOrRequestedWithoutCase() {
		DraftState state = new DraftState("2023.02", "2023.01", DraftStatus.DRAFT, "policy", null, null, null,
				List.of())
			.then(DraftState.event("created", "policy", "sha256:a", null))
			.then(DraftState.event("edited", "Paula", "sha256:b", "flags.drl"))
			.then(DraftState.event("checked", "anne", "sha256:b", "passed"))
			.take(DraftStatus.Step.REQUEST, "Bo", null, null, DraftState.event("requested", "Bo", "sha256:b", null));

		assertThat(state.state()).isEqualTo(DraftStatus.REQUESTED);
		assertThat(state.involved()).containsExactlyInAnyOrder("policy", "paula", "bo");
		assertThat(state.involves("PAULA")).isTrue();
		assertThat(state.involves("paula")).isTrue();
		assertThat(state.involves("bo")).isTrue();
		assertThat(state.involves("Policy")).isTrue();
		// running the checks is no part in the draft's content
		assertThat(state.involves("anne")).isFalse();
	}

	@Test
	void allowsEachStepOnlyInTheStatesOfTheTable() {
		assertThat(DraftStatus.DRAFT.after(DraftStatus.Step.REQUEST, "x")).isEqualTo(DraftStatus.REQUESTED);
		assertThat(DraftStatus.REQUESTED.after(DraftStatus.Step.APPROVE, "x")).isEqualTo(DraftStatus.REQUESTED);
		assertThat(DraftStatus.REQUESTED.after(DraftStatus.Step.PUBLISH, "x")).isEqualTo(DraftStatus.PUBLISHED);
		assertThat(DraftStatus.REQUESTED.after(DraftStatus.Step.REJECT, "x")).isEqualTo(DraftStatus.REJECTED);
		assertThat(DraftStatus.PUBLISHED.allows(DraftStatus.Step.EDIT)).isFalse();
		assertThat(DraftStatus.PUBLISHED.allows(DraftStatus.Step.CHECK)).isFalse();
		assertThat(DraftStatus.REQUESTED.allows(DraftStatus.Step.EDIT)).isFalse();
		assertThat(DraftStatus.DRAFT.allows(DraftStatus.Step.APPROVE)).isFalse();
		assertThatExceptionOfType(DraftRefused.class)
			.isThrownBy(() -> DraftStatus.PUBLISHED.after(DraftStatus.Step.EDIT, "2023.02"))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo("not-a-draft"));
		assertThatExceptionOfType(DraftRefused.class)
			.isThrownBy(() -> DraftStatus.DRAFT.after(DraftStatus.Step.APPROVE, "2023.02"))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo("not-requested"));
	}

}
