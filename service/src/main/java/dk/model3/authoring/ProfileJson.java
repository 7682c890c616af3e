package dk.model3.authoring;

import java.util.StringJoiner;

import dk.model3.facts.Problem;
import dk.model3.facts.Profile;

/**
 * A profile written as the request fields that make it, so a counterexample can be pasted
 * into a scenario's {@code given:} or sent to the API as it is.
 */
public final class ProfileJson {

	private ProfileJson() {
	}

	public static String of(Profile profile) {
		StringJoiner fields = new StringJoiner(", ", "{", "}");
		fields.add("\"age\": " + profile.age());
		fields.add("\"benefit\": \"" + profile.benefit() + "\"");
		fields.add("\"employmentPotential\": \"" + profile.employmentPotential() + "\"");
		StringJoiner problems = new StringJoiner(", ", "[", "]");
		for (Problem problem : profile.problems()) {
			problems.add("\"" + problem + "\"");
		}
		fields.add("\"problems\": " + problems);
		if (profile.brainInjuryCoordination()) {
			fields.add("\"brainInjuryCoordination\": true");
		}
		if (profile.measuresSentence()) {
			fields.add("\"measuresSentence\": true");
		}
		if (profile.placedOutOfHome()) {
			fields.add("\"placedOutOfHome\": true");
		}
		if (profile.serviceActMeasures()) {
			fields.add("\"serviceActMeasures\": true");
		}
		if (profile.departmentsInvolved() != null) {
			fields.add("\"departmentsInvolved\": " + profile.departmentsInvolved());
		}
		return fields.toString();
	}

}
