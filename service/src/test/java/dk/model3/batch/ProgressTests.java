package dk.model3.batch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

	@Test
	void printsPlainLinesWithCountRateAndShareOffATerminal() {
		Progress progress = new Progress(this.out, Progress.Mode.LINES, 1000, () -> 500, 0);
		progress.update(1234);
		assertThat(this.bytes.toString(StandardCharsets.UTF_8))
			.matches("(?s)batch: 1,234 lines, [\\d,]+ lines/s, 50% of input read, time left \\d+:\\d\\d\\R");
	}

	@Test
	void redrawsABarInPlaceOnATerminalAndEndsTheLineWhenDone() {
		Progress progress = new Progress(this.out, Progress.Mode.BAR, 1000, () -> 250, 0);
		progress.update(10);
		progress.finish(40);
		String printed = this.bytes.toString(StandardCharsets.UTF_8);
		assertThat(printed).startsWith("\r[########")
			.contains(" 25% 10 lines")
			.contains("100% 40 lines")
			.endsWith("\n");
	}

	@Test
	void staysSilentWhenAskedTo() {
		Progress progress = new Progress(this.out, Progress.Mode.NONE, 1000, () -> 250, 0);
		progress.update(10);
		progress.finish(10);
		assertThat(this.bytes.size()).isZero();
	}

}
