package dk.model3.batch;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Tells how far a run is: a bar with count, rate and time left that redraws in place on
 * an interactive terminal, plain lines at an interval otherwise (logs, CI). The share
 * done is the share of the input file read from disk, so it works for gzip too.
 */
final class Progress {

	enum Mode {

		BAR, LINES, NONE

	}

	private final PrintStream out;

	private final Mode mode;

	private final long totalBytes;

	private final LongSupplier bytesRead;

	private final long intervalNanos;

	private final long start = System.nanoTime();

	private long last = this.start;

	Progress(PrintStream out, Mode mode, long totalBytes, LongSupplier bytesRead, long intervalMillis) {
		this.out = out;
		this.mode = mode;
		this.totalBytes = totalBytes;
		this.bytesRead = bytesRead;
		this.intervalNanos = intervalMillis * 1_000_000L;
	}

	static Mode auto() {
		return (System.console() != null) ? Mode.BAR : Mode.LINES;
	}

	void update(long lines) {
		long now = System.nanoTime();
		if (this.mode == Mode.NONE || now - this.last < this.intervalNanos) {
			return;
		}
		this.last = now;
		print(lines, now, false);
	}

	void finish(long lines) {
		if (this.mode != Mode.NONE) {
			print(lines, System.nanoTime(), true);
		}
	}

	private void print(long lines, long now, boolean done) {
		double seconds = Math.max(1e-9, (now - this.start) / 1e9);
		double rate = lines / seconds;
		double share = done ? 1.0
				: (this.totalBytes > 0) ? Math.min(1.0, (double) this.bytesRead.getAsLong() / this.totalBytes) : 0;
		String left = (share > 0 && !done) ? duration(seconds * (1 - share) / share) : "-";
		if (this.mode == Mode.BAR) {
			int width = 30;
			int filled = (int) Math.round(share * width);
			this.out.printf("\r[%s%s] %3.0f%% %,d lines %,.0f/s left %s   ", "#".repeat(filled),
					".".repeat(width - filled), share * 100, lines, rate, left);
			if (done) {
				this.out.println();
			}
		}
		else {
			this.out.printf("batch: %,d lines, %,.0f lines/s, %.0f%% of input read, time left %s%n", lines, rate,
					share * 100, left);
		}
		this.out.flush();
	}

	private static String duration(double seconds) {
		long s = Math.round(seconds);
		return (s >= 3600) ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
				: String.format("%d:%02d", s / 60, s % 60);
	}

}
