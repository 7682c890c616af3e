package dk.model3.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DailyFileAppenderTests {

	@TempDir
	Path directory;

	@Test
	void makesEachLineReadableAsSoonAsItIsAppended() throws Exception {
		DailyFileAppender appender = new DailyFileAppender(this.directory, fixed("2024-03-01T10:00:00Z"), false);
		Path file = appender.append(line("first"));
		// read by another handle while the appender still holds the file open
		assertThat(Files.readAllLines(file)).containsExactly("first");
		appender.append(line("second"));
		assertThat(Files.readAllLines(file)).containsExactly("first", "second");
		appender.close();
	}

	@Test
	void startsANewFileEachDayInCopenhagen() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2024-03-01T22:30:00Z"));
		DailyFileAppender appender = new DailyFileAppender(this.directory, clock, true);
		Path first = appender.append(line("late on the first"));
		clock.now = Instant.parse("2024-03-01T23:30:00Z");
		Path second = appender.append(line("just after midnight in Copenhagen"));
		appender.close();
		assertThat(first.getFileName()).hasToString("decisions-2024-03-01.jsonl");
		assertThat(second.getFileName()).hasToString("decisions-2024-03-02.jsonl");
		assertThat(Files.readAllLines(first)).containsExactly("late on the first");
		assertThat(Files.readAllLines(second)).containsExactly("just after midnight in Copenhagen");
	}

	@Test
	void appendsToTheDaysFileAfterARestart() throws Exception {
		Clock clock = fixed("2024-03-01T10:00:00Z");
		DailyFileAppender before = new DailyFileAppender(this.directory, clock, false);
		before.append(line("before"));
		before.close();
		DailyFileAppender after = new DailyFileAppender(this.directory, clock, false);
		Path file = after.append(line("after"));
		after.close();
		assertThat(Files.readAllLines(file)).containsExactly("before", "after");
		assertThat(DailyFileAppender.file(this.directory, LocalDate.of(2024, 3, 1))).isEqualTo(file);
	}

	@Test
	void keepsTheFileToTheServicesUser() throws Exception {
		DailyFileAppender appender = new DailyFileAppender(this.directory, fixed("2024-03-01T10:00:00Z"), false);
		Path file = appender.append(line("x"));
		appender.close();
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
				.isEqualTo("rw-------");
		}
	}

	private static byte[] line(String text) {
		return (text + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static Clock fixed(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/Copenhagen"));
	}

	static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Europe/Copenhagen");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
