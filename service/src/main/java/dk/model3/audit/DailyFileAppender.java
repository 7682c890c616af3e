package dk.model3.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Appends lines to {@code decisions-YYYY-MM-DD.jsonl}, a new file each day. Each line
 * goes to the operating system in one write before {@link #append} returns, with no
 * buffer in this process: a killed process loses at most a line still being written,
 * never one written. With {@code fsync} each line is also forced to the disk.
 */
final class DailyFileAppender implements Closeable {

	static final String PREFIX = "decisions-";

	static final String SUFFIX = ".jsonl";

	private final Path directory;

	private final Clock clock;

	private final boolean fsync;

	private LocalDate day;

	private FileChannel channel;

	DailyFileAppender(Path directory, Clock clock, boolean fsync) throws IOException {
		this.directory = directory;
		this.clock = clock;
		this.fsync = fsync;
		PrivateFiles.directory(directory);
	}

	static Path file(Path directory, LocalDate day) {
		return directory.resolve(PREFIX + day + SUFFIX);
	}

	/** The day a log file is for, or null when the name is not a log file's. */
	static LocalDate day(Path file) {
		String name = file.getFileName().toString();
		if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
			return null;
		}
		try {
			return LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	synchronized Path append(byte[] line) throws IOException {
		LocalDate today = LocalDate.now(this.clock);
		if (this.channel == null || !today.equals(this.day)) {
			open(today);
		}
		ByteBuffer buffer = ByteBuffer.wrap(line);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		if (this.fsync) {
			this.channel.force(false);
		}
		return file(this.directory, this.day);
	}

	private void open(LocalDate today) throws IOException {
		if (this.channel != null) {
			this.channel.close();
		}
		Path file = file(this.directory, today);
		if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
			PrivateFiles.file(file);
		}
		else if (PrivateFiles.posix()) {
			// the log holds facts about vulnerable citizens: readable by the service's
			// user only
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
		this.day = today;
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.channel != null) {
			this.channel.close();
			this.channel = null;
		}
	}

}
