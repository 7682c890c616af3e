package dk.model3.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for one chunk's output; unsynchronised, as each chunk is built
 * by one thread and written by another only after it is complete.
 */
final class Bytes {

	private byte[] bytes;

	private int length;

	Bytes(int capacity) {
		this.bytes = new byte[capacity];
	}

	void append(byte[] more) {
		ensure(more.length);
		System.arraycopy(more, 0, this.bytes, this.length, more.length);
		this.length += more.length;
	}

	void append(byte b) {
		ensure(1);
		this.bytes[this.length++] = b;
	}

	/** Appends text known to be ASCII (case references and ISO dates). */
	void appendAscii(String text) {
		ensure(text.length());
		for (int i = 0; i < text.length(); i++) {
			this.bytes[this.length++] = (byte) text.charAt(i);
		}
	}

	int length() {
		return this.length;
	}

	void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes, 0, this.length);
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

}
