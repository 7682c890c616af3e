package dk.model3.pages;

import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page form's controls, as typed, written as the request's JSON fields, so the API's
 * own reader checks them: an empty control is left out, a whole number becomes a number
 * and anything else stays text for the reader to refuse; a ticked box sends {@code true},
 * an unticked one nothing. Every form that takes a citizen's facts (the intake form, the
 * workbench's scenario table) writes them here.
 */
public final class FormFields {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

	private FormFields() {
	}

	/** The citizen's facts, in the contract's order. */
	public static void facts(ObjectNode node, String age, String benefit, String employmentPotential,
			List<String> problems, String brainInjuryCoordination, String measuresSentence, String placedOutOfHome,
			String serviceActMeasures, String departmentsInvolved) {
		number(node, "age", age);
		text(node, "benefit", benefit);
		text(node, "employmentPotential", employmentPotential);
		if (problems != null && !problems.isEmpty()) {
			ArrayNode array = node.putArray("problems");
			problems.forEach(array::add);
		}
		bool(node, "brainInjuryCoordination", brainInjuryCoordination);
		bool(node, "measuresSentence", measuresSentence);
		bool(node, "placedOutOfHome", placedOutOfHome);
		bool(node, "serviceActMeasures", serviceActMeasures);
		number(node, "departmentsInvolved", departmentsInvolved);
	}

	public static void text(ObjectNode node, String name, String value) {
		if (!blank(value)) {
			node.put(name, value.strip());
		}
	}

	public static void number(ObjectNode node, String name, String value) {
		if (blank(value)) {
			return;
		}
		String stripped = value.strip();
		if (WHOLE_NUMBER.matcher(stripped).matches()) {
			node.put(name, Integer.parseInt(stripped));
		}
		else {
			node.put(name, stripped);
		}
	}

	// an unticked checkbox sends nothing; a ticked one sends "true" (a JSON call may send
	// false)
	public static void bool(ObjectNode node, String name, String value) {
		if (blank(value)) {
			return;
		}
		if ("true".equals(value.strip()) || "false".equals(value.strip())) {
			node.put(name, Boolean.parseBoolean(value.strip()));
		}
		else {
			node.put(name, value.strip());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
