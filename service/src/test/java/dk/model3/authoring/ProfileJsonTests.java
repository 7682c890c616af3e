package dk.model3.authoring;

import java.util.EnumSet;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileJsonTests {

	@Test
	void writesTheRequestFieldsOnOneLineInContractOrder() {
		Profile profile = new Profile(45, Benefit.values()[0], EmploymentPotential.values()[0],
				EnumSet.of(Problem.values()[1], Problem.values()[0]), true, true, true, true, 3);

		assertThat(ProfileJson.of(profile)).isEqualTo("{\"age\": 45, \"benefit\": \"" + Benefit.values()[0]
				+ "\", \"employmentPotential\": \"" + EmploymentPotential.values()[0] + "\", \"problems\": [\""
				+ Problem.values()[0] + "\", \"" + Problem.values()[1] + "\"], \"brainInjuryCoordination\": true, "
				+ "\"measuresSentence\": true, \"placedOutOfHome\": true, \"serviceActMeasures\": true, "
				+ "\"departmentsInvolved\": 3}");
	}

	@Test
	void leavesOutWhatIsFalseOrAbsentAndKeepsAnEmptyProblemList() {
		Profile profile = new Profile(18, Benefit.values()[0], EmploymentPotential.values()[0], Set.of(), false, false,
				false, false, null);

		assertThat(ProfileJson.of(profile)).isEqualTo("{\"age\": 18, \"benefit\": \"" + Benefit.values()[0]
				+ "\", \"employmentPotential\": \"" + EmploymentPotential.values()[0] + "\", \"problems\": []}");
	}

}
