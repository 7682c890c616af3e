package dk.model3.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A byte buffer for one chunk's output, kept as a list of 128 KiB blocks: it never copies
 * what it holds to grow, and never asks the garbage collector for one huge array (a chunk
 * of responses runs to megabytes, which G1 would allocate as humongous objects). The
 * blocks come from a {@link Blocks} pool and go back to it once written: a million
 * responses are 4.4 GB, and allocating (and zeroing) that much cost more than writing it.
 * Unsynchronised: each chunk is built by one thread and written by another only after it
 * is complete.
 */
final class Bytes {

	/**
	 * As large as the output streams' buffer, so a full block is written without a copy.
	 */
	static final int BLOCK = 1 << 17;

	private final Blocks blocks;

	private final List<byte[]> full = new ArrayList<>();

	private byte[] block;

	private int position;

	private long length;

	/** A small buffer that grows by blocks of its own. */
	Bytes(int capacity) {
		this.blocks = null;
		this.block = new byte[Math.min(Math.max(capacity, 256), BLOCK)];
	}

	/** A buffer of pooled blocks; {@link #release()} returns them. */
	Bytes(Blocks blocks) {
		this.blocks = blocks;
		this.block = blocks.take();
	}

	void append(byte[] more) {
		int n = more.length;
		if (n <= this.block.length - this.position) {
			System.arraycopy(more, 0, this.block, this.position, n);
			this.position += n;
			this.length += n;
			return;
		}
		int offset = 0;
		while (offset < n) {
			if (this.position == this.block.length) {
				next();
			}
			int part = Math.min(n - offset, this.block.length - this.position);
			System.arraycopy(more, offset, this.block, this.position, part);
			this.position += part;
			offset += part;
		}
		this.length += n;
	}

	void append(byte b) {
		if (this.position == this.block.length) {
			next();
		}
		this.block[this.position++] = b;
		this.length++;
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
			if (this.blocks != null) {
				this.blocks.give(this.block);
			}
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

	/** Gives the blocks back to the pool; the buffer is not used after this. */
	void release() {
		if (this.blocks == null) {
			return;
		}
		for (byte[] each : this.full) {
			this.blocks.give(each);
		}
		this.full.clear();
		this.blocks.give(this.block);
		this.block = null;
	}

	private void next() {
		this.full.add(this.block);
		this.block = (this.blocks != null) ? this.blocks.take() : new byte[BLOCK];
		this.position = 0;
	}

	/**
	 * Blocks that have been written, for the next chunks. Bounded: past {@code max} spare
	 * blocks, a returned block is left to the garbage collector.
	 */
	static final class Blocks {

		private final BlockingQueue<byte[]> spare;

		Blocks(int max) {
			this.spare = new ArrayBlockingQueue<>(Math.max(max, 1));
		}

		byte[] take() {
			byte[] block = this.spare.poll();
			return (block != null) ? block : new byte[BLOCK];
		}

		void give(byte[] block) {
			if (block.length == BLOCK) {
				this.spare.offer(block);
			}
		}

	}

}
