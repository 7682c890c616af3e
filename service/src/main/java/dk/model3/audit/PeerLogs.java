package dk.model3.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision logs of the other instances behind the same load balancer
 * ({@code triage.audit.peer-dirs}), read, never written: a caseworker's next request may
 * reach another instance than the one that decided, and the justification and the review
 * must still find the decision. Each folder is an instance's log folder, or a shared
 * folder with one sub-folder per instance. Only what was appended since the last look is
 * read, and only when this instance's own log does not have the answer.
 */
final class PeerLogs {

	private static final Logger log = LoggerFactory.getLogger(PeerLogs.class);

	private final List<Path> folders;

	private final Path own;

	private final JsonMapper mapper;

	// how far each file has been read, in bytes, up to its last whole line
	private final Map<Path, Long> read = new HashMap<>();

	private final Map<String, Path> decisions = new HashMap<>();

	private final Map<String, ReviewRecord> reviews = new HashMap<>();

	private final Map<String, Path> reviewFiles = new HashMap<>();

	PeerLogs(List<Path> folders, Path own, JsonMapper mapper) {
		this.folders = folders.stream().map((folder) -> folder.toAbsolutePath().normalize()).toList();
		this.own = own.toAbsolutePath().normalize();
		this.mapper = mapper;
	}

	boolean any() {
		return !this.folders.isEmpty();
	}

	/** The file of another instance that holds the decision, if any. */
	synchronized Optional<Path> decisionFile(String decisionId) {
		if (!this.decisions.containsKey(decisionId)) {
			refresh();
		}
		return Optional.ofNullable(this.decisions.get(decisionId));
	}

	synchronized Optional<ReviewRecord> review(String decisionId) {
		refresh();
		return Optional.ofNullable(this.reviews.get(decisionId));
	}

	synchronized Collection<ReviewRecord> reviews() {
		refresh();
		return List.copyOf(this.reviews.values());
	}

	// reads what the other instances appended since the last look
	private void refresh() {
		Set<Path> present = files();
		this.read.keySet().removeIf((file) -> !present.contains(file));
		this.decisions.values().removeIf((file) -> !present.contains(file));
		this.reviewFiles.entrySet().removeIf((review) -> {
			boolean gone = !present.contains(review.getValue());
			if (gone) {
				this.reviews.remove(review.getKey());
			}
			return gone;
		});
		for (Path file : present) {
			try {
				readNewLines(file);
			}
			catch (IOException ex) {
				log.warn("Decision log of another instance: cannot read {}: {}", file, ex.getMessage());
			}
		}
	}

	private Set<Path> files() {
		List<Path> files = new ArrayList<>();
		for (Path folder : this.folders) {
			try {
				files.addAll(logFilesIn(folder));
			}
			catch (IOException ex) {
				log.warn("Decision log of another instance: cannot list {}: {}", folder, ex.getMessage());
			}
		}
		return files.stream().collect(Collectors.toSet());
	}

	// the log files of the folder, and of its sub-folders when it is a shared one; never
	// this instance's own
	private List<Path> logFilesIn(Path folder) throws IOException {
		if (folder.equals(this.own) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>(DecisionLogFiles.logFilesIn(folder));
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path sub : entries.filter((entry) -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.toList()) {
				if (!sub.toAbsolutePath().normalize().equals(this.own)) {
					files.addAll(DecisionLogFiles.logFilesIn(sub));
				}
			}
		}
		return files;
	}

	private void readNewLines(Path file) throws IOException {
		long from = this.read.getOrDefault(file, 0L);
		long size = Files.size(file);
		if (size < from) {
			from = 0; // replaced: read it again
		}
		if (size == from) {
			return;
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			in.skipNBytes(from);
			bytes = in.readNBytes((int) Math.min(size - from, Integer.MAX_VALUE));
		}
		int end = lastNewline(bytes);
		if (end < 0) {
			return; // a line being written: read it whole next time
		}
		String text = new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
		for (String line : text.split("\n")) {
			index(file, line);
		}
		this.read.put(file, from + end + 1);
	}

	private void index(Path file, String line) {
		if (line.isBlank()) {
			return;
		}
		try {
			JsonNode node = this.mapper.readTree(line);
			if (ReviewRecord.KIND.equals(node.path("kind").stringValue(null))) {
				ReviewRecord review = this.mapper.treeToValue(node, ReviewRecord.class);
				if (this.reviews.putIfAbsent(review.decisionId(), review) == null) {
					this.reviewFiles.put(review.decisionId(), file);
				}
			}
			else if (node.path("decisionId").isString()) {
				this.decisions.put(node.path("decisionId").stringValue(), file);
			}
		}
		catch (JacksonException ex) {
			// a cut-off or edited line is not a decision; the owning instance reports it
		}
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
