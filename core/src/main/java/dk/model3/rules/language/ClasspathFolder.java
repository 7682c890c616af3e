package dk.model3.rules.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files under a folder of the class path, in a directory or a jar (a jar nested in
 * Spring Boot's jar included, whose URL handler answers with a {@link JarURLConnection}):
 * the packaged rules and the classes of the facts package are found this way, with no
 * framework on the class path.
 */
final class ClasspathFolder {

	/** A file under the folder: its path below the folder, with '/' between names. */
	record Entry(String path, byte[] content) {
	}

	private ClasspathFolder() {
	}

	/** Every file below {@code folder} (no leading or trailing '/'), in every root. */
	static List<Entry> files(ClassLoader loader, String folder) {
		List<Entry> entries = new ArrayList<>();
		try {
			Enumeration<URL> roots = loader.getResources(folder);
			while (roots.hasMoreElements()) {
				URL root = roots.nextElement();
				if ("file".equals(root.getProtocol())) {
					fromDirectory(Path.of(root.toURI()), entries);
				}
				else {
					fromJar(root, folder, entries);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		return entries;
	}

	private static void fromDirectory(Path root, List<Entry> entries) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				entries.add(new Entry(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
			}
		}
	}

	private static void fromJar(URL root, String folder, List<Entry> entries) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jar)) {
			throw new IOException("cannot list " + root + ": neither a directory nor a jar");
		}
		jar.setUseCaches(false);
		String prefix = folder + "/";
		try (JarFile file = jar.getJarFile()) {
			Enumeration<JarEntry> all = file.entries();
			while (all.hasMoreElements()) {
				JarEntry entry = all.nextElement();
				if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
					try (InputStream in = file.getInputStream(entry)) {
						entries.add(new Entry(entry.getName().substring(prefix.length()), in.readAllBytes()));
					}
				}
			}
		}
	}

}
