package dk.model3.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The data directory ({@code triage.data-dir}), for the service's user only: the first to
 * ask for it has it created owner-only, or checked that it is. The records, the decision
 * log's key, the repository of versions and the followed copy of a shared one live there,
 * and which of them writes first depends on the order the beans are made in.
 */
@Component
public class DataDirectory {

	private final Path path;

	private volatile boolean checked;

	DataDirectory(DataDirectoryProperties properties) {
		this.path = Path.of(properties.dataDir()).toAbsolutePath().normalize();
	}

	/** The folder, created owner-only if it was not there. */
	public Path path() {
		if (!this.checked) {
			synchronized (this) {
				try {
					PrivateFiles.directory(this.path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot create the data directory " + this.path, ex);
				}
				this.checked = true;
			}
		}
		return this.path;
	}

}
