package dk.model3.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports the former JSON-lines decision log
 * ({@code decisions/decisions-YYYY-MM-DD.jsonl} in the data directory, and its
 * per-instance sub-folders) once: each file not yet imported is read, its decisions and
 * reviews stored (ones already stored are skipped), and the file is recorded with its
 * counts, which are logged. A line cut off by a crash is counted as unreadable and
 * skipped. The files are left as they were.
 */
final class LegacyLogImport {

	static final String FOLDER = "decisions";

	private static final Logger log = LoggerFactory.getLogger(LegacyLogImport.class);

	private final JdbcClient jdbc;

	private final DecisionRecords records;

	private final Durability durability;

	LegacyLogImport(JdbcClient jdbc, DecisionRecords records, Durability durability) {
		this.jdbc = jdbc;
		this.records = records;
		this.durability = durability;
	}

	/** Imports the files under {@code folder} not imported before. */
	void importFrom(Path folder) throws IOException {
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		Map<String, Counts> files = new LinkedHashMap<>();
		Map<String, List<ReviewRecord>> reviews = new LinkedHashMap<>();
		for (Path file : logFiles(folder)) {
			String name = folder.relativize(file).toString();
			if (imported(name)) {
				continue;
			}
			Counts counts = new Counts();
			List<ReviewRecord> fileReviews = new ArrayList<>();
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (!line.isBlank()) {
						importLine(line, counts, fileReviews);
					}
				}
			}
			files.put(name, counts);
			reviews.put(name, fileReviews);
		}
		if (files.isEmpty()) {
			return;
		}
		// reviews after every decision: a review may be in another instance's file
		reviews.forEach((name, list) -> {
			for (ReviewRecord review : list) {
				try {
					if (this.records.reviewed(review)) {
						files.get(name).reviews++;
					}
				}
				catch (DataIntegrityViolationException ex) {
					files.get(name).unreadable++; // a review of a decision that is not
													// there
				}
			}
		});
		Counts total = new Counts();
		files.forEach((name, counts) -> {
			this.jdbc
				.sql("INSERT INTO imported_log_files (file_name, imported_at, decisions, reviews, unreadable) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(name, DecisionRecords.utc(java.time.Instant.now()), counts.decisions, counts.reviews,
						counts.unreadable)
				.update();
			total.decisions += counts.decisions;
			total.reviews += counts.reviews;
			total.unreadable += counts.unreadable;
		});
		this.durability.committed();
		log.info("Imported the former decision log from {}: {} file(s), {} decision(s), {} review(s), {} line(s) "
				+ "unreadable or without their decision (skipped); the files are left in place and are not read again",
				folder, files.size(), total.decisions, total.reviews, total.unreadable);
	}

	private void importLine(String line, Counts counts, List<ReviewRecord> reviews) {
		try {
			JsonNode node = DecisionRecords.JSON.readTree(line);
			if (ReviewRecord.KIND.equals(node.path("kind").stringValue(null))) {
				reviews.add(DecisionRecords.JSON.treeToValue(node, ReviewRecord.class));
				return;
			}
			DecisionRecord decision = DecisionRecords.JSON.treeToValue(node, DecisionRecord.class);
			if (decision.decisionId() == null || decision.time() == null || decision.outcome() == null) {
				counts.unreadable++;
				return;
			}
			if (decision.instance() == null) {
				decision = new DecisionRecord(decision.kind(), decision.decisionId(), decision.time(),
						decision.citizenRefHmac(), decision.assessmentDate(), decision.rulesVersion(),
						decision.versionPinned(), decision.rulesChecksum(), decision.facts(), decision.outcome(),
						decision.ruleIds(), decision.decidingRuleId(), decision.whyNot(), "imported");
			}
			if (this.records.decision(decision.decisionId()).isEmpty()) {
				this.jdbc.sql(DecisionRecords.INSERT_DECISION).params(DecisionRecords.row(decision, null)).update();
				counts.decisions++;
			}
		}
		catch (JacksonException | IllegalArgumentException | DataIntegrityViolationException ex) {
			counts.unreadable++;
		}
	}

	private boolean imported(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM imported_log_files WHERE file_name = ?")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	// the day files of the folder and of its per-instance sub-folders, oldest first;
	// links
	// are never followed
	private static List<Path> logFiles(Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> entries = Files.walk(folder, 2)) {
			entries.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.filter((path) -> path.getFileName().toString().matches("decisions-\\d{4}-\\d{2}-\\d{2}\\.jsonl"))
				.sorted()
				.forEach(files::add);
		}
		return files;
	}

	private static final class Counts {

		int decisions;

		int reviews;

		int unreadable;

	}

}
