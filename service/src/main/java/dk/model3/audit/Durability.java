package dk.model3.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What makes a commit outlive a killed process. PostgreSQL writes its log at commit; the
 * embedded H2 writes committed rows to its file only every half second unless asked, so
 * after each commit it is told to write them ({@code CHECKPOINT}): a killed service then
 * loses no answered decision (not a power cut: that needs PostgreSQL, or H2's
 * {@code CHECKPOINT SYNC}).
 */
final class Durability {

	private final JdbcClient jdbc;

	private final boolean embedded;

	Durability(JdbcClient jdbc, boolean embedded) {
		this.jdbc = jdbc;
		this.embedded = embedded;
	}

	/** Call after a commit, before anything that relies on it is answered. */
	void committed() {
		if (this.embedded) {
			this.jdbc.sql("CHECKPOINT").update();
		}
	}

	boolean embedded() {
		return this.embedded;
	}

}
