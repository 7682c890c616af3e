package dk.model3.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Turns a parsed JSON object into a {@link TriageRequest}, or refuses it with every
 * offending field. Written by hand rather than with bean validation so that one pass
 * reports all errors, unknown fields included, with messages that name what is allowed.
 */
public final class RequestReader {

	/** The request fields of the contract, in contract order. */
	public static final List<String> FIELDS = List.of("citizenRef", "age", "assessmentDate", "rulesVersion", "benefit",
			"employmentPotential", "problems", "brainInjuryCoordination", "measuresSentence", "placedOutOfHome",
			"serviceActMeasures", "departmentsInvolved");

	private static final Pattern REF = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	// ten digits, or six, a dash and four, not part of a longer run of digits
	private static final Pattern CPR = Pattern.compile("(?<!\\d)\\d{6}-?\\d{4}(?!\\d)");

	private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,32}");

	private RequestReader() {
	}

	public static TriageRequest read(JsonNode node) {
		Fields fields = new Fields(node);
		if (!node.isObject()) {
			throw new InvalidRequest(List.of(new FieldError("", "must be a JSON object with the triage fields")));
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!FIELDS.contains(entry.getKey())) {
				fields.error("/" + maskCpr(entry.getKey()),
						"unknown field; allowed fields are " + String.join(", ", FIELDS));
			}
		}
		String citizenRef = fields.citizenRef();
		Integer age = fields.integer("age", true, 0, 125);
		LocalDate assessmentDate = fields.date("assessmentDate");
		String rulesVersion = fields.version("rulesVersion");
		Benefit benefit = fields.enumValue("benefit", Benefit.class, true);
		EmploymentPotential potential = fields.enumValue("employmentPotential", EmploymentPotential.class, false);
		Set<Problem> problems = fields.problems();
		boolean brainInjury = fields.bool("brainInjuryCoordination");
		boolean measuresSentence = fields.bool("measuresSentence");
		boolean placedOutOfHome = fields.bool("placedOutOfHome");
		boolean serviceActMeasures = fields.bool("serviceActMeasures");
		Integer departments = fields.integer("departmentsInvolved", false, 0, 20);
		if (!fields.errors.isEmpty()) {
			throw new InvalidRequest(fields.errors);
		}
		return new TriageRequest(citizenRef, age, assessmentDate, rulesVersion, benefit,
				(potential != null) ? potential : EmploymentPotential.UNKNOWN, problems, brainInjury, measuresSentence,
				placedOutOfHome, serviceActMeasures, departments);
	}

	/** True when the text holds something shaped like a CPR number. */
	public static boolean looksLikeCpr(String text) {
		return CPR.matcher(text).find();
	}

	/**
	 * The text with every CPR-shaped number replaced, for anything that repeats a
	 * caller's input back: a field name, a parser's message.
	 */
	public static String maskCpr(String text) {
		return (text != null) ? CPR.matcher(text).replaceAll("[masked]") : null;
	}

	private static final class Fields {

		private final JsonNode node;

		private final List<FieldError> errors = new ArrayList<>();

		Fields(JsonNode node) {
			this.node = node;
		}

		void error(String field, String message) {
			this.errors.add(new FieldError(field, message));
		}

		/** The value, or null when absent or JSON null. */
		private JsonNode value(String name) {
			JsonNode value = this.node.get(name);
			return (value == null || value.isNull()) ? null : value;
		}

		private void missing(String name) {
			error("/" + name, "is required");
		}

		String citizenRef() {
			JsonNode value = value("citizenRef");
			if (value == null) {
				missing("citizenRef");
				return null;
			}
			if (!value.isString()) {
				error("/citizenRef", "must be a string of 1-64 characters A-Z a-z 0-9 . _ : -");
				return null;
			}
			String ref = value.stringValue();
			if (looksLikeCpr(ref)) {
				error("/citizenRef",
						"looks like a CPR number; send an opaque case reference, never a personal identifier");
				return null;
			}
			if (!REF.matcher(ref).matches()) {
				error("/citizenRef", "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
				return null;
			}
			return ref;
		}

		Integer integer(String name, boolean required, int min, int max) {
			JsonNode value = value(name);
			if (value == null) {
				if (required) {
					missing(name);
				}
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
					|| value.intValue() > max) {
				error("/" + name, "must be a whole number from " + min + " to " + max);
				return null;
			}
			return value.intValue();
		}

		LocalDate date(String name) {
			JsonNode value = value(name);
			if (value == null) {
				return null;
			}
			if (value.isString()) {
				try {
					return LocalDate.parse(value.stringValue());
				}
				catch (DateTimeParseException ex) {
					// reported below
				}
			}
			error("/" + name, "must be an ISO date, e.g. 2024-03-01");
			return null;
		}

		String version(String name) {
			JsonNode value = value(name);
			if (value == null) {
				return null;
			}
			if (!value.isString() || !VERSION.matcher(value.stringValue()).matches()) {
				error("/" + name, "must be a rule version id such as \"2021.03\"");
				return null;
			}
			return value.stringValue();
		}

		<E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
			JsonNode value = value(name);
			if (value == null) {
				if (required) {
					missing(name);
				}
				return null;
			}
			E parsed = parseEnum(value, type);
			if (parsed == null) {
				error("/" + name, "must be one of " + names(type));
			}
			return parsed;
		}

		Set<Problem> problems() {
			JsonNode value = value("problems");
			Set<Problem> problems = EnumSet.noneOf(Problem.class);
			if (value == null) {
				return problems;
			}
			if (!value.isArray()) {
				error("/problems", "must be an array of " + names(Problem.class));
				return problems;
			}
			for (int i = 0; i < value.size(); i++) {
				Problem problem = parseEnum(value.get(i), Problem.class);
				if (problem == null) {
					error("/problems/" + i, "must be one of " + names(Problem.class));
				}
				else if (!problems.add(problem)) {
					error("/problems/" + i, "repeats " + problem + "; each problem may appear once");
				}
			}
			return problems;
		}

		boolean bool(String name) {
			JsonNode value = value(name);
			if (value == null) {
				return false;
			}
			if (!value.isBoolean()) {
				error("/" + name, "must be true or false");
				return false;
			}
			return value.booleanValue();
		}

		private static <E extends Enum<E>> E parseEnum(JsonNode value, Class<E> type) {
			if (!value.isString()) {
				return null;
			}
			try {
				return Enum.valueOf(type, value.stringValue());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static String names(Class<? extends Enum<?>> type) {
			return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		}

	}

}
