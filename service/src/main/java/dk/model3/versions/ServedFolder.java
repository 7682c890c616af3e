package dk.model3.versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The folder the rule loader reads, and the one writer of it: {@code main}'s tree written
 * out on an instance on its own, the publications that passed their checks on a follower
 * of a shared repository (package dk.model3.replicas). A version folder appears whole or
 * not at all (written beside, then moved in with one rename), so the reloader never reads
 * half a version; root files ({@code completeness.log}, {@code sources.yaml}) are
 * replaced the same way, before the folders that need them.
 */
public final class ServedFolder {

	private final Path folder;

	private final Path staging;

	public ServedFolder(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
		this.staging = this.folder.resolveSibling(this.folder.getFileName() + ".staging");
	}

	public Path path() {
		return this.folder;
	}

	/** Whether the folder holds a version folder (one with a {@code version.yaml}). */
	public boolean hasVersions() {
		if (!Files.isDirectory(this.folder)) {
			return false;
		}
		try (Stream<Path> folders = Files.list(this.folder)) {
			return folders.anyMatch((each) -> Files.isRegularFile(each.resolve("version.yaml")));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Writes what differs between {@code main}'s files and the folder. */
	public synchronized void update(Map<String, String> mainFiles) {
		try {
			Files.createDirectories(this.folder);
			Map<String, Map<String, String>> byFolder = new TreeMap<>();
			for (Map.Entry<String, String> file : mainFiles.entrySet()) {
				int slash = file.getKey().indexOf('/');
				if (slash < 0) {
					putRootFile(file.getKey(), file.getValue());
				}
				else {
					byFolder.computeIfAbsent(file.getKey().substring(0, slash), (key) -> new TreeMap<>())
						.put(file.getKey().substring(slash + 1), file.getValue());
				}
			}
			for (Map.Entry<String, Map<String, String>> version : byFolder.entrySet()) {
				putVersion(version.getKey(), version.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the served rules to " + this.folder, ex);
		}
	}

	/** Replaces a root file in one rename; false when it held this text already. */
	public synchronized boolean putRootFile(String name, String text) throws IOException {
		Path target = this.folder.resolve(name);
		if (Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
			return false;
		}
		Files.createDirectories(this.staging);
		Path written = this.staging.resolve(name);
		Files.writeString(written, text, StandardCharsets.UTF_8);
		Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return true;
	}

	/**
	 * Puts a version folder in place whole, in one rename; false when it held these files
	 * already.
	 */
	public synchronized boolean putVersion(String id, Map<String, String> files) throws IOException {
		if (same(id, files)) {
			return false;
		}
		replaceFolder(id, files);
		return true;
	}

	private boolean same(String name, Map<String, String> files) throws IOException {
		Path target = this.folder.resolve(name);
		if (!Files.isDirectory(target)) {
			return false;
		}
		try (Stream<Path> present = Files.list(target)) {
			if (present.count() != files.size()) {
				return false;
			}
		}
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = target.resolve(file.getKey());
			if (!Files.isRegularFile(path) || !Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
				return false;
			}
		}
		return true;
	}

	private void replaceFolder(String name, Map<String, String> files) throws IOException {
		Files.createDirectories(this.folder);
		Files.createDirectories(this.staging);
		Path written = this.staging.resolve(name);
		delete(written);
		Files.createDirectories(written);
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(written.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
		Path target = this.folder.resolve(name);
		if (Files.exists(target)) {
			// a published version never changes; only a folder left by hand gets here
			Path old = this.staging.resolve(name + ".old");
			delete(old);
			Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
			delete(old);
		}
		Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void delete(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

}
