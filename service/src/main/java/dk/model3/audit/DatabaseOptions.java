package dk.model3.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import dk.model3.triage.Copenhagen;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The records database for the commands that read it ({@code replay}, {@code reviews},
 * {@code export}): the service's own settings, {@code SPRING_DATASOURCE_URL},
 * {@code _USERNAME} and {@code _PASSWORD}, or the options; with none, the embedded
 * database in the data directory (which the service must not have open at the time). The
 * password is read from the environment only, never from the command line.
 */
public final class DatabaseOptions {

	@Option(names = "--db-url", paramLabel = "JDBC-URL",
			description = "the records database; default: SPRING_DATASOURCE_URL, else the embedded database in --data-dir")
	String url;

	@Option(names = "--db-user", paramLabel = "USER", description = "default: SPRING_DATASOURCE_USERNAME")
	String user;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "the service's data directory, for the embedded database; default: TRIAGE_DATA_DIR, else ./data")
	Path dataDir;

	/** The records, or an explanation of why they cannot be opened. */
	public DecisionRecords open() {
		String address = first(this.url, System.getenv("SPRING_DATASOURCE_URL"));
		String username = first(this.user, System.getenv("SPRING_DATASOURCE_USERNAME"));
		String password = first(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
		if (address == null) {
			Path data = (this.dataDir != null) ? this.dataDir
					: Path.of(first(System.getenv("TRIAGE_DATA_DIR"), DataDirectoryProperties.DEFAULT));
			if (!Files.exists(data.resolve(EmbeddedDatabase.FILE + ".mv.db"))) {
				throw new IllegalStateException("no records database in " + data.toAbsolutePath().normalize()
						+ "; give --data-dir, or --db-url for PostgreSQL");
			}
			address = EmbeddedDatabase.url(data) + ";IFEXISTS=TRUE";
			username = first(username, "triage");
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(address, first(username, ""), password);
		return new DecisionRecords(JdbcClient.create(dataSource),
				new Durability(JdbcClient.create(dataSource), EmbeddedDatabase.embedded(address)), "command");
	}

	/** The start of a day in Copenhagen. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(Copenhagen.ZONE).toInstant();
	}

	private static String first(String value, String otherwise) {
		return (value != null && !value.isBlank()) ? value : otherwise;
	}

}
