package dk.model3.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.Decision;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.response.TriageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * One example request per outcome, and the response the loaded rules give it. The
 * responses are computed, not written by hand, so the documentation cannot drift from the
 * rules.
 */
final class OutcomeExamples {

	record Example(String name, String summary, Map<String, Object> request, Map<String, Object> response) {

	}

	private static final List<Map<String, Object>> REQUESTS = List.of(
			request("placed", "PLACED: very complex problems with employment potential", "case-2024-0001", 34,
					"CASH_BENEFIT", "PRESENT", List.of("HOMELESSNESS", "SEVERE_SUBSTANCE_ABUSE")),
			request("out-of-scope", "OUT_OF_SCOPE: a child under 15 is outside the model", "case-2024-0002", 12, "NONE",
					"UNKNOWN", List.of("ANXIETY")),
			request("manual-review", "MANUAL_REVIEW: employment potential unknown where it decides", "case-2024-0003",
					41, "SICKNESS_BENEFIT", "UNKNOWN", List.of("MENTAL_HEALTH_PROBLEMS", "SUBSTANCE_ABUSE")));

	private OutcomeExamples() {
	}

	static List<Example> of(RuleVersions versions) {
		JsonMapper mapper = JsonMapper.builder().build();
		return REQUESTS.stream().map((example) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> body = (Map<String, Object>) example.get("body");
			TriageRequest request = RequestReader.read(mapper.valueToTree(body));
			Decision decision = versions.resolve(request.rulesVersion(), request.assessmentDate())
				.evaluate(request.profile());
			TriageResponse response = TriageResponse.of(request.citizenRef(), request.assessmentDate(), decision);
			@SuppressWarnings("unchecked")
			Map<String, Object> responseMap = mapper.convertValue(response, Map.class);
			return new Example((String) example.get("name"), (String) example.get("summary"), body, responseMap);
		}).toList();
	}

	private static Map<String, Object> request(String name, String summary, String ref, int age, String benefit,
			String potential, List<String> problems) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("citizenRef", ref);
		body.put("age", age);
		body.put("assessmentDate", "2024-03-01");
		body.put("benefit", benefit);
		body.put("employmentPotential", potential);
		body.put("problems", problems);
		return Map.of("name", name, "summary", summary, "body", body);
	}

}
