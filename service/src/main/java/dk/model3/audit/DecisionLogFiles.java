package dk.model3.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds and opens decision-log files ({@code decisions-YYYY-MM-DD.jsonl}) for the
 * commands that read them: named files, or the log files in named folders, oldest first.
 * A folder shared by several instances holds one sub-folder per instance: their files are
 * read too, so one command covers the decisions of every instance. Links inside a folder
 * are skipped, as the service never follows them.
 */
public final class DecisionLogFiles {

	private static final JsonMapper READER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DecisionLogFiles() {
	}

	public static List<Path> in(List<Path> inputs) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				files.addAll(logFilesIn(input));
				files.addAll(instanceFoldersIn(input));
			}
			else if (Files.isReadable(input)) {
				files.add(input);
			}
			else {
				throw new IOException(input.toString());
			}
		}
		return files;
	}

	// the log files of the per-instance sub-folders of a shared folder
	private static List<Path> instanceFoldersIn(Path directory) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> entries = Files.list(directory)) {
			for (Path sub : entries.filter((entry) -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.toList()) {
				files.addAll(logFilesIn(sub));
			}
		}
		return files;
	}

	static List<Path> logFilesIn(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter((path) -> DailyFileAppender.day(path) != null)
				.filter((path) -> !Files.isSymbolicLink(path))
				.sorted()
				.toList();
		}
	}

	/**
	 * The review lines of a log file; a line that is not JSON is told to
	 * {@code unreadable} with its number and skipped.
	 */
	public static List<ReviewRecord> reviews(Path file, Consumer<String> unreadable) throws IOException {
		List<ReviewRecord> reviews = new ArrayList<>();
		try (BufferedReader reader = open(file)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					JsonNode node = READER.readTree(line);
					if (ReviewRecord.KIND.equals(node.path("kind").stringValue(null))) {
						reviews.add(READER.treeToValue(node, ReviewRecord.class));
					}
				}
				catch (JacksonException ex) {
					unreadable.accept(file.getFileName() + ":" + number + ": not a decision-log line: "
							+ ex.getOriginalMessage());
				}
			}
		}
		return reviews;
	}

	static BufferedReader open(Path file) throws IOException {
		return new BufferedReader(
				new InputStreamReader(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8));
	}

}
