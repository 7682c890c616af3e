package dk.model3.decisions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.model3.audit.ReviewRecord;
import dk.model3.facts.Area;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A caseworker's review as sent: {@code {"result":"ACCEPTED"}}, or
 * {@code {"result":"OVERRIDDEN","status":…,"tier":…,"responsibleArea":…,"reason":…}} with
 * the contract's values and a reason code. {@link #read} checks every field at once and
 * names each one that is wrong.
 */
public record ReviewRequest(ReviewRecord.Result result, Status status, Tier tier, Area responsibleArea,
		ReviewReason reason) {

	private static final List<String> FIELDS = List.of("result", "status", "tier", "responsibleArea", "reason");

	private static final List<String> OVERRIDE_FIELDS = FIELDS.subList(1, FIELDS.size());

	/** Reads a JSON body. */
	public static ReviewRequest read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidRequest(List.of(new FieldError("", "must be a JSON object with the field result")));
		}
		List<FieldError> errors = new ArrayList<>();
		for (String name : body.propertyNames()) {
			if (!FIELDS.contains(name)) {
				errors.add(new FieldError("/" + RequestReader.maskCpr(name),
						"is not a field of a review; the fields are " + FIELDS));
			}
		}
		ReviewRecord.Result result = value(body, "result", ReviewRecord.Result.class, true, errors);
		Status status = null;
		Tier tier = null;
		Area area = null;
		ReviewReason reason = null;
		if (result == ReviewRecord.Result.ACCEPTED) {
			for (String name : OVERRIDE_FIELDS) {
				if (body.has(name) && !body.get(name).isNull()) {
					errors.add(new FieldError("/" + name,
							"is only for an OVERRIDDEN review; an ACCEPTED one takes the recommendation as it is"));
				}
			}
		}
		else if (result == ReviewRecord.Result.OVERRIDDEN) {
			status = value(body, "status", Status.class, true, errors);
			area = value(body, "responsibleArea", Area.class, true, errors);
			boolean placed = status == Status.PLACED;
			if (placed) {
				tier = value(body, "tier", Tier.class, true, errors);
			}
			else if (status != null && body.has("tier") && !body.get("tier").isNull()) {
				errors.add(new FieldError("/tier", "must be null or left out unless status is PLACED"));
			}
			reason = reason(body, errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequest(errors);
		}
		return new ReviewRequest(result, status, tier, area, reason);
	}

	/**
	 * Reads a submitted form whose review controls are named like the JSON body's fields;
	 * an empty control counts as left out, and the form's other controls (a CSRF token,
	 * say) are not the review's.
	 */
	public static ReviewRequest read(Map<String, String> form) {
		ObjectNode body = JsonMapper.builder().build().createObjectNode();
		for (String name : FIELDS) {
			String value = form.get(name);
			if (value != null && !value.isEmpty()) {
				body.put(name, value);
			}
		}
		return read(body);
	}

	private static ReviewReason reason(JsonNode body, List<FieldError> errors) {
		JsonNode node = body.get("reason");
		if (node == null || node.isNull()) {
			errors.add(new FieldError("/reason", "is required for an OVERRIDDEN review: one of the codes of "
					+ "GET /api/v1/review-reasons " + codes(ReviewReason.values())));
			return null;
		}
		ReviewReason reason = node.isString() ? ReviewReason.of(node.stringValue()) : null;
		if (reason == null) {
			errors.add(new FieldError("/reason", "must be one of " + codes(ReviewReason.values())));
		}
		return reason;
	}

	private static <E extends Enum<E>> E value(JsonNode body, String name, Class<E> type, boolean required,
			List<FieldError> errors) {
		JsonNode node = body.get(name);
		if (node == null || node.isNull()) {
			if (required) {
				errors.add(new FieldError("/" + name, "is required: one of " + codes(type.getEnumConstants())));
			}
			return null;
		}
		if (node.isString()) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(node.stringValue())) {
					return constant;
				}
			}
		}
		errors.add(new FieldError("/" + name, "must be one of " + codes(type.getEnumConstants())));
		return null;
	}

	private static String codes(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
	}

}
