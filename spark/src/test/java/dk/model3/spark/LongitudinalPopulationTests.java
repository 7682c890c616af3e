package dk.model3.spark;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated register is the same for the same seed, every row is a valid request with
 * a period and a person key, and each person's course over the periods is plausible:
 * contiguous presence, ages that only grow with birthdays, the old-age pension from 67,
 * changes of benefit, problems and potential that do happen, and adults who leave benefit
 * or get a flex job.
 */
class LongitudinalPopulationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final LocalDate START = LocalDate.of(2023, 1, 2);

	@Test
	void givesTheSameRowsForTheSameSeedAndOthersForAnother() throws Exception {
		assertThat(generate(7, false)).isEqualTo(generate(7, false)).isNotEqualTo(generate(8, false));
	}

	@Test
	void writesTheSameRowsAsPlainRequestsForTheBatch() throws Exception {
		String[] rows = generate(7, false).split("\n");
		String[] requests = generate(7, true).split("\n");
		assertThat(requests).hasSameSizeAs(rows);
		for (int i = 0; i < rows.length; i++) {
			ObjectNode row = (ObjectNode) JSON.readTree(rows[i]);
			TriageRequest asRow = read(row.deepCopy());
			TriageRequest asRequest = RequestReader.read(JSON.readTree(requests[i]));
			assertThat(asRequest.profile()).isEqualTo(asRow.profile());
			assertThat(asRequest.assessmentDate()).isEqualTo(LocalDate.parse(row.get("period").stringValue()));
		}
	}

	@Test
	void followsEachPersonPlausiblyOverTheYears() throws Exception {
		Map<String, List<ObjectNode>> byPerson = new HashMap<>();
		for (String line : generate(11, false).split("\n")) {
			ObjectNode row = (ObjectNode) JSON.readTree(line);
			read(row.deepCopy());
			byPerson.computeIfAbsent(row.get("personKey").stringValue(), (key) -> new ArrayList<>()).add(row);
		}
		int benefitChanges = 0;
		int problemChanges = 0;
		int potentialChanges = 0;
		int lateEntries = 0;
		int offBenefit = 0;
		int flexJobs = 0;
		for (List<ObjectNode> rows : byPerson.values()) {
			LocalDate first = LocalDate.parse(rows.get(0).get("period").stringValue());
			lateEntries += first.isAfter(START) ? 1 : 0;
			for (int i = 1; i < rows.size(); i++) {
				ObjectNode before = rows.get(i - 1);
				ObjectNode after = rows.get(i);
				// present in consecutive periods only: who leaves the register does not
				// come
				// back
				assertThat(LocalDate.parse(after.get("period").stringValue()))
					.isEqualTo(LocalDate.parse(before.get("period").stringValue()).plusDays(28));
				int aged = after.get("age").asInt() - before.get("age").asInt();
				assertThat(aged).isBetween(0, 1);
				benefitChanges += before.get("benefit").equals(after.get("benefit")) ? 0 : 1;
				problemChanges += String.valueOf(before.get("problems")).equals(String.valueOf(after.get("problems")))
						? 0 : 1;
				potentialChanges += before.get("employmentPotential").equals(after.get("employmentPotential")) ? 0 : 1;
			}
			for (ObjectNode row : rows) {
				flexJobs += row.has("flexJob") ? 1 : 0;
				offBenefit += (!row.has("flexJob") && row.get("benefit").stringValue().equals("NONE")
						&& row.get("age").asInt() >= 18) ? 1 : 0;
				boolean oldAge = row.get("benefit").stringValue().equals("OLD_AGE_PENSION");
				assertThat(oldAge).isEqualTo(row.get("age").asInt() >= 67);
			}
		}
		assertThat(byPerson).hasSize(400);
		assertThat(benefitChanges).isPositive();
		assertThat(problemChanges).isPositive();
		assertThat(potentialChanges).isPositive();
		assertThat(lateEntries).isPositive();
		// the outcomes seed 004 asks for happen: adults off benefit, flex jobs
		assertThat(offBenefit).isPositive();
		assertThat(flexJobs).isPositive();
	}

	private static TriageRequest read(ObjectNode row) {
		assertThat(row.remove("period")).isNotNull();
		assertThat(row.remove("personKey")).isNotNull();
		JsonNode flexJob = row.remove("flexJob");
		if (flexJob != null) {
			// a register column: only ever true, and only without a benefit
			assertThat(flexJob.asBoolean()).isTrue();
			assertThat(row.get("benefit").stringValue()).isEqualTo("NONE");
		}
		return RequestReader.read(row);
	}

	// 400 people over 39 four-weekly periods: three years
	private static String generate(long seed, boolean asRequests) throws Exception {
		StringWriter out = new StringWriter();
		new LongitudinalPopulation(seed, 400, 39, START, 28, "T").write(out, asRequests);
		return out.toString();
	}

}
