package dk.model3.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them: JSON lines go to the parser as
 * bytes. Accepts LF and CRLF; a final line without a break still counts, an empty end
 * after the last break does not. A line longer than the limit is cut off and marked, so
 * one runaway line can neither exhaust memory nor shift the numbering.
 */
final class LineReader {

	static final int MAX_LINE_BYTES = 1 << 20;

	private final InputStream in;

	private final byte[] buffer = new byte[1 << 16];

	private int position;

	private int limit;

	private long number;

	private boolean first = true;

	LineReader(InputStream in) {
		this.in = in;
	}

	/** The next line, or null at the end of the input. */
	Line next() throws IOException {
		byte[] line = new byte[256];
		int length = 0;
		boolean tooLong = false;
		boolean any = false;
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.in.read(this.buffer, 0, this.buffer.length);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					if (!any) {
						return null;
					}
					break;
				}
			}
			any = true;
			int start = this.position;
			int end = start;
			while (end < this.limit && this.buffer[end] != '\n') {
				end++;
			}
			int count = end - start;
			if (!tooLong) {
				if (length + count > MAX_LINE_BYTES) {
					tooLong = true;
				}
				else {
					if (length + count > line.length) {
						line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
					}
					System.arraycopy(this.buffer, start, line, length, count);
					length += count;
				}
			}
			if (end < this.limit) {
				this.position = end + 1;
				break;
			}
			this.position = this.limit;
		}
		if (length > 0 && line[length - 1] == '\r') {
			length--;
		}
		int offset = 0;
		if (this.first) {
			this.first = false;
			// a UTF-8 byte order mark, as spreadsheet programs write it
			if (length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
				offset = 3;
			}
		}
		this.number++;
		return new Line(this.number, Arrays.copyOfRange(line, offset, length), tooLong);
	}

}
