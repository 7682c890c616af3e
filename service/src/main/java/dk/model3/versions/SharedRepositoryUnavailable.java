package dk.model3.versions;

/**
 * The shared repository ({@code triage.versions.remote}) cannot be reached, so a write is
 * refused: a write that only this instance kept would be lost at the next fetch.
 */
public class SharedRepositoryUnavailable extends RuntimeException {

	SharedRepositoryUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
