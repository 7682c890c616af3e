package dk.model3.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.model3.facts.Profile;
import dk.model3.request.TriageRequest;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.GoldenAnswers;
import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log's line is the mapper's serialisation of the record, byte for byte, for
 * profiles drawn from the whole input space under every shipped version: pinned or not,
 * with and without an instance id, at instants with and without fractions of a second. So
 * a line written the fast way reads back as the record it was.
 */
class DecisionLineTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void writesTheMappersBytesForEveryKindOfDecision() {
		List<Profile> profiles = GoldenAnswers.sample(23L, 2_000);
		Instant[] instants = { Instant.parse("2026-11-23T23:23:54.734253059Z"), Instant.parse("2026-11-23T23:23:54Z"),
				Instant.parse("2026-01-02T03:04:05.120Z") };
		for (RuleVersionFiles files : RepoRules.versions()) {
			CompiledRules rules = RepoRules.compiled(files.folder());
			int i = 0;
			for (Profile profile : profiles) {
				Decision decision = rules.evaluate(profile);
				TriageRequest request = request(profile, (i % 2 == 0) ? null : files.folder());
				DecisionRecord record = DecisionLog.record("id-" + i, instants[i % 3], "hmac-" + i, request,
						LocalDate.of(2024, 3, 1), decision, (i % 5 == 0) ? null : "vm:8080");
				i++;
				String expected = this.mapper.writeValueAsString(record) + "\n";
				String line = new String(DecisionLine.of(record), StandardCharsets.UTF_8);
				assertThat(line).as("%s %s", files.folder(), profile).isEqualTo(expected);
			}
		}
	}

	private static TriageRequest request(Profile profile, String pinned) {
		return new TriageRequest("case-1", profile.age(), LocalDate.of(2024, 3, 1), pinned, profile.benefit(),
				profile.employmentPotential(), profile.problems(), profile.brainInjuryCoordination(),
				profile.measuresSentence(), profile.placedOutOfHome(), profile.serviceActMeasures(),
				profile.departmentsInvolved());
	}

}
