package dk.model3.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.RuleVersionFiles;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark session, {@code local[*]}, for every test class in the JVM: starting Spark
 * takes seconds, and the executor JVM's compiled rule versions are shared the same way on
 * a cluster.
 */
final class LocalSpark {

	static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	static final Path RULES = REPO.resolve("rules");

	private static SparkSession session;

	private LocalSpark() {
	}

	static synchronized SparkSession session() {
		if (session == null) {
			session = SparkSession.builder()
				.master("local[*]")
				.appName("triage-spark-tests")
				.config("spark.ui.enabled", "false")
				.config("spark.sql.shuffle.partitions", "4")
				.config("spark.driver.host", "127.0.0.1")
				.config("spark.driver.bindAddress", "127.0.0.1")
				.getOrCreate();
			Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
		}
		return session;
	}

	/** The checksum of a shipped version, as the evaluator reads it off the service. */
	static JobSettings.VersionPin pin(String version) {
		try {
			RuleVersionFiles files = RuleFolders.readFolder(RULES.resolve(version));
			return new JobSettings.VersionPin(version, files.checksum());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every line of the text files under a folder (Spark's part files), in file order.
	 */
	static List<String> lines(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			List<String> lines = new ArrayList<>();
			for (Path file : files.filter((path) -> Files.isRegularFile(path))
				.filter((path) -> !path.getFileName().toString().startsWith(".")
						&& !path.getFileName().toString().startsWith("_"))
				.sorted()
				.toList()) {
				lines.addAll(Files.readAllLines(file));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
