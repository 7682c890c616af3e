package dk.model3.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.versions.Publication;
import dk.model3.versions.RepositoryDamaged;
import dk.model3.versions.ServedFolder;
import dk.model3.versions.SharedRepositoryUnavailable;
import dk.model3.versions.VersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the published versions of the shared repository into this instance's rules
 * folder ({@code triage.rules.dir}), which the reloader serves from. A publication is
 * written there only once its files match the checksum its tag declares and it compiled
 * and passed its scenarios in a folder of its own, off the request path; the version
 * folder then appears in one rename, so the reloader never sees half of it. A refused
 * publication is kept aside with its problems and never written, so the folder holds only
 * versions that passed, also after a restart.
 */
final class PublishedRules {

	private static final Logger log = LoggerFactory.getLogger(PublishedRules.class);

	private static final List<String> ROOT_FILES = List.of(RuleFolders.SOURCES, CompletenessRecords.FILE);

	private final VersionStore repository;

	private final Path folder;

	private final ServedFolder served;

	private final Clock clock;

	// the tag object last looked at, per version: a tag looked at once is not checked
	// again
	private final Map<String, String> lookedAt = new HashMap<>();

	private final Map<String, Refused> refused = new TreeMap<>();

	private volatile Instant lastFetch;

	private volatile String lastError;

	PublishedRules(VersionStore repository, Path folder, Clock clock) {
		this.repository = repository;
		this.folder = folder.toAbsolutePath().normalize();
		this.served = new ServedFolder(this.folder);
		this.clock = clock;
	}

	// what one fetch brought: main's root files and every publication
	private record Fetched(Map<String, String> rootFiles, List<Publication> publications) {
	}

	/** A publication that was not put in the rules folder, and why. */
	record Refused(String tag, String checksum, Instant at, List<RuleProblem> problems) {

	}

	/**
	 * What one update did.
	 *
	 * @param fetched whether the remote answered
	 * @param written the versions written into the rules folder
	 * @param rootFiles whether sources.yaml or completeness.log changed
	 */
	record Update(boolean fetched, List<String> written, boolean rootFiles) {

		boolean changed() {
			return !this.written.isEmpty() || this.rootFiles;
		}

	}

	/** Fetches the remote and writes every newly published version that passes. */
	synchronized Update update() {
		return update(null);
	}

	/**
	 * Fetches the remote and writes every newly published version that passes; the
	 * publication of {@code checked} (its id and checksum) is not compiled again, as the
	 * workbench's checks compiled and verified those files.
	 * @param checked a version the checks of this instance compiled and verified, or null
	 */
	synchronized Update update(CompiledRules checked) {
		Fetched fetched;
		try {
			fetched = this.repository.fetchedThenRead(() -> new Fetched(
					ROOT_FILES.stream().collect(Collectors.toMap((name) -> name, this.repository::mainFile)),
					this.repository.publications()));
			this.lastFetch = this.clock.instant();
			this.lastError = null;
		}
		catch (SharedRepositoryUnavailable | RepositoryDamaged ex) {
			String error = ex.getMessage();
			if (!error.equals(this.lastError)) {
				log.warn("Following the shared repository of rule versions: {}; the versions in {} keep serving", error,
						this.folder);
			}
			this.lastError = error;
			return new Update(false, List.of(), false);
		}
		try {
			Files.createDirectories(this.folder);
			boolean rootFiles = false;
			String sources = fetched.rootFiles().get(RuleFolders.SOURCES);
			for (String name : ROOT_FILES) {
				rootFiles |= writeRootFile(name, fetched.rootFiles().get(name));
			}
			List<String> written = new ArrayList<>();
			List<Publication> publications = fetched.publications();
			if (publications.isEmpty() && !hasVersions()) {
				return new Update(true, seedFromThePackage(), true);
			}
			for (Publication publication : publications) {
				if (publication.tagObject().equals(this.lookedAt.get(publication.id()))) {
					continue;
				}
				if (take(publication, sources, checked)) {
					written.add(publication.id());
				}
				// after the look: a publication that could not be written is tried again
				this.lookedAt.put(publication.id(), publication.tagObject());
			}
			return new Update(true, written, rootFiles);
		}
		catch (IOException ex) {
			this.lastError = "cannot write " + this.folder + ": " + ex.getMessage();
			log.error("Following the shared repository of rule versions: {}", this.lastError);
			return new Update(true, List.of(), false);
		}
	}

