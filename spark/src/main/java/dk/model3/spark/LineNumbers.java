package dk.model3.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lines of a file before a split Spark read: the split starting at byte {@code s}
 * ({@code s > 0}) begins with the first line that starts after byte {@code s}, as
 * Hadoop's line reader splits, so the lines before it are the first line and one for each
 * line break before byte {@code s}. Counted on the driver, only for the splits that hold
 * a reject.
 */
final class LineNumbers {

	private LineNumbers() {
	}

	static long before(Configuration hadoop, String sparkPath, long blockStart) {
		if (blockStart == 0) {
			return 0;
		}
		try {
			Path path = new Path(new URI(sparkPath));
			FileSystem fs = path.getFileSystem(hadoop);
			long lines = 1;
			long left = blockStart;
			byte[] buffer = new byte[1 << 16];
			try (InputStream in = fs.open(path)) {
				while (left > 0) {
					int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
					if (read < 0) {
						break;
					}
					for (int i = 0; i < read; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
					left -= read;
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
