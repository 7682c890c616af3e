package dk.model3.batch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An input file: JSON Lines or CSV by its name ({@code .csv}, {@code .csv.gz} are CSV;
 * anything else JSON Lines), gzipped when it starts with the gzip magic bytes. Counts the
 * bytes read from disk so progress can be told for compressed files too.
 */
final class InputFile {

	enum Format {

		JSONL, CSV

	}

	private final Path path;

	private final Format format;

	private final long size;

	private final Counting counting;

	private final InputStream stream;

	private InputFile(Path path, Format format, long size, Counting counting, InputStream stream) {
		this.path = path;
		this.format = format;
		this.size = size;
		this.counting = counting;
		this.stream = stream;
	}

	static InputFile open(Path path, Format forced) throws IOException {
		return read(path, forced, Files.size(path), Files.newInputStream(path));
	}

	/** The input named path, from a stream of its bytes (gzipped or not). */
	static InputFile read(Path path, Format forced, long size, InputStream bytes) throws IOException {
		String name = path.getFileName().toString().toLowerCase();
		Format format = (forced != null) ? forced
				: name.replaceAll("\\.gz$", "").endsWith(".csv") ? Format.CSV : Format.JSONL;
		Counting counting = new Counting(bytes);
		BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
		buffered.mark(2);
		int b1 = buffered.read();
		int b2 = buffered.read();
		buffered.reset();
		InputStream stream = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
		return new InputFile(path, format, size, counting, stream);
	}

	Path path() {
		return this.path;
	}

	Format format() {
		return this.format;
	}

	/** Bytes on disk. */
	long size() {
		return this.size;
	}

	/** Bytes read from disk so far. */
	long bytesRead() {
		return this.counting.count;
	}

	InputStream stream() {
		return this.stream;
	}

	private static final class Counting extends FilterInputStream {

		private volatile long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
