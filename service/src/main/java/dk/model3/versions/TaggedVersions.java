package dk.model3.versions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The publication tags of a repository of versions, each with its version folder's files
 * at the tagged commit, read as the rule loader reads a folder on disk: only the names a
 * version has, only regular files, UTF-8, at most 1 MiB. What is not read is a problem of
 * the publication, never an exception.
 */
final class TaggedVersions {

	private TaggedVersions() {
	}

	static List<Publication> of(Repository repository) throws IOException {
		List<Publication> publications = new ArrayList<>();
		for (Ref ref : repository.getRefDatabase().getRefsByPrefix(VersionStore.PUBLISHED)) {
			String id = ref.getName().substring(VersionStore.PUBLISHED.length());
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

}
