package dk.model3;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the database tests also run on: {@code .ci/run} starts a throwaway
 * cluster and exports {@code TRIAGE_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD} (by hand: {@code eval "$(.ci/postgres.sh start /tmp/pg)"}). Without
 * them the PostgreSQL tests are skipped with a message, and fail under {@code CI=true}.
 * Each caller gets a schema of its own, so tests never see each other's rows.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/**
	 * A new empty schema on the test PostgreSQL: its JDBC address (with the schema), user
	 * and password.
	 */
	public static Postgres postgres() {
		String url = System.getenv("TRIAGE_TEST_POSTGRES_URL");
		if (url == null || url.isBlank()) {
			String message = "TRIAGE_TEST_POSTGRES_URL is not set: the PostgreSQL tests need a server "
					+ "(.ci/run starts one; by hand: eval \"$(.ci/postgres.sh start /tmp/pg)\")";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
		String user = System.getenv("TRIAGE_TEST_POSTGRES_USER");
		String password = System.getenv("TRIAGE_TEST_POSTGRES_PASSWORD");
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the test PostgreSQL at " + url, ex);
		}
		return new Postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
	}

	/** A PostgreSQL schema to connect to. */
	public record Postgres(String url, String user, String password) {

		/**
		 * The address with the credentials in it, for the commands, which take no
		 * password option.
		 */
		public String urlWithCredentials() {
			return this.url + "&user=" + this.user + "&password=" + this.password;
		}

	}

}
