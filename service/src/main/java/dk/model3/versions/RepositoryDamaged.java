package dk.model3.versions;

import java.nio.file.Path;

/**
 * An object of the repository of versions cannot be read (a truncated or corrupt file
 * under {@code objects/}): the workbench stops, triage goes on from the served folder it
 * last activated. Names the repository and the object, so whoever repairs it knows where
 * to look; restart the service once it is repaired (or restored from a backup).
 */
public class RepositoryDamaged extends RuntimeException {

	private final Path repository;

	private final String object;

	RepositoryDamaged(Path repository, String object, Throwable cause) {
		super("The repository of versions " + repository + " is damaged: "
				+ ((object != null) ? "the object " + object + " cannot be read" : "an object cannot be read") + " ("
				+ cause.getMessage() + ")", cause);
		this.repository = repository;
		this.object = object;
	}

	// the same damage, thrown again where it is met next
	RepositoryDamaged(RepositoryDamaged first) {
		super(first.getMessage(), first.getCause());
		this.repository = first.repository;
		this.object = first.object;
	}

	public Path repository() {
		return this.repository;
	}

	/** The id of the first object found unreadable, or null when none could be named. */
	public String object() {
		return this.object;
	}

}
