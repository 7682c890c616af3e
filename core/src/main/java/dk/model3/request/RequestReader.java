package dk.model3.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

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

	/**
	 * The yes/no facts: one left out is read as "no", so the citizen always has an answer
	 * to each of them, and none is ever missing.
	 */
	public static final Set<String> YES_NO_FIELDS = Set.of("brainInjuryCoordination", "measuresSentence",
			"placedOutOfHome", "serviceActMeasures");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The assessment dates the service takes: wide enough for any real case. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);

	private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,32}");

	private RequestReader() {
	}

	/**
	 * Of the facts a decision names as deciding it, those a caseworker can be said not to
	 * have answered: never a yes/no, which always has an answer.
	 */
	public static List<String> notAnswered(List<String> decidingFacts) {
		return decidingFacts.stream().filter((field) -> !YES_NO_FIELDS.contains(field)).toList();
	}

	/** Reads a request already parsed into a tree (a CSV row, the intake form). */
	public static TriageRequest read(JsonNode node) {
		if (!node.isObject()) {
			throw notAnObject();
		}
		if (node.size() > FIELDS.size()) {
			// refused before any field is looked at: the contract has no more fields than
			// this
			throw tooManyFields(node.size());
		}
		Fields fields = new Fields();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			fields.put(entry.getKey(), entry.getValue());
		}
		return fields.request();
	}

	/**
	 * Reads a request from a parser of one whole JSON document, field by field, without
	 * building its tree: what an API body and every line of a batch take. The checks and
	 * messages are those of {@link #read(JsonNode)}; the parser's own errors (malformed
	 * JSON, a key given twice when the parser detects duplicates) and content after the
	 * object are thrown as the parser's exceptions, with where they are.
	 */
	public static TriageRequest read(JsonParser parser) {
		JsonToken root = parser.nextToken();
		if (root != JsonToken.START_OBJECT) {
			parser.skipChildren();
			endOfDocument(parser);
			throw notAnObject();
		}
		Fields fields = new Fields();
		int count = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			count++;
			fields.put(name, value(parser, parser.nextToken()));
		}
		endOfDocument(parser);
		if (count > FIELDS.size()) {
			throw tooManyFields(count);
		}
		return fields.request();
	}

	// a value as the tree would hold it: a scalar as its node, an array (the problems)
	// item by item, an object (never a valid value) as a tree; the parser limits how
	// deep arrays nest
	private static JsonNode value(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> NODES.stringNode(parser.getString());
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> NODES.numberNode(parser.getIntValue());
				case LONG -> NODES.numberNode(parser.getLongValue());
				default -> NODES.numberNode(parser.getBigIntegerValue());
			};
			case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
			case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
			case VALUE_NULL -> NODES.nullNode();
			case START_ARRAY -> array(parser);
			default -> parser.readValueAsTree();
		};
	}

	private static ArrayNode array(JsonParser parser) {
		ArrayNode items = NODES.arrayNode();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			items.add(value(parser, token));
		}
		return items;
	}

	private static void endOfDocument(JsonParser parser) {
		JsonToken after = parser.nextToken();
		if (after != null) {
			throw new StreamReadException(parser, "Trailing token (of type " + after + ") found after the value",
					parser.currentTokenLocation());
		}
	}

	private static InvalidRequest notAnObject() {
		return new InvalidRequest(List.of(new FieldError("", "must be a JSON object with the triage fields")));
	}

	private static InvalidRequest tooManyFields(int count) {
		return new InvalidRequest(List.of(new FieldError("",
				"has " + count + " fields; the contract has " + FIELDS.size() + ": " + String.join(", ", FIELDS))));
	}

	// a field's place in FIELDS, or -1: looked up for every field of every line of a
	// batch
	static int indexOf(String name) {
		return switch (name) {
			case "citizenRef" -> 0;
			case "age" -> 1;
			case "assessmentDate" -> 2;
			case "rulesVersion" -> 3;
			case "benefit" -> 4;
			case "employmentPotential" -> 5;
			case "problems" -> 6;
			case "brainInjuryCoordination" -> 7;
			case "measuresSentence" -> 8;
			case "placedOutOfHome" -> 9;
			case "serviceActMeasures" -> 10;
			case "departmentsInvolved" -> 11;
			default -> -1;
		};
	}

	// 1-64 characters of A-Z a-z 0-9 . _ : - (a loop: a regular expression cost a tenth
	// of reading a batch line)
	private static boolean isReference(String ref) {
		if (ref.isEmpty() || ref.length() > 64) {
			return false;
		}
		for (int i = 0; i < ref.length(); i++) {
			char c = ref.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	// every line of a batch has its date: plain YYYY-MM-DD is read directly, anything
	// else
	// (and any impossible date) by the ISO parser, which says what is wrong
	static LocalDate isoDate(String text) {
		if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			if (year >= 0 && month >= 0 && day >= 0) {
				try {
					return LocalDate.of(year, month, day);
				}
				catch (java.time.DateTimeException ex) {
					// the parser below reports it
				}
			}
		}
		return LocalDate.parse(text);
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static final class Fields {

		// the value of each contract field, at its place in FIELDS
		private final JsonNode[] values = new JsonNode[FIELDS.size()];

		private final List<FieldError> errors = new ArrayList<>();

		private int omitted;

		// fields whose allowed values an earlier error already listed
		private final Set<String> valuesListed = new HashSet<>();

		/** A field as given: an unknown one is an error, in the order given. */
		void put(String name, JsonNode value) {
			int at = indexOf(name);
			if (at < 0) {
				error("/" + CprNumbers.mask(name), "unknown field; allowed fields are " + String.join(", ", FIELDS));
			}
			else {
				this.values[at] = value;
			}
		}

		TriageRequest request() {
			String citizenRef = citizenRef();
			Integer age = integer("age", true, 0, 125);
			LocalDate assessmentDate = date("assessmentDate");
			String rulesVersion = version("rulesVersion");
			Benefit benefit = enumValue("benefit", Benefit.class, true);
			EmploymentPotential potential = enumValue("employmentPotential", EmploymentPotential.class, false);
			Set<Problem> problems = problems();
			boolean brainInjury = bool("brainInjuryCoordination");
			boolean measuresSentence = bool("measuresSentence");
			boolean placedOutOfHome = bool("placedOutOfHome");
			boolean serviceActMeasures = bool("serviceActMeasures");
			Integer departments = integer("departmentsInvolved", false, 0, 20);
			if (!this.errors.isEmpty()) {
				throw new InvalidRequest(this.errors, this.omitted);
			}
			return new TriageRequest(citizenRef, age, assessmentDate, rulesVersion, benefit,
					(potential != null) ? potential : EmploymentPotential.UNKNOWN, problems, brainInjury,
					measuresSentence, placedOutOfHome, serviceActMeasures, departments);
		}

		void error(String field, String message) {
			if (this.errors.size() < InvalidRequest.MAX_ERRORS) {
				this.errors.add(new FieldError(field, message));
			}
			else {
				this.omitted++;
			}
		}

		/**
		 * The allowed values the first time a field is refused, a pointer to them after.
		 */
		private String oneOf(String field, String pointer, Class<? extends Enum<?>> type) {
			if (this.valuesListed.add(field)) {
				return "must be one of " + names(type);
			}
			return "must be one of the values listed at " + pointer;
		}

		/** The value, or null when absent or JSON null. */
		private JsonNode value(String name) {
			JsonNode value = this.values[indexOf(name)];
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
			if (CprNumbers.contains(ref)) {
				error("/citizenRef",
						"looks like a CPR number; send an opaque case reference, never a personal identifier");
				return null;
			}
			if (!isReference(ref)) {
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
					LocalDate date = isoDate(value.stringValue());
					if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
						error("/" + name, "must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE);
						return null;
					}
					return date;
				}
				catch (DateTimeParseException ex) {
					// reported below
				}
			}
			error("/" + name, "must be an ISO date from " + EARLIEST_DATE + " to " + LATEST_DATE + ", e.g. 2024-03-01");
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
				error("/" + name, oneOf(name, "/" + name, type));
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
			int known = Problem.values().length;
			if (value.size() > known) {
				// more items than there are problems cannot be valid: refused without
				// reading
				// each
				error("/problems", "has " + value.size() + " items; there are " + known
						+ " problems and each may appear once: " + names(Problem.class));
				return problems;
			}
			String firstRefused = null;
			for (int i = 0; i < value.size(); i++) {
				Problem problem = parseEnum(value.get(i), Problem.class);
				if (problem == null) {
					firstRefused = (firstRefused != null) ? firstRefused : "/problems/" + i;
					error("/problems/" + i, oneOf("problems", firstRefused, Problem.class));
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
