package dk.model3.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.Publications;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A shared repository of rule versions laid out as the workbench publishes them (see
 * docs/operations.md): a bare repository whose {@code main} holds a rules root, and an
 * annotated tag {@code published/<id>} per published version with a line
 * {@code checksum: sha256:...}, the checksum the rule loader computes. Publications are
 * made in a work tree beside it and pushed, as the workbench of one instance would.
 */
final class SharedRepositoryFixture implements AutoCloseable {

	private static final PersonIdent SERVICE = new PersonIdent("model3-service", "model3-service@localhost");

	final Path remote;

	final Path work;

	private final Git git;

	private SharedRepositoryFixture(Path remote, Path work, Git git) {
		this.remote = remote;
		this.work = work;
		this.git = git;
	}

	/**
	 * A shared repository with the repository's rules published, one commit and tag per
	 * version.
	 */
	static SharedRepositoryFixture withTheShippedVersions(Path root) throws Exception {
		Path remote = root.resolve("versions.git");
		Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
		Path work = RuleCopies.copy(root.resolve("work"));
		Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call();
		SharedRepositoryFixture fixture = new SharedRepositoryFixture(remote, work, git);
		for (RuleVersionFiles version : RuleFolders.inDirectory(work).versions()) {
			fixture.publish(version.folder());
		}
		return fixture;
	}

	/**
	 * Commits the version folder as it is in the work tree and tags it with its checksum.
	 */
	String publish(String version) throws Exception {
		String checksum = RuleFolders.readFolder(this.work.resolve(version)).checksum();
		return publish(version, checksum);
	}

	/** Commits the version folder and tags it, declaring the given checksum. */
	String publish(String version, String declaredChecksum) throws Exception {
		this.git.add().addFilepattern(".").call();
		this.git.commit().setAuthor(SERVICE).setCommitter(SERVICE).setMessage("Publish " + version).call();
		this.git.tag()
			.setName(Publications.TAG_PREFIX + version)
			.setAnnotated(true)
			.setTagger(SERVICE)
			.setMessage("Publish " + version + "\n\nchecksum: " + declaredChecksum
					+ "\nrequested-by: author\napproved-by: approver\n")
			.call();
		push();
		return declaredChecksum;
	}

	/** The checksum the rule loader computes for a version folder of the work tree. */
	String checksumOf(String version) {
		try {
			return RuleFolders.readFolder(this.work.resolve(version)).checksum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A new version copied from another, in force from another date; not yet published.
	 */
	Path copy(String from, String to, String inForceFrom) {
		Path source = this.work.resolve(from);
		Path target = this.work.resolve(to);
		try (Stream<Path> files = Files.list(source)) {
			Files.createDirectories(target);
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path descriptor = target.resolve(RuleVersionFiles.DESCRIPTOR);
		RuleCopies.edit(descriptor, "id: \"" + from + "\"", "id: \"" + to + "\"");
		try {
			String text = Files.readString(descriptor);
			Files.writeString(descriptor, text.replaceFirst("(?m)^inForceFrom: .*$", "inForceFrom: " + inForceFrom));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	private void push() throws GitAPIException {
		this.git.push()
			.setRemote(this.remote.toUri().toString())
			.setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main"),
					new RefSpec("refs/tags/published/*:refs/tags/published/*"))
			.call();
	}

	@Override
	public void close() {
		this.git.close();
	}

}
