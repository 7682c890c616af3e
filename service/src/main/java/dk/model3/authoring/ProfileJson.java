package dk.model3.authoring;

import java.util.LinkedHashMap;
import java.util.Map;

import dk.model3.facts.Profile;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A profile written as the request fields that make it, on one line with a space after
 * each colon and comma, so a counterexample can be pasted into a scenario's
 * {@code given:} or sent to the API as it is. Fields that are false or absent are left
 * out.
 */
public final class ProfileJson {

	private static final ObjectWriter ONE_LINE = JsonMapper.shared()
		.writer()
		.with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Spacing.AFTER)
			.withObjectEntrySpacing(Spacing.AFTER)
			.withArrayElementSpacing(Spacing.AFTER)
			.withArrayEmptySeparator("")
			.withObjectEmptySeparator("")).withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance())
			.withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance()));

	private ProfileJson() {
	}

	public static String of(Profile profile) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("age", profile.age());
		fields.put("benefit", profile.benefit());
		fields.put("employmentPotential", profile.employmentPotential());
		fields.put("problems", profile.problems());
		putTrue(fields, "brainInjuryCoordination", profile.brainInjuryCoordination());
		putTrue(fields, "measuresSentence", profile.measuresSentence());
		putTrue(fields, "placedOutOfHome", profile.placedOutOfHome());
		putTrue(fields, "serviceActMeasures", profile.serviceActMeasures());
		if (profile.departmentsInvolved() != null) {
			fields.put("departmentsInvolved", profile.departmentsInvolved());
		}
		return ONE_LINE.writeValueAsString(fields);
	}

	private static void putTrue(Map<String, Object> fields, String name, boolean value) {
		if (value) {
			fields.put(name, true);
		}
	}

}
