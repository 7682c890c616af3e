package dk.model3.rules;

/**
 * A rule version kept firing rules for one profile past the limit: a rule that feeds
 * itself (each firing inserts a fact it matches again) never stops on its own. The
 * evaluation stops with this error instead of holding a thread for ever.
 */
public class FiringLimitExceeded extends RuntimeException {

	public FiringLimitExceeded(String version, int limit) {
		super("rule version " + version + " fired more than " + limit
				+ " rules for one profile; a rule that inserts what it matches never stops");
	}

}
