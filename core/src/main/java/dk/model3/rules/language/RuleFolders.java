package dk.model3.rules.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;

/**
 * Reads the rules root: {@code sources.yaml} and one folder per version. The root is a
 * directory policy staff edit, or the copy of {@code rules/} packaged in the jar.
 */
public final class RuleFolders {

	public static final String SOURCES = "sources.yaml";

	private static final String CLASSPATH_ROOT = "rules";

	/** The largest file a version may have; the shipped ones are below 40 KiB. */
	static final int MAX_FILE_BYTES = 1024 * 1024;

	private final Path directory;

	private RuleFolders(Path directory) {
		this.directory = directory;
	}

	/** Rules read from a directory on disk. */
	public static RuleFolders inDirectory(Path directory) {
		return new RuleFolders(directory);
	}

	/**
	 * The rules a command of the jar reads, the same for every command: the folder given
	 * with {@code --rules-dir}, else {@code ./rules} when it exists (an editor working in
	 * the repository), else the rules packaged in the jar.
	 */
	public static RuleFolders forCommand(Path given) {
		if (given != null) {
			if (!Files.isDirectory(given)) {
				throw new UncheckedIOException(
						new NoSuchFileException(given.toString(), null, "the rules folder does not exist"));
			}
			return inDirectory(given);
		}
		Path local = Path.of("rules");
		return Files.isDirectory(local) ? inDirectory(local) : packaged();
	}

	/** The rules packaged in the jar. */
	public static RuleFolders packaged() {
		return new RuleFolders(null);
	}

	public String describe() {
		return (this.directory != null) ? this.directory.toAbsolutePath().normalize().toString()
				: "classpath:" + CLASSPATH_ROOT;
	}

	public boolean isDirectory() {
		return this.directory != null;
	}

	public Path directory() {
		return this.directory;
	}

	public String sourcesYaml() {
		return rootFile(SOURCES);
	}

	/**
	 * A file beside the version folders, such as {@code sources.yaml}; empty when there
	 * is none. Read as a regular file only, never through a link.
	 */
	public String rootFile(String name) {
		try {
			if (this.directory != null) {
				Path file = this.directory.resolve(name);
				if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
					return "";
				}
				String problem = problemWith(file);
				if (problem != null) {
					throw new IOException(describe() + "/" + name + ": " + problem);
				}
				return readRegularFile(file);
			}
			try (InputStream in = RuleFolders.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + "/" + name)) {
				return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every folder that holds a {@code version.yaml}, sorted by folder name; a folder
	 * with a file that cannot be read comes with its problems, to be refused alone.
	 */
	public List<RuleVersionFiles> versions() {
		try {
			return (this.directory != null) ? fromDirectory() : fromClasspath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One version folder on disk, or null when it has no {@code version.yaml}. Only the
	 * names a version has are read ({@link RuleVersionFiles#isVersionFile}), each only as
	 * a regular file, never through a symbolic link.
	 */
	public static RuleVersionFiles readFolder(Path folder) throws IOException {
		String name = folder.getFileName().toString();
		if (Files.isSymbolicLink(folder)) {
			return new RuleVersionFiles(name, Map.of(), List.of(new RuleProblem(name, 0, 0,
					"er en symbolsk henvisning (symlink); en versionsmappe læses kun som en almindelig mappe")));
		}
		if (!Files.exists(folder.resolve(RuleVersionFiles.DESCRIPTOR), LinkOption.NOFOLLOW_LINKS)) {
			return null;
		}
		Map<String, String> files = new HashMap<>();
		List<RuleProblem> problems = new ArrayList<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path file : entries.sorted().toList()) {
				String fileName = file.getFileName().toString();
				if (!RuleVersionFiles.isVersionFile(fileName)) {
					continue;
				}
				// a name that is no rule file's refuses the version, unread: the name
				// itself would reach the generated code
				String problem = PolicyText.fileNameRefusal(fileName);
				if (problem == null) {
					problem = problemWith(file);
				}
				if (problem == null) {
					try {
						files.put(fileName, readRegularFile(file));
					}
					catch (CharacterCodingException ex) {
						problem = "er ikke UTF-8-tekst";
					}
					catch (IOException ex) {
						problem = "kan ikke læses: " + ex.getMessage();
					}
				}
				if (problem != null) {
					problems.add(new RuleProblem(name + "/" + fileName, 0, 0, problem));
				}
			}
		}
		return new RuleVersionFiles(name, files, problems);
	}

	// why a file is not read, or null when it can be
	private static String problemWith(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (attributes.isSymbolicLink()) {
			return "er en symbolsk henvisning (symlink); regelfiler læses kun som almindelige filer";
		}
		if (!attributes.isRegularFile()) {
			return "er ikke en almindelig fil";
		}
		if (attributes.size() > MAX_FILE_BYTES) {
			return "er større end " + MAX_FILE_BYTES / 1024 + " KiB; så stor er ingen regelfil";
		}
		return null;
	}

	// O_NOFOLLOW: a link put in place after the check above is still not followed
	private static String readRegularFile(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
			if (bytes.length > MAX_FILE_BYTES) {
				throw new IOException("it grew beyond " + MAX_FILE_BYTES / 1024 + " KiB while being read");
			}
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
	}

	private List<RuleVersionFiles> fromDirectory() throws IOException {
		List<RuleVersionFiles> versions = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			throw new IOException("rules directory " + describe() + " does not exist");
		}
		try (Stream<Path> folders = Files.list(this.directory)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				RuleVersionFiles files = readFolder(folder);
				if (files != null) {
					versions.add(files);
				}
			}
		}
		return versions;
	}

	private List<RuleVersionFiles> fromClasspath() {
		Map<String, Map<String, String>> byFolder = new HashMap<>();
		for (ClasspathFolder.Entry entry : ClasspathFolder.files(RuleFolders.class.getClassLoader(), CLASSPATH_ROOT)) {
			String[] parts = entry.path().split("/");
			if (parts.length == 2 && RuleVersionFiles.isVersionFile(parts[1])) {
				byFolder.computeIfAbsent(parts[0], (folder) -> new HashMap<>())
					.put(parts[1], new String(entry.content(), StandardCharsets.UTF_8));
			}
		}
		return byFolder.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().containsKey(RuleVersionFiles.DESCRIPTOR))
			.map((entry) -> new RuleVersionFiles(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(RuleVersionFiles::folder))
			.toList();
	}

}
