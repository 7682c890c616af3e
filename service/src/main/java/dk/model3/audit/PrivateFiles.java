package dk.model3.audit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The decision log's folder and files are the service user's alone: a folder is created
 * 0700 and a file 0600, a folder or file that others may read is refused, and a symbolic
 * link is never followed (it could point the log, or the key, somewhere others read).
 */
final class PrivateFiles {

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private PrivateFiles() {
	}

	static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/** Creates the folder owner-only, or checks that the existing one is. */
	static void directory(Path directory) throws IOException {
		if (Files.isSymbolicLink(directory)) {
			throw new UnsafeFile(directory + " is a symbolic link; give the real folder instead");
		}
		if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
			Path parent = directory.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			if (posix()) {
				Files.createDirectory(directory,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectory(directory);
			}
			return;
		}
		if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new UnsafeFile(directory + " is not a folder");
		}
		checkOwnerOnly(directory, "700");
	}

	/** Checks an existing file: a regular file, not a link, for its owner only. */
	static void file(Path file) throws IOException {
		if (Files.isSymbolicLink(file)) {
			throw new UnsafeFile(file + " is a symbolic link; the decision log never follows links");
		}
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new UnsafeFile(file + " is not a regular file");
		}
		checkOwnerOnly(file, "600");
	}

	private static void checkOwnerOnly(Path path, String mode) throws IOException {
		if (!posix()) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
		if (permissions.stream().anyMatch(OTHERS::contains)) {
			throw new UnsafeFile(path + " can be read or changed by others ("
					+ PosixFilePermissions.toString(permissions) + "): the decision log and its key are for the "
					+ "service's user only; run chmod " + mode + " " + path);
		}
	}

	/** A decision-log folder or file others could read, or a link. */
	static final class UnsafeFile extends IllegalStateException {

		UnsafeFile(String message) {
			super(message);
		}

	}

}
