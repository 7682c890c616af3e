package dk.model3.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte buffer for one chunk's output, kept as a list of 64 KiB blocks: it never copies
 * what it holds to grow, and never asks the garbage collector for one huge array (a chunk
 * of responses runs to megabytes, which G1 would allocate as humongous objects).
 * Unsynchronised: each chunk is built by one thread and written by another only after it
 * is complete.
 */
final class Bytes {

	private static final int BLOCK = 1 << 16;

	private final List<byte[]> full = new ArrayList<>();

	private byte[] block;

	private int position;

	private long length;

	Bytes(int capacity) {
		this.block = new byte[Math.min(Math.max(capacity, 256), BLOCK)];
	}

	void append(byte[] more) {
		int offset = 0;
		while (offset < more.length) {
			if (this.position == this.block.length) {
				next();
			}
			int n = Math.min(more.length - offset, this.block.length - this.position);
			System.arraycopy(more, offset, this.block, this.position, n);
			this.position += n;
			offset += n;
		}
		this.length += more.length;
	}

	void append(byte b) {
		if (this.position == this.block.length) {
			next();
		}
		this.block[this.position++] = b;
		this.length++;
	}

	/** Appends text known to be ASCII (case references and ISO dates). */
	void appendAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			append((byte) text.charAt(i));
		}
	}

	long length() {
		return this.length;
	}

	/** Drops what was appended after the text was this long. */
	void truncate(long to) {
		if (to < 0 || to > this.length) {
			throw new IllegalArgumentException("cannot truncate " + this.length + " bytes to " + to);
		}
		long drop = this.length - to;
		while (drop > this.position) {
			drop -= this.position;
			this.length -= this.position;
			this.block = this.full.remove(this.full.size() - 1);
			this.position = this.block.length;
		}
		this.position -= (int) drop;
		this.length -= drop;
	}

	void writeTo(OutputStream out) throws IOException {
		for (byte[] each : this.full) {
			out.write(each);
		}
		out.write(this.block, 0, this.position);
	}

	private void next() {
		this.full.add(this.block);
		this.block = new byte[BLOCK];
		this.position = 0;
	}

}
