package dk.model3.versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository of rule versions, a bare git repository written through JGit alone.
 * {@code main} holds a rules root (sources.yaml, completeness.log, one folder per
 * published version); a draft is the branch {@code drafts/<id>}; a publication is a merge
 * commit on {@code main} and an annotated tag {@code published/<id>}. Every write is one
 * commit authored by the person who made it, and moves its branch only if nobody moved it
 * meanwhile, so a publication is all or nothing. One instance writes at a time
 * (synchronized); the repository is the truth, nothing is cached.
 * <p>
 * With a remote (the shared repository of several instances) the remote is the truth: its
 * branches and publication tags are fetched before every read and write, and every write
 * is pushed without force. A push the remote rejects means another instance wrote first:
 * the write is refused ({@link WrittenElsewhere}) and never overwrites theirs.
 * <p>
 * An object that cannot be read (a damaged file under {@code objects/}) makes every call
 * from then on throw {@link RepositoryDamaged}, naming the repository and the object: the
 * workbench answers it as a problem, readiness shows it, and triage serves on from the
 * served folder. Repair the repository and restart.
 */
public final class VersionStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(VersionStore.class);

	public static final String MAIN = "refs/heads/main";

	public static final String DRAFTS = "refs/heads/drafts/";

	public static final String PUBLISHED = Constants.R_TAGS + Publications.TAG_PREFIX;

	private static final Pattern VERSION_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,31}");

	/** The author of the commits the service makes by itself (the seed). */
	public static final String SERVICE = "model3-service";

	/** One commit as history shows it. */
	public record Commit(String id, String author, Instant at, String message) {
	}

	private final Repository repository;

	private final String remote;

	// a copy that follows main and the publication tags only, and never writes
	private final boolean following;

	private volatile RepositoryDamaged damage;

	// inside reading(): the remote was fetched once for the whole read, not again per
	// call (guarded by this store's lock, which reading() holds throughout)
	private boolean fetched;

	private final AtomicLong fetches = new AtomicLong();

	public VersionStore(Path gitDirectory, String remote) {
		this(gitDirectory, remote, false);
	}

	/**
	 * This instance's copy of a shared repository that it follows: {@code main} and the
	 * publication tags are fetched, never the drafts, and nothing is ever written or
	 * pushed from it.
	 */
	public static VersionStore following(Path gitDirectory, String remote) {
		return new VersionStore(gitDirectory, remote, true);
	}

	private VersionStore(Path gitDirectory, String remote, boolean following) {
		this.remote = (remote == null || remote.isBlank()) ? null : remote;
		this.following = following;
		try {
			this.repository = FileRepositoryBuilder.create(gitDirectory.toFile());
			if (!this.repository.getObjectDatabase().exists()) {
				this.repository.create(true);
				// a fresh repository's HEAD names master; ours is main
				RefUpdate head = this.repository.updateRef(Constants.HEAD);
				head.disableRefLog();
				head.link(MAIN);
			}
			// the automatic gc that follows a fetch runs here, not on a thread of its own
			// that outlives the call
			this.repository.getConfig().setBoolean("gc", null, "autoDetach", false);
			this.repository.getConfig().save();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the repository of versions " + gitDirectory, ex);
		}
	}

	public Path directory() {
		return this.repository.getDirectory().toPath();
	}

	/** The damage found in the repository, if an object could not be read. */
	public Optional<RepositoryDamaged> damage() {
		return Optional.ofNullable(this.damage);
	}

	public synchronized boolean hasMain() {
		refresh();
		return head(MAIN) != null;
	}

	/** Every file on {@code main}, by path. */
	public synchronized Map<String, String> mainFiles() {
		refresh();
		return files(head(MAIN), "");
	}

	/** The version folders on {@code main}: the published versions. */
	public synchronized Set<String> publishedVersions() {
		refresh();
		Set<String> versions = new TreeSet<>();
		for (String path : files(head(MAIN), "").keySet()) {
			int slash = path.indexOf('/');
			if (slash > 0) {
				versions.add(path.substring(0, slash));
			}
		}
		return versions;
	}

	/**
	 * The message of the tag {@code published/<version>}, if the version was published.
	 */
	public synchronized Optional<String> publication(String version) {
		refresh();
		try (RevWalk walk = new RevWalk(this.repository)) {
			Ref ref = this.repository.exactRef(publishedRef(version));
			if (ref == null) {
				return Optional.empty();
			}
			RevObject object = walk.parseAny(ref.getObjectId());
			return Optional.of((object instanceof RevTag tag) ? tag.getFullMessage() : "");
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	/** The ids of the drafts (branches {@code drafts/<id>}). */
	public synchronized List<String> drafts() {
		refresh();
		try {
			return this.repository.getRefDatabase()
				.getRefsByPrefix(DRAFTS)
				.stream()
				.map((ref) -> ref.getName().substring(DRAFTS.length()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public synchronized boolean hasDraft(String id) {
		refresh();
		return head(draftRef(id)) != null;
	}

	/** Fetches from the remote since start: the metric triage.versions.fetches. */
	public long fetches() {
		return this.fetches.get();
	}

	/**
	 * Runs several reads as one: the remote is fetched once, before them, and every read
	 * inside sees the same branches and tags (a draft's view reads its state, files and
	 * checks; with a remote that was seven fetches). Writes are not allowed inside.
	 */
	public synchronized <T> T reading(Supplier<T> reads) {
		if (this.fetched) {
			return reads.get();
		}
		refresh();
		this.fetched = true;
		try {
			return reads.get();
		}
		finally {
			this.fetched = false;
		}
	}

	/**
	 * Fetches the remote, then runs reads against what was fetched; unlike
	 * {@link #reading}, a remote that cannot be read is not read around but thrown
	 * ({@link SharedRepositoryUnavailable}): a follower must know it saw nothing new.
	 */
	public synchronized <T> T fetchedThenRead(Supplier<T> reads) {
		sync();
		this.fetched = true;
		try {
			return reads.get();
		}
		finally {
			this.fetched = false;
		}
	}

	/**
	 * Every publication tag, with the files of its version folder at the tagged commit; a
	 * file that is not read (not regular, too large, not UTF-8) is a problem of its
	 * publication.
	 */
	public synchronized List<Publication> publications() {
		refresh();
		try {
			return TaggedVersions.of(this.repository);
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	/** A file at the top of {@code main} ({@code sources.yaml}, …); empty if absent. */
	public synchronized String mainFile(String name) {
		refresh();
		ObjectId main = head(MAIN);
		if (main == null) {
			return "";
		}
		try (ObjectReader reader = this.repository.newObjectReader();
				RevWalk walk = new RevWalk(reader);
				TreeWalk file = TreeWalk.forPath(reader, name, walk.parseCommit(main).getTree())) {
			return (file == null || file.getFileMode(0) != FileMode.REGULAR_FILE) ? ""
					: new String(reader.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	/** The files of a draft's branch under a folder ({@code ""} for all), by path. */
	public synchronized Map<String, String> draftFiles(String id, String folder) {
		refresh();
		ObjectId head = head(draftRef(id));
		if (head == null) {
			throw new IllegalArgumentException("no draft " + id);
		}
		return files(head, folder);
	}

	/**
	 * Commits files on {@code main} as the service: used once, to seed an empty
	 * repository, and tags each of the given versions as published.
	 */
	public synchronized void commitToMain(Map<String, String> put, String message, Map<String, String> tags) {
		requireWritable();
		sync();
		ObjectId old = head(MAIN);
		ObjectId commit = write(old, put, Set.of(), (old != null) ? List.of(old) : List.of(), SERVICE, message);
		move(MAIN, old, commit);
		push(MAIN, old);
		tags.forEach((version, tagMessage) -> {
			tag(version, commit, SERVICE, tagMessage);
			push(publishedRef(version), null);
		});
	}

	/** Starts the branch {@code drafts/<id>} from {@code main} with these files added. */
	public synchronized void createDraft(String id, Map<String, String> put, String author, String message) {
		requireWritable();
		sync();
		if (head(draftRef(id)) != null) {
			throw new IllegalStateException("the draft " + id + " exists");
		}
		ObjectId main = head(MAIN);
		ObjectId commit = write(main, put, Set.of(), List.of(main), author, draftPrefix(id) + message);
		move(draftRef(id), null, commit);
		push(draftRef(id), null);
	}

	/** One commit on a draft's branch, by its author. */
	public synchronized void commitToDraft(String id, Map<String, String> put, Set<String> remove, String author,
			String message) {
		requireWritable();
		sync();
		ObjectId old = head(draftRef(id));
		if (old == null) {
			throw new IllegalArgumentException("no draft " + id);
		}
		ObjectId commit = write(old, put, remove, List.of(old), author, draftPrefix(id) + message);
		move(draftRef(id), old, commit);
		push(draftRef(id), old);
	}

	/**
	 * Publishes a draft: one merge commit on {@code main} (parents: {@code main} and the
	 * draft) whose tree is {@code main}'s plus the draft's version folder and the given
	 * root files, and the annotated tag {@code published/<id>}. {@code main} and the tag
	 * move together or not at all, here (one atomic ref update) and on a remote (one
	 * atomic push; a refused or failed push undoes both here): a reader never sees a
	 * version on {@code main} without its tag. {@code main} moves only if nobody
	 * published meanwhile.
	 * @return the commit id on {@code main}
	 */
	public synchronized String publish(String id, Map<String, String> rootFiles, String publisher, String message,
			String tagMessage) {
		requireWritable();
		sync();
		ObjectId draft = head(draftRef(id));
		ObjectId main = head(MAIN);
		if (draft == null || main == null) {
			throw new IllegalArgumentException("no draft " + id);
		}
		if (head(publishedRef(id)) != null) {
			throw new IllegalStateException("version " + id + " is published already");
		}
		Map<String, String> put = new TreeMap<>(rootFiles);
		files(draft, id + "/").forEach(put::put);
		Set<String> remove = new TreeSet<>(files(main, id + "/").keySet());
		remove.removeAll(put.keySet());
		ObjectId commit = write(main, put, remove, List.of(main, draft), publisher, message);
		ObjectId tag = tagObject(id, commit, publisher, tagMessage);
		Map<String, ObjectId[]> moves = new TreeMap<>();
		moves.put(MAIN, new ObjectId[] { main, commit });
		moves.put(publishedRef(id), new ObjectId[] { null, tag });
		moveTogether(moves);
		push(moves);
		return commit.name();
	}

	/**
	 * The commits of a draft's branch since it left {@code main}, newest first: each
	 * message of a draft starts with {@code [<id>]}.
	 */
	public synchronized List<Commit> draftHistory(String id) {
		refresh();
		ObjectId head = head(draftRef(id));
		List<Commit> commits = new ArrayList<>();
		try (RevWalk walk = new RevWalk(this.repository)) {
			RevCommit commit = (head != null) ? walk.parseCommit(head) : null;
			while (commit != null && commit.getFullMessage().startsWith(draftPrefix(id))) {
				commits.add(new Commit(commit.name(), commit.getAuthorIdent().getName(),
						commit.getAuthorIdent().getWhenAsInstant(), commit.getShortMessage()));
				commit = (commit.getParentCount() > 0) ? walk.parseCommit(commit.getParent(0)) : null;
			}
			return commits;
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	// a branch or tag name only for a plain version id (letters, digits, '.', '-', '_'),
	// one git takes as a ref name: a caller's check of the id is not the only one
	private static String draftRef(String id) {
		return checkedRef(DRAFTS, id);
	}

	private static String publishedRef(String version) {
		return checkedRef(PUBLISHED, version);
	}

	private static String checkedRef(String prefix, String id) {
		if (id == null || !VERSION_ID.matcher(id).matches() || !Repository.isValidRefName(prefix + id)) {
			throw new IllegalArgumentException("not a version id: " + id);
		}
		return prefix + id;
	}

	/** How every commit message of a draft begins. */
	public static String draftPrefix(String id) {
		return "[" + id + "] ";
	}

	private void tag(String version, ObjectId commit, String tagger, String message) {
		move(publishedRef(version), null, tagObject(version, commit, tagger, message));
	}

	private ObjectId tagObject(String version, ObjectId commit, String tagger, String message) {
		try (ObjectInserter inserter = this.repository.newObjectInserter()) {
			TagBuilder tag = new TagBuilder();
			tag.setTag(Publications.TAG_PREFIX + version);
			tag.setObjectId(commit, Constants.OBJ_COMMIT);
			tag.setTagger(person(tagger));
			tag.setMessage(message.endsWith("\n") ? message : message + "\n");
			ObjectId tagId = inserter.insert(tag);
			inserter.flush();
			return tagId;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// every ref from its expected old value ([0], null for none) to its new one ([1]), in
	// one atomic update: all move or none
	private void moveTogether(Map<String, ObjectId[]> moves) {
		BatchRefUpdate batch = this.repository.getRefDatabase().newBatchUpdate().setAtomic(true);
		batch.setRefLogMessage("workbench", false);
		moves.forEach((ref, move) -> batch
			.addCommand(new ReceiveCommand((move[0] != null) ? move[0] : ObjectId.zeroId(), move[1], ref)));
		try (RevWalk walk = new RevWalk(this.repository)) {
			batch.execute(walk, NullProgressMonitor.INSTANCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> refused = batch.getCommands()
			.stream()
			.filter((command) -> command.getResult() != ReceiveCommand.Result.OK)
			.map((command) -> command.getRefName() + " " + command.getResult())
			.toList();
		if (!refused.isEmpty()) {
			throw new IllegalStateException("cannot move " + refused + "; nothing was moved");
		}
	}

	// a new commit: the tree of base with files put and removed
	private ObjectId write(ObjectId base, Map<String, String> put, Set<String> remove, List<ObjectId> parents,
			String author, String message) {
		try (ObjectInserter inserter = this.repository.newObjectInserter();
				ObjectReader reader = this.repository.newObjectReader()) {
			Map<String, ObjectId> tree = new TreeMap<>();
			if (base != null) {
				try (RevWalk walk = new RevWalk(reader); TreeWalk treeWalk = new TreeWalk(reader)) {
					treeWalk.addTree(walk.parseCommit(base).getTree());
					treeWalk.setRecursive(true);
					while (treeWalk.next()) {
						tree.put(treeWalk.getPathString(), treeWalk.getObjectId(0));
					}
				}
				catch (IOException ex) {
					throw damaged(ex);
				}
			}
			remove.forEach(tree::remove);
			put.forEach((path, text) -> {
				try {
					tree.put(path, inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			DirCache index = DirCache.newInCore();
			DirCacheBuilder builder = index.builder();
			tree.forEach((path, blob) -> {
				DirCacheEntry entry = new DirCacheEntry(path);
				entry.setFileMode(FileMode.REGULAR_FILE);
				entry.setObjectId(blob);
				builder.add(entry);
			});
			builder.finish();
			CommitBuilder commit = new CommitBuilder();
			commit.setTreeId(index.writeTree(inserter));
			commit.setParentIds(parents.stream().filter((parent) -> parent != null).toList());
			commit.setAuthor(person(author));
			commit.setCommitter(person(SERVICE));
			commit.setMessage(message.endsWith("\n") ? message : message + "\n");
			ObjectId id = inserter.insert(commit);
			inserter.flush();
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void move(String ref, ObjectId expected, ObjectId to) {
		try {
			RefUpdate update = this.repository.updateRef(ref);
			update.setExpectedOldObjectId((expected != null) ? expected : ObjectId.zeroId());
			update.setNewObjectId(to);
			update.setRefLogMessage("workbench", false);
			RefUpdate.Result result = update.update();
			if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD
					&& result != RefUpdate.Result.FORCED) {
				throw new IllegalStateException("cannot move " + ref + ": " + result);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ObjectId head(String ref) {
		try {
			Ref found = this.repository.exactRef(ref);
			return (found != null) ? found.getObjectId() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<String, String> files(ObjectId commit, String folder) {
		Map<String, String> files = new TreeMap<>();
		if (commit == null) {
			return files;
		}
		try (ObjectReader reader = this.repository.newObjectReader();
				RevWalk walk = new RevWalk(reader);
				TreeWalk treeWalk = new TreeWalk(reader)) {
			treeWalk.addTree(walk.parseCommit(commit).getTree());
			treeWalk.setRecursive(true);
			while (treeWalk.next()) {
				String path = treeWalk.getPathString();
				if (path.startsWith(folder)) {
					files.put(path,
							new String(reader.open(treeWalk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	private void requireWritable() {
		if (this.following) {
			throw new IllegalStateException("a followed copy of the repository of versions is never written");
		}
	}

	private void requireUndamaged() {
		RepositoryDamaged known = this.damage;
		if (known != null) {
			throw new RepositoryDamaged(known);
		}
	}

	// an object could not be read: which one, found by reading every object reachable
	// from a branch or tag until one fails; remembered, so every call from now on says so
	private RepositoryDamaged damaged(Exception cause) {
		RepositoryDamaged found = new RepositoryDamaged(directory(), unreadableObject(), cause);
		this.damage = found;
		log.error("{}; the workbench stops, triage serves on from the served folder. Repair or restore the "
				+ "repository and restart the service.", found.getMessage());
		return found;
	}

	private String unreadableObject() {
		try (ObjectReader reader = this.repository.newObjectReader()) {
			Set<ObjectId> seen = new HashSet<>();
			Deque<ObjectId> todo = new ArrayDeque<>();
			for (Ref ref : this.repository.getRefDatabase().getRefs()) {
				if (ref.getObjectId() != null) {
					todo.push(ref.getObjectId());
				}
			}
			while (!todo.isEmpty()) {
				ObjectId id = todo.pop();
				if (!seen.add(id.copy())) {
					continue;
				}
				int type;
				byte[] bytes;
				try {
					ObjectLoader loader = reader.open(id);
					type = loader.getType();
					bytes = loader.getCachedBytes();
				}
				catch (IOException | RuntimeException ex) {
					return id.name();
				}
				if (type == Constants.OBJ_COMMIT) {
					RevCommit commit = RevCommit.parse(bytes);
					todo.push(commit.getTree().copy());
					for (RevCommit parent : commit.getParents()) {
						todo.push(parent.copy());
					}
				}
				else if (type == Constants.OBJ_TAG) {
					todo.push(RevTag.parse(bytes).getObject().copy());
				}
				else if (type == Constants.OBJ_TREE) {
					CanonicalTreeParser entries = new CanonicalTreeParser();
					entries.reset(bytes);
					while (!entries.eof()) {
						todo.push(entries.getEntryObjectId());
						entries.next();
					}
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static PersonIdent person(String name) {
		return new PersonIdent(name, name.replaceAll("[^A-Za-z0-9._-]", "_") + "@model3.invalid");
	}

	// before a read: the remote's branches and tags, or this instance's copy when the
	// remote cannot be reached (a write then refuses)
	private void refresh() {
		requireUndamaged();
		if (this.fetched) {
			return;
		}
		try {
			sync();
		}
		catch (SharedRepositoryUnavailable ex) {
			log.warn("Reading the repository of versions as this instance last saw it: {}", ex.getMessage());
		}
	}

	// the remote's branches and publication tags replace this instance's: the remote is
	// the truth; a branch only this instance has stays until it is pushed
	private void sync() {
		requireUndamaged();
		if (this.remote == null) {
			return;
		}
		this.fetches.incrementAndGet();
		try (Git git = new Git(this.repository)) {
			RefSpec branches = new RefSpec("+refs/heads/*:refs/heads/*");
			if (this.following) {
				if (git.lsRemote()
					.setRemote(this.remote)
					.setHeads(true)
					.call()
					.stream()
					.noneMatch((ref) -> ref.getName().equals(MAIN))) {
					return; // a new shared repository: nothing published yet
				}
				branches = new RefSpec("+" + MAIN + ":" + MAIN);
			}
			git.fetch()
				.setRemote(this.remote)
				.setRefSpecs(branches, new RefSpec("+" + PUBLISHED + "*:" + PUBLISHED + "*"))
				.setTagOpt(TagOpt.NO_TAGS)
				.call();
		}
		catch (GitAPIException | RuntimeException ex) {
			throw new SharedRepositoryUnavailable(
					"the shared repository of versions cannot be read: " + ex.getMessage(), ex);
		}
	}

	// to the remote, never forced: when the remote has moved since the fetch the write is
	// undone here, what the remote has is fetched, and the write refused
	private void push(String ref, ObjectId old) {
		Map<String, ObjectId[]> moves = new TreeMap<>();
		moves.put(ref, new ObjectId[] { old, null });
		push(moves);
	}

	// the refs in one atomic push: the remote takes all of them or none; when it takes
	// none, each is set back here to its old value ([0]) too
	private void push(Map<String, ObjectId[]> moves) {
		if (this.remote == null) {
			return;
		}
		String names = String.join(", ",
				moves.keySet().stream().map((ref) -> ref.replaceFirst("^refs/(heads|tags)/", "")).toList());
		List<RemoteRefUpdate.Status> refused = new ArrayList<>();
		try (Git git = new Git(this.repository)) {
			for (PushResult result : git.push()
				.setRemote(this.remote)
				.setRefSpecs(moves.keySet().stream().map((ref) -> new RefSpec(ref + ":" + ref)).toList())
				.setAtomic(moves.size() > 1)
				.call()) {
				for (RemoteRefUpdate update : result.getRemoteUpdates()) {
					if (update.getStatus() != RemoteRefUpdate.Status.OK
							&& update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
						refused.add(update.getStatus());
					}
				}
			}
		}
		catch (GitAPIException | RuntimeException ex) {
			moves.forEach((ref, move) -> undo(ref, move[0]));
			throw new SharedRepositoryUnavailable("cannot write " + names + " to the shared repository of versions: "
					+ ex.getMessage() + "; nothing was changed", ex);
		}
		if (!refused.isEmpty()) {
			moves.forEach((ref, move) -> undo(ref, move[0]));
			refresh();
			throw new WrittenElsewhere(
					"Another instance changed " + names + " in the shared repository of versions first (" + refused
							+ "); nothing was overwritten. Look at it again and retry.");
		}
	}

	private void undo(String ref, ObjectId old) {
		try {
			RefUpdate update = this.repository.updateRef(ref);
			update.setForceUpdate(true);
			if (old == null) {
				update.delete();
			}
			else {
				update.setNewObjectId(old);
				update.update();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.repository.close();
	}

}
