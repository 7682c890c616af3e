package dk.model3.replicas;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.Publications;
import dk.model3.versions.RuleFileText;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * This instance's copy of the shared repository of rule versions: a bare repository that
 * fetches only {@code main} and the tags {@code published/*} from the remote (never
 * drafts), and reads the published versions out of it. Nothing is ever pushed from here.
 */
final class SharedRepository implements AutoCloseable {

	static final String MAIN = "main";

	private final Git git;

	private final String remote;

	private SharedRepository(Git git, String remote) {
		this.git = git;
		this.remote = remote;
	}

	/** Opens the local copy at {@code directory}, created empty on first use. */
	static SharedRepository open(Path directory, String remote) {
		try {
			Git git = Files.isDirectory(directory.resolve("objects")) ? Git.open(directory.toFile())
					: Git.init().setBare(true).setInitialBranch(MAIN).setDirectory(directory.toFile()).call();
			return new SharedRepository(git, remote);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException("cannot create " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Fetches {@code main} and the publication tags; throws when the remote cannot be
	 * read.
	 */
	void fetch() throws GitAPIException {
		boolean empty = this.git.lsRemote()
			.setRemote(this.remote)
			.setHeads(true)
			.call()
			.stream()
			.noneMatch((ref) -> ref.getName().equals(Constants.R_HEADS + MAIN));
		if (empty) {
			return; // a new shared repository: nothing published yet
		}
		this.git.fetch()
			.setRemote(this.remote)
			.setRefSpecs(new RefSpec("+refs/heads/" + MAIN + ":refs/heads/" + MAIN),
					new RefSpec(
							"+refs/tags/" + Publications.TAG_PREFIX + "*:refs/tags/" + Publications.TAG_PREFIX + "*"))
			.setTagOpt(TagOpt.NO_TAGS)
			.call();
	}

	/**
	 * Every publication tag, with the files of its version folder at the tagged commit.
	 */
	List<Publication> publications() throws IOException {
		Repository repository = this.git.getRepository();
		List<Publication> publications = new ArrayList<>();
		for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + Publications.TAG_PREFIX)) {
			String id = ref.getName().substring((Constants.R_TAGS + Publications.TAG_PREFIX).length());
			try (RevWalk walk = new RevWalk(repository)) {
				RevObject tagged = walk.parseAny(ref.getObjectId());
				String checksum = (tagged instanceof RevTag tag)
						? Publications.field(tag.getFullMessage(), "checksum").orElse(null) : null;
				RevObject peeled = walk.peel(tagged);
				RuleVersionFiles files = (peeled instanceof RevCommit commit) ? folder(repository, commit.getTree(), id)
						: new RuleVersionFiles(id, Map.of(),
								List.of(new RuleProblem(id, 0, 0, "tag " + ref.getName() + " does not name a commit")));
				publications.add(new Publication(id, ref.getObjectId().name(), checksum, files));
			}
		}
		return publications;
	}

	/**
	 * A file at the top of {@code main} ({@code sources.yaml}, {@code completeness.log});
	 * empty if absent.
	 */
	String mainFile(String name) throws IOException {
		Repository repository = this.git.getRepository();
		ObjectId main = repository.resolve(Constants.R_HEADS + MAIN);
		if (main == null) {
			return "";
		}
		try (RevWalk walk = new RevWalk(repository);
				TreeWalk file = TreeWalk.forPath(repository, name, walk.parseCommit(main).getTree())) {
			if (file == null || file.getFileMode(0) != FileMode.REGULAR_FILE) {
				return "";
			}
			return new String(repository.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
		}
	}

	// the version folder's files as the rule loader reads them from a disk folder: only
	// the
	// names a version has, only regular files, UTF-8, at most 1 MiB
	private static RuleVersionFiles folder(Repository repository, RevTree tree, String id) throws IOException {
		Map<String, String> files = new HashMap<>();
		List<RuleProblem> problems = new ArrayList<>();
		try (TreeWalk folder = TreeWalk.forPath(repository, id, tree)) {
			if (folder == null || !folder.isSubtree()) {
				return new RuleVersionFiles(id, Map.of(),
						List.of(new RuleProblem(id, 0, 0, "the tagged commit has no folder " + id)));
			}
			try (TreeWalk entries = new TreeWalk(repository)) {
				entries.addTree(folder.getObjectId(0));
				entries.setRecursive(false);
				while (entries.next()) {
					String name = entries.getNameString();
					if (!RuleVersionFiles.isVersionFile(name)) {
						continue;
					}
					String problem = read(repository, entries, name, files);
					if (problem != null) {
						problems.add(new RuleProblem(id + "/" + name, 0, 0, problem));
					}
				}
			}
		}
		return new RuleVersionFiles(id, files, problems);
	}

	private static String read(Repository repository, TreeWalk entry, String name, Map<String, String> files)
			throws IOException {
		FileMode mode = entry.getFileMode(0);
		if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
			return "is not a regular file";
		}
		ObjectLoader loader = repository.open(entry.getObjectId(0));
		String tooLarge = RuleFileText.sizeRefusal(loader.getSize());
		if (tooLarge != null) {
			return tooLarge;
		}
		String text = RuleFileText.utf8(loader.getBytes());
		if (text == null) {
			return RuleFileText.NOT_UTF8;
		}
		files.put(name, text);
		return null;
	}

	File directory() {
		return this.git.getRepository().getDirectory();
	}

	@Override
	public void close() {
		this.git.close();
	}

}
