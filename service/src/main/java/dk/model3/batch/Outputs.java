package dk.model3.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one run, named after the output file ({@code out.jsonl} gives
 * {@code out.rejects.jsonl}, {@code out.summary.json}, {@code out.changed.jsonl},
 * {@code out.report.html}). Each is written under a {@code .partial} name and moved into
 * place only when the run completes, the summary last; a run that fails or is interrupted
 * deletes its partial files, and one that is killed leaves only files whose names say
 * they are partial.
 */
final class Outputs {

	private final Path output;

	private final Path base;

	private final Map<Path, Path> partials = new LinkedHashMap<>();

	private final List<OutputStream> open = new ArrayList<>();

	private volatile boolean committed;

	Outputs(Path output) {
		this.output = output.toAbsolutePath().normalize();
		String name = this.output.getFileName().toString().replaceAll("\\.(jsonl|json|ndjson)$", "");
		this.base = this.output.resolveSibling(name);
	}

	Path output() {
		return this.output;
	}

	Path rejects() {
		return sibling(".rejects.jsonl");
	}

	Path summary() {
		return sibling(".summary.json");
	}

	Path changed() {
		return sibling(".changed.jsonl");
	}

	Path report() {
		return sibling(".report.html");
	}

	/** Opens the partial file that becomes {@code target} on commit. */
	synchronized OutputStream open(Path target) throws IOException {
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		this.partials.put(partial, target);
		OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 17);
		this.open.add(stream);
		return stream;
	}

	/** Closes every file and moves each into place, in the order opened. */
	synchronized void commit() throws IOException {
		closeAll();
		for (Map.Entry<Path, Path> entry : this.partials.entrySet()) {
			Files.move(entry.getKey(), entry.getValue(), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		this.committed = true;
	}

	/** Deletes the partial files of a run that did not complete. */
	synchronized void abandon() {
		if (this.committed) {
			return;
		}
		try {
			closeAll();
		}
		catch (IOException ex) {
			// deleting is what matters
		}
		for (Path partial : this.partials.keySet()) {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ex) {
				// best effort: the name still says partial
			}
		}
	}

	private void closeAll() throws IOException {
		IOException failure = null;
		for (OutputStream stream : this.open) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		this.open.clear();
		if (failure != null) {
			throw failure;
		}
	}

	private Path sibling(String suffix) {
		return this.base.resolveSibling(this.base.getFileName() + suffix);
	}

}
