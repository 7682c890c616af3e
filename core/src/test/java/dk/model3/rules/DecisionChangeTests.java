package dk.model3.rules;

import java.util.Set;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionChangeTests {

	private static final DecisionChange.Result CROSS_SECTOR = new DecisionChange.Result(Status.PLACED,
			Tier.CROSS_SECTOR, Area.EMPLOYMENT, Set.of(Flag.JOINT_PLAN_OFFER));

	@Test
	void findsNothingBetweenEqualResults() {
		assertThat(DecisionChange.between(CROSS_SECTOR, CROSS_SECTOR).any()).isFalse();
	}

	@Test
	void countsAMovedResponsibleAreaAsAChangedOutcome() {
		DecisionChange change = DecisionChange.between(CROSS_SECTOR, new DecisionChange.Result(Status.PLACED,
				Tier.CROSS_SECTOR, Area.SOCIAL, Set.of(Flag.JOINT_PLAN_OFFER)));
		assertThat(change.responsibleArea()).isTrue();
		assertThat(change.status()).isFalse();
		assertThat(change.tier()).isFalse();
		assertThat(change.outcome()).isTrue();
		assertThat(change.any()).isTrue();
	}

	@Test
	void listsTheFlagsGainedAndLostInContractOrder() {
		DecisionChange change = DecisionChange.between(CROSS_SECTOR, new DecisionChange.Result(Status.PLACED,
				Tier.CROSS_SECTOR, Area.EMPLOYMENT, Set.of(Flag.MEASURES_SENTENCE, Flag.BRAIN_INJURY_EXCLUSION)));
		assertThat(change.outcome()).isFalse();
		assertThat(change.flagsGained()).containsExactly(Flag.BRAIN_INJURY_EXCLUSION, Flag.MEASURES_SENTENCE);
		assertThat(change.flagsLost()).containsExactly(Flag.JOINT_PLAN_OFFER);
	}

	@Test
	void countsAGapOnEitherSideAsAChangedStatus() {
		DecisionChange.Result gap = new DecisionChange.Result(null, null, null, Set.of());
		assertThat(DecisionChange.between(gap, gap).status()).isTrue();
		assertThat(DecisionChange.between(CROSS_SECTOR, gap).tier()).isTrue();
	}

}