	// a shared repository with nothing published yet (a new installation): every instance
	// serves the versions packaged in its jar, as an instance following nothing would,
	// until the first publication
	private List<String> seedFromThePackage() throws IOException {
		RuleFolders packaged = RuleFolders.packaged();
		for (String name : ROOT_FILES) {
			if (!Files.exists(this.folder.resolve(name))) {
				writeRootFile(name, packaged.rootFile(name));
			}
		}
		List<String> written = new ArrayList<>();
		for (RuleVersionFiles version : packaged.versions()) {
			this.served.putVersion(version.folder(), version.files());
			written.add(version.folder());
		}
		log.warn("The shared repository of rule versions has no publication yet: serving the versions packaged "
				+ "in the jar ({}) until the first one", written);
		return written;
	}

	// checks one publication and writes it into the folder when it passes; true if
	// written
	private boolean take(Publication publication, String sources, CompiledRules checked) throws IOException {
		String checksum = publication.files().checksum();
		List<RuleProblem> problems = new ArrayList<>(publication.files().problems());
		if (publication.declaredChecksum() == null) {
			problems.add(new RuleProblem(publication.tag(), 0, 0,
					"the tag declares no checksum (a line \"checksum: sha256:...\"); it was not published by the workbench"));
		}
		else if (!publication.declaredChecksum().equals(checksum)) {
			problems.add(new RuleProblem(publication.tag(), 0, 0,
					"the files of " + publication.id() + " have checksum " + checksum + " but the tag declares "
							+ publication.declaredChecksum() + ": not what was published"));
		}
		if (problems.isEmpty() && checksum.equals(checksumInFolder(publication.id()))) {
			// written here by an earlier update, after it passed: nothing to do
			this.refused.remove(publication.id());
			return false;
		}
		Path staging = null;
		try {
			if (problems.isEmpty() && !compiledBy(checked, publication.id(), checksum)) {
				staging = Files.createTempDirectory(this.folder.getParent(), ".incoming-rules-");
				problems.addAll(compile(publication, sources, staging, checksum));
			}
			if (!problems.isEmpty()) {
				refuse(publication, checksum, problems);
				return false;
			}
			// a tag replaced with other files: the tag's files win, as they passed
			this.served.putVersion(publication.id(), publication.files().files());
			this.refused.remove(publication.id());
			log.info("Published rule version {} (tag {}, checksum {}) passed its checks and was written to {}",
					publication.id(), publication.tag(), checksum, this.folder);
			return true;
		}
		finally {
			if (staging != null) {
				deleteTree(staging);
			}
		}
	}

	private static boolean compiledBy(CompiledRules checked, String id, String checksum) {
		return checked != null && checked.files().folder().equals(id) && checked.files().checksum().equals(checksum);
	}

	// compiles the version and runs its scenarios from a folder of its own
	private static List<RuleProblem> compile(Publication publication, String sources, Path staging, String checksum)
			throws IOException {
		Files.writeString(staging.resolve(RuleFolders.SOURCES), sources, StandardCharsets.UTF_8);
		Path version = Files.createDirectory(staging.resolve(publication.id()));
		for (Map.Entry<String, String> file : publication.files().files().entrySet()) {
			Files.writeString(version.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
		RuleVersionFiles staged = RuleFolders.readFolder(version);
		if (staged == null || !checksum.equals(staged.checksum())) {
			return List.of(new RuleProblem(publication.id(), 0, 0,
					"the files read back from " + version + " differ from the published ones"));
		}
		try {
			new RuleLoader(RuleFolders.inDirectory(staging)).load(staged);
			return List.of();
		}
		catch (RuleVersionRefused ex) {
			return ex.problems();
		}
		catch (RuntimeException ex) {
			return List.of(new RuleProblem(publication.id(), 0, 0, "cannot load: " + ex.getMessage()));
		}
	}

	private void refuse(Publication publication, String checksum, List<RuleProblem> problems) {
		this.refused.put(publication.id(),
				new Refused(publication.tag(), checksum, this.clock.instant(), List.copyOf(problems)));
		log.error(
				"Published rule version {} (tag {}, checksum {}) refused; it is not put in service and the "
						+ "versions in {} keep serving: {}",
				publication.id(), publication.tag(), checksum, this.folder, problems);
	}

	private String checksumInFolder(String version) throws IOException {
		Path existing = this.folder.resolve(version);
		if (!Files.isDirectory(existing)) {
			return null;
		}
		RuleVersionFiles files = RuleFolders.readFolder(existing);
		return (files != null) ? files.checksum() : null;
	}

	private boolean writeRootFile(String name, String content) throws IOException {
		return !content.isEmpty() && this.served.putRootFile(name, content);
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the rules folder holds at least one version. */
	boolean hasVersions() {
		try {
			return Files.isDirectory(this.folder) && !RuleFolders.inDirectory(this.folder).versions().isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	synchronized Map<String, Refused> refused() {
		return Map.copyOf(this.refused);
	}

	Instant lastFetch() {
		return this.lastFetch;
	}

	String lastError() {
		return this.lastError;
	}

	Path folder() {
		return this.folder;
	}

}
