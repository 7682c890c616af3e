package dk.model3.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the rules root: {@code sources.yaml} and one folder per version. The root is a
 * directory policy staff edit, or the copy of {@code rules/} packaged in the jar.
 */
public final class RuleFolders {

	public static final String SOURCES = "sources.yaml";

	private static final String CLASSPATH_ROOT = "rules";

	private final Path directory;

	private RuleFolders(Path directory) {
		this.directory = directory;
	}

	/** Rules read from a directory on disk. */
	public static RuleFolders inDirectory(Path directory) {
		return new RuleFolders(directory);
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
		try {
			if (this.directory != null) {
				Path file = this.directory.resolve(SOURCES);
				return Files.exists(file) ? Files.readString(file) : "";
			}
			Resource resource = resolver().getResource("classpath:" + CLASSPATH_ROOT + "/" + SOURCES);
			return resource.exists() ? read(resource) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every folder that holds a {@code version.yaml}, sorted by folder name. */
	public List<RuleVersionFiles> versions() {
		try {
			return (this.directory != null) ? fromDirectory() : fromClasspath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One version folder on disk, or null when it has no {@code version.yaml}. */
	public static RuleVersionFiles readFolder(Path folder) throws IOException {
		if (!Files.isRegularFile(folder.resolve(RuleVersionFiles.DESCRIPTOR))) {
			return null;
		}
		Map<String, String> files = new HashMap<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path file : entries.filter(Files::isRegularFile).toList()) {
				files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		return new RuleVersionFiles(folder.getFileName().toString(), files);
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

	private List<RuleVersionFiles> fromClasspath() throws IOException {
		Map<String, Map<String, String>> byFolder = new HashMap<>();
		for (Resource resource : resolver().getResources("classpath*:" + CLASSPATH_ROOT + "/*/*")) {
			String path = resource.getURL().toString();
			String[] parts = path.substring(path.lastIndexOf("/" + CLASSPATH_ROOT + "/") + CLASSPATH_ROOT.length() + 2)
				.split("/");
			if (parts.length == 2 && resource.isReadable()) {
				byFolder.computeIfAbsent(parts[0], (folder) -> new HashMap<>()).put(parts[1], read(resource));
			}
		}
		return byFolder.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().containsKey(RuleVersionFiles.DESCRIPTOR))
			.map((entry) -> new RuleVersionFiles(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(RuleVersionFiles::folder))
			.toList();
	}

	private static PathMatchingResourcePatternResolver resolver() {
		return new PathMatchingResourcePatternResolver(RuleFolders.class.getClassLoader());
	}

	private static String read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
