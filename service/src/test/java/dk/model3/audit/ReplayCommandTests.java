package dk.model3.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dk.model3.cli.Commands;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.versions.RuleVersions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "replay-test-key-0123456789abcdefgh";

	private static RuleVersions versions;

	@TempDir
	Path directory;

	@BeforeAll
	static void loadRules() {
		versions = new RuleVersions();
		new RuleLoader(RuleFolders.packaged()).loadAll(versions);
	}

	@Test
	void reclassifiesLoggedDecisionsUnderAnotherVersion() throws Exception {
		Path logs = this.directory.resolve("logs");
		log(logs, List.of(
				// cross-sector at 40 under 2021.03: 2023.01 adds the joint-plan offer
				"{\"citizenRef\":\"r-1\",\"age\":40,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"PRESENT\","
						+ "\"problems\":[\"HOMELESSNESS\"],\"rulesVersion\":\"2021.03\",\"assessmentDate\":\"2024-03-01\"}",
				"{\"citizenRef\":\"r-2\",\"age\":45,\"benefit\":\"DISABILITY_PENSION\",\"rulesVersion\":\"2021.03\","
						+ "\"assessmentDate\":\"2024-03-01\"}",
				"{\"citizenRef\":\"r-3\",\"age\":30,\"benefit\":\"CASH_BENEFIT\",\"employmentPotential\":\"UNKNOWN\","
						+ "\"problems\":[\"ANXIETY\",\"ADHD\"],\"rulesVersion\":\"2021.03\",\"assessmentDate\":\"2024-03-01\"}"));
		Path file = Files.list(logs).findFirst().orElseThrow();
		Files.writeString(file, "this is not json\n", java.nio.file.StandardOpenOption.APPEND);
		Path out = this.directory.resolve("replayed.jsonl");
		Path rejects = this.directory.resolve("rejects.txt");

		int exit = Commands.run("replay", "--rules", "2023.01", "--out", out.toString(), "--rejects",
				rejects.toString(), logs.toString());

		assertThat(exit).isZero();
		List<String> logged = Files.readAllLines(file);
		List<JsonNode> replayed = Files.readAllLines(out).stream().map(JSON::readTree).toList();
		List<String> rejected = Files.readAllLines(rejects);
		// in = out + rejected, and never the line that failed shifting the others
		assertThat(replayed.size() + rejected.size()).isEqualTo(logged.size());
		assertThat(rejected).singleElement().asString().startsWith(file.getFileName() + ":4:");
		CitizenRefHasher hasher = new CitizenRefHasher(KEY);
		assertThat(replayed).extracting((line) -> line.path("citizenRef").asString())
			.containsExactly(hasher.hash("r-1"), hasher.hash("r-2"), hasher.hash("r-3"));
		assertThat(replayed).allSatisfy((line) -> {
			assertThat(line.path("rulesVersion").asString()).isEqualTo("2023.01");
			assertThat(line.path("assessmentDate").asString()).isEqualTo("2024-03-01");
		});
		assertThat(replayed.get(0).path("tier").asString()).isEqualTo("CROSS_SECTOR");
		assertThat(replayed.get(0).path("flags").toString()).contains("JOINT_PLAN_OFFER");
		assertThat(replayed.get(1).path("tier").asString()).isEqualTo("PENSION_SOCIAL");
		assertThat(replayed.get(2).path("status").asString()).isEqualTo("MANUAL_REVIEW");
	}

	@Test
	void rejectsALineThatLacksARequiredFact() throws Exception {
		Path logs = this.directory.resolve("logs");
		Files.createDirectories(logs);
		Files.writeString(logs.resolve("decisions-2024-03-01.jsonl"),
				"{\"citizenRefHmac\":\"abc\",\"assessmentDate\":\"2024-03-01\",\"facts\":{\"age\":40},"
						+ "\"outcome\":{\"status\":\"PLACED\"}}\n");
		Path out = this.directory.resolve("replayed.jsonl");
		Path rejects = this.directory.resolve("rejects.txt");

		int exit = Commands.run("replay", "--rules", "2023.01", "--out", out.toString(), "--rejects",
				rejects.toString(), logs.toString());

		assertThat(exit).isZero();
		assertThat(Files.readAllLines(out)).isEmpty();
		assertThat(Files.readString(rejects)).contains("decisions-2024-03-01.jsonl:1:").contains("/benefit");
	}

	@Test
	void countsADecisionWhoseResponsibleAreaMovedAsChanged() throws Exception {
		java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
		Replay replay = new Replay(versions.byId("2023.01"), output);
		String facts = "\"assessmentDate\":\"2024-03-01\",\"facts\":{\"age\":45,\"benefit\":\"DISABILITY_PENSION\"}";
		// the same status, tier and flags the rules give, once with their area, once not
		replay.line("{\"citizenRefHmac\":\"same\"," + facts
				+ ",\"outcome\":{\"status\":\"PLACED\",\"tier\":\"PENSION_SOCIAL\",\"responsibleArea\":\"SOCIAL\",\"flags\":[]}}");
		replay.line("{\"citizenRefHmac\":\"moved\"," + facts
				+ ",\"outcome\":{\"status\":\"PLACED\",\"tier\":\"PENSION_SOCIAL\",\"responsibleArea\":\"EMPLOYMENT\",\"flags\":[]}}");
		assertThat(replay.replayed()).isEqualTo(2);
		assertThat(replay.changed()).isEqualTo(1);
	}

	@Test
	void logsAgeAndBenefitForEveryDecision() throws Exception {
		Path logs = this.directory.resolve("logs");
		log(logs, List.of("{\"citizenRef\":\"child\",\"age\":12,\"benefit\":\"NONE\",\"problems\":[\"ADHD\"],"
				+ "\"assessmentDate\":\"2024-03-01\"}"));
		JsonNode logged = JSON.readTree(Files.readString(Files.list(logs).findFirst().orElseThrow()));
		assertThat(logged.path("facts").path("age").asInt()).isEqualTo(12);
		assertThat(logged.path("facts").path("benefit").asString()).isEqualTo("NONE");
		// an under-15 is out of scope on age alone: the problems were not used and are
		// not logged
		assertThat(logged.path("facts").has("problems")).isFalse();
	}

	@Test
	void refusesAnUnknownVersionAsBadUsage() throws Exception {
		Path logs = this.directory.resolve("logs");
		Files.createDirectories(logs);
		assertThat(Commands.run("replay", "--rules", "1999.01", logs.toString())).isEqualTo(2);
		assertThat(Commands.run("replay", "--rules", "2023.01", this.directory.resolve("missing").toString()))
			.isEqualTo(2);
	}

	private static void log(Path directory, List<String> requests) throws Exception {
		Clock clock = Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneId.of("Europe/Copenhagen"));
		DecisionLog log = new DecisionLog(directory, new DailyFileAppender(directory, clock, false),
				new CitizenRefHasher(KEY), clock, Period.ofYears(5), "instance-1", List.of());
		for (String json : requests) {
			TriageRequest request = RequestReader.read(JSON.readTree(json.getBytes(StandardCharsets.UTF_8)));
			LocalDate date = request.assessmentDate();
			log.decided(UUID.randomUUID().toString(), request, date,
					versions.resolve(request.rulesVersion(), date).evaluate(request.profile()), 1000);
		}
		log.destroy();
	}

}
