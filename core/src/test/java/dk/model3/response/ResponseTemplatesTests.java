package dk.model3.response;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import dk.model3.facts.Profile;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.GoldenAnswers;
import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.SharedDecision;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates write Jackson's bytes: for profiles drawn from the whole input space,
 * under every shipped version, each way of writing (with a decision id as the API does,
 * without as evaluations do, and prepared as the batch keeps decisions, from the decision
 * or from its class) gives exactly what the mapper writes for the same
 * {@link TriageResponse}.
 */
class ResponseTemplatesTests {

	private final JsonMapper mapper = ResponseJson.mapper();

	@Test
	void writesTheMappersBytesForEveryKindOfAnswer() {
		List<Profile> profiles = GoldenAnswers.sample(7L, 3_000);
		for (RuleVersionFiles files : RepoRules.versions()) {
			CompiledRules rules = RepoRules.compiled(files.folder());
			ResponseTemplates templates = new ResponseTemplates(this.mapper);
			int i = 0;
			for (Profile profile : profiles) {
				Decision decision = rules.evaluate(profile);
				String ref = "case-" + i;
				String id = "5f0c2a9e-0000-4000-8000-" + String.format("%012d", i++);
				LocalDate date = LocalDate.of(2024, 3, 1).plusDays(i % 40);
				assertThat(written(templates, decision, id, ref, date)).as("%s %s", files.folder(), profile)
					.isEqualTo(jackson(TriageResponse.of(id, ref, date, decision)));
				assertThat(written(templates, decision, null, ref, date))
					.isEqualTo(jackson(TriageResponse.of(ref, date, decision)));
				ByteArrayOutputStream prepared = new ByteArrayOutputStream();
				templates.write(templates.prepare(decision), ref, date, prepared::writeBytes);
				assertThat(prepared.toString(java.nio.charset.StandardCharsets.UTF_8))
					.isEqualTo(jackson(TriageResponse.of(ref, date, decision)));
				// as the batch prepares it: the class's shape and the facts by their key
				SharedDecision shared = rules.classify(profile);
				ByteArrayOutputStream byClass = new ByteArrayOutputStream();
				templates.write(templates.prepare(templates.shapeOf(shared.withoutFacts()), shared), ref, date,
						byClass::writeBytes);
				assertThat(byClass.toString(java.nio.charset.StandardCharsets.UTF_8))
					.as("%s %s", files.folder(), profile)
					.isEqualTo(jackson(TriageResponse.of(ref, date, decision)));
			}
		}
	}

	private static String written(ResponseTemplates templates, Decision decision, String id, String ref,
			LocalDate date) {
		return new String(templates.bytes(decision, id, ref, date), java.nio.charset.StandardCharsets.UTF_8);
	}

	private String jackson(TriageResponse response) {
		return this.mapper.writeValueAsString(response);
	}

}
