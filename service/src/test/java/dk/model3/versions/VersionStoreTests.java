package dk.model3.versions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.model3.authoring.RuleCopies;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.RuleVersionFiles;
import org.eclipse.jgit.events.ListenerHandle;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The repository of versions as git itself sees it: seeded with the packaged versions,
 * drafts on branches with their authors, a publication as a merge commit and an annotated
 * tag, pushed to a remote, and the served folder written out whole.
 */
class VersionStoreTests {

	@TempDir
	Path temp;

	@Test
	void seedsTheRepositoryWithThePackagedVersionsEachTaggedWithItsChecksum() throws IOException {
		try (VersionStore store = new VersionStore(this.temp.resolve("versions.git"), "")) {
			Seed.into(store, RuleFolders.packaged());
			assertThat(store.publishedVersions()).containsExactly("2021.03", "2023.01");
			assertThat(store.mainFiles()).containsKeys(RuleFolders.SOURCES, CompletenessRecords.FILE,
					"2023.01/flags.drl");
			RuleVersionFiles packaged = RuleFolders.packaged()
				.versions()
				.stream()
				.filter((version) -> version.folder().equals("2023.01"))
				.findFirst()
				.orElseThrow();
			assertThat(store.publication("2023.01")).hasValueSatisfying(
					(tag) -> assertThat(Publications.field(tag, "checksum")).hasValue(packaged.checksum()));
			// a second start adds nothing
			Seed.into(store, RuleFolders.packaged());
		}
		try (Repository git = open()) {
			assertThat(log(git, "main")).extracting((commit) -> commit.getAuthorIdent().getName())
				.containsExactly(VersionStore.SERVICE, VersionStore.SERVICE);
		}
	}

	@Test
	void addsAVersionNewInAnUpgradedJarWithItsRecordedCheckAndKeepsThePublishedOnes() throws IOException {
		Path older = RuleCopies.copy(this.temp.resolve("older"));
		try (var files = Files.walk(older.resolve("2023.01"))) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		try (VersionStore store = new VersionStore(this.temp.resolve("versions.git"), "")) {
			Seed.into(store, RuleFolders.inDirectory(older));
			assertThat(store.publishedVersions()).containsExactly("2021.03");
			Seed.into(store, RuleFolders.inDirectory(RuleCopies.copy(this.temp.resolve("newer"))));
			assertThat(store.publishedVersions()).containsExactly("2021.03", "2023.01");
			String checksum = RuleFolders.packaged()
				.versions()
				.stream()
				.filter((version) -> version.folder().equals("2023.01"))
				.findFirst()
				.orElseThrow()
				.checksum();
			assertThat(CompletenessRecords.passed(RuleFolders.inDirectory(served(store)))).contains(checksum);
		}
	}

	private Path served(VersionStore store) {
		ServedFolder served = new ServedFolder(this.temp.resolve("served-check"));
		served.update(store.mainFiles());
		return served.path();
	}

	@Test
	void keepsEachSaveAsACommitByItsAuthorAndPublishesAsAMergeAndATag() throws IOException {
		try (VersionStore store = new VersionStore(this.temp.resolve("versions.git"), "")) {
			Seed.into(store, RuleFolders.packaged());
			store.createDraft("2023.02", Map.of("2023.02/version.yaml", "id: \"2023.02\"\n"), "anne", "Draft");
			store.commitToDraft("2023.02", Map.of("2023.02/flags.drl", "// edited\n"), Set.of(), "bo", "Edit");
			assertThat(store.drafts()).containsExactly("2023.02");
			assertThat(store.draftFiles("2023.02", "2023.02/")).containsOnlyKeys("2023.02/version.yaml",
					"2023.02/flags.drl");
			assertThat(store.draftHistory("2023.02")).extracting(VersionStore.Commit::author)
				.containsExactly("bo", "anne");
			assertThat(store.publishedVersions()).doesNotContain("2023.02");

			String commit = store.publish("2023.02", Map.of(CompletenessRecords.FILE, "sha256:x 2023.02 passed\n"),
					"carl", "Publish 2023.02", Publications.tagMessage("2023.02", "sha256:x", "anne", "carl"));
			assertThat(store.publishedVersions()).contains("2023.02");
			assertThat(store.mainFiles()).containsEntry("2023.02/flags.drl", "// edited\n")
				.containsEntry(CompletenessRecords.FILE, "sha256:x 2023.02 passed\n")
				.doesNotContainKey(".workbench/2023.02.json");
			assertThatIllegalStateException().isThrownBy(() -> store.publish("2023.02", Map.of(), "carl", "again",
					Publications.tagMessage("2023.02", "sha256:x", "anne", "carl")));

			try (Repository git = open(); RevWalk walk = new RevWalk(git)) {
				RevCommit merge = walk.parseCommit(git.resolve("main"));
				assertThat(merge.name()).isEqualTo(commit);
				assertThat(merge.getParentCount()).isEqualTo(2);
				assertThat(merge.getParent(1)).isEqualTo(git.resolve("drafts/2023.02"));
				assertThat(merge.getAuthorIdent().getName()).isEqualTo("carl");
				RevTag tag = walk.parseTag(git.exactRef(Constants.R_TAGS + "published/2023.02").getObjectId());
				assertThat(tag.getObject()).isEqualTo(merge);
				assertThat(tag.getFullMessage()).contains("checksum: sha256:x", "requested-by: anne",
						"approved-by: carl");
			}
		}
	}

	@Test
	void pushesDraftsPublicationsAndTagsToTheRemote() throws IOException {
		Path remote = this.temp.resolve("shared.git");
		try (Repository shared = FileRepositoryBuilder.create(remote.toFile())) {
			shared.create(true);
		}
		try (VersionStore store = new VersionStore(this.temp.resolve("versions.git"), remote.toUri().toString())) {
			Seed.into(store, RuleFolders.packaged());
			store.createDraft("2023.02", Map.of("2023.02/version.yaml", "id: \"2023.02\"\n"), "anne", "Draft");
			store.publish("2023.02", Map.of(), "carl", "Publish", Publications.tagMessage("2023.02", "s", "a", "c"));
		}
		try (Repository shared = FileRepositoryBuilder.create(remote.toFile())) {
			assertThat(shared.exactRef("refs/heads/drafts/2023.02")).isNotNull();
			assertThat(shared.exactRef("refs/tags/published/2023.02")).isNotNull();
			try (Repository local = open()) {
				assertThat(shared.resolve("refs/heads/main")).isEqualTo(local.resolve("refs/heads/main"));
			}
		}
	}

	@Test
	void twoInstancesOnOneSharedRepositorySeeEachOthersDraftsAndPublications() throws IOException {
		String remote = sharedRepository().toUri().toString();
		try (VersionStore a = new VersionStore(this.temp.resolve("a.git"), remote);
				VersionStore b = new VersionStore(this.temp.resolve("b.git"), remote)) {
			Seed.into(a, RuleFolders.packaged());
			assertThat(b.publishedVersions()).containsExactly("2021.03", "2023.01");

			a.createDraft("2023.02", Map.of("2023.02/version.yaml", "id: \"2023.02\"\n"), "anne", "Draft");
			assertThat(b.drafts()).containsExactly("2023.02");
			b.commitToDraft("2023.02", Map.of("2023.02/flags.drl", "// edited on b\n"), Set.of(), "bo", "Edit");
			a.commitToDraft("2023.02", Map.of(".workbench/2023.02.json", "{\"state\":\"REQUESTED\"}\n"), Set.of(),
					"anne", "Request publication");
			b.commitToDraft("2023.02", Map.of(".workbench/2023.02.json", "{\"state\":\"APPROVED\"}\n"), Set.of(),
					"carl", "Approve");
			assertThat(a.draftHistory("2023.02")).extracting(VersionStore.Commit::author)
				.containsExactly("carl", "anne", "bo", "anne");
			assertThat(a.draftFiles("2023.02", "")).containsEntry("2023.02/flags.drl", "// edited on b\n")
				.containsEntry(".workbench/2023.02.json", "{\"state\":\"APPROVED\"}\n");

			b.publish("2023.02", Map.of(), "carl", "Publish 2023.02",
					Publications.tagMessage("2023.02", "s", "anne", "carl"));
			assertThat(a.publishedVersions()).contains("2023.02");
			assertThat(a.publication("2023.02"))
				.hasValueSatisfying((tag) -> assertThat(tag).contains("approved-by: carl"));
		}
	}

	@Test
	void aFollowedCopyBringsMainAndThePublicationsButNeverTheDraftsAndIsNeverWritten() throws IOException {
		String remote = sharedRepository().toUri().toString();
		try (VersionStore workbench = new VersionStore(this.temp.resolve("workbench.git"), remote);
				VersionStore followed = VersionStore.following(this.temp.resolve("followed.git"), remote)) {
			// nothing published yet: a new installation
			assertThat(followed.fetchedThenRead(followed::publications)).isEmpty();

			Seed.into(workbench, RuleFolders.packaged());
			workbench.createDraft("2023.02", Map.of("2023.02/version.yaml", "id: \"2023.02\"\n"), "anne", "Draft");

			List<Publication> publications = followed.fetchedThenRead(followed::publications);
			assertThat(publications).extracting(Publication::id).containsExactly("2021.03", "2023.01");
			assertThat(publications.get(1).files().checksum())
				.isEqualTo(RuleFolders.packaged().versions().get(1).checksum());
			assertThat(publications.get(1).files().problems()).isEmpty();
			assertThat(followed.mainFile(RuleFolders.SOURCES)).isNotBlank();
			assertThat(followed.mainFile("no-such-file")).isEmpty();
			try (Repository copy = FileRepositoryBuilder.create(this.temp.resolve("followed.git").toFile())) {
				assertThat(copy.getRefDatabase().getRefsByPrefix(VersionStore.DRAFTS)).isEmpty();
			}
			assertThatIllegalStateException()
				.isThrownBy(() -> followed.createDraft("2023.03", Map.of(), "eve", "Draft"));
		}
	}

	@Test
	void aFollowedCopySaysSoWhenTheSharedRepositoryCannotBeRead() {
		VersionStore followed = VersionStore.following(this.temp.resolve("followed.git"),
				this.temp.resolve("nowhere.git").toUri().toString());
		assertThatExceptionOfType(SharedRepositoryUnavailable.class)
			.isThrownBy(() -> followed.fetchedThenRead(followed::publications));
		followed.close();
	}

	@Test
	void anInstanceThatLastLookedBeforeAnotherPublishedNeverOverwritesThatPublication() throws IOException {
		Path shared = sharedRepository();
		String remote = shared.toUri().toString();
		try (VersionStore a = new VersionStore(this.temp.resolve("a.git"), remote);
				VersionStore b = new VersionStore(this.temp.resolve("b.git"), remote)) {
			Seed.into(a, RuleFolders.packaged());
			a.createDraft("2023.02", Map.of("2023.02/version.yaml", "id: \"2023.02\"\n"), "anne", "Draft");
			b.createDraft("2023.03", Map.of("2023.03/version.yaml", "id: \"2023.03\"\n"), "bo", "Draft");

			// b last looked before a published: it still publishes on top of a's
			// publication
			a.publish("2023.02", Map.of(), "carl", "Publish 2023.02",
					Publications.tagMessage("2023.02", "s", "anne", "carl"));
			b.publish("2023.03", Map.of(), "dora", "Publish 2023.03",
					Publications.tagMessage("2023.03", "s", "bo", "dora"));
			assertThat(a.publishedVersions()).contains("2023.02", "2023.03");

			// a writes main between b's fetch and b's push: b's push is refused, nothing
			// of a's
			// is lost, and b sees a's publication
			a.createDraft("2023.04", Map.of("2023.04/version.yaml", "id: \"2023.04\"\n"), "anne", "Draft");
			b.createDraft("2023.05", Map.of("2023.05/version.yaml", "id: \"2023.05\"\n"), "bo", "Draft");
			AtomicBoolean armed = new AtomicBoolean();
			ListenerHandle handle = Repository.getGlobalListenerList().addRefsChangedListener((event) -> {
				if (event.getRepository().getDirectory().equals(b.directory().toFile()) && armed.getAndSet(false)) {
					a.publish("2023.04", Map.of(), "carl", "Publish 2023.04",
							Publications.tagMessage("2023.04", "s", "anne", "carl"));
				}
			});
			try {
				b.drafts(); // b is up to date: the first ref b moves in publish is its
							// own main
				armed.set(true);
				assertThatExceptionOfType(WrittenElsewhere.class).isThrownBy(() -> b.publish("2023.05", Map.of(),
						"dora", "Publish 2023.05", Publications.tagMessage("2023.05", "s", "bo", "dora")));
			}
			finally {
				handle.remove();
			}
			assertThat(armed).isFalse();
			try (Repository git = FileRepositoryBuilder.create(shared.toFile())) {
				assertThat(git.exactRef("refs/tags/published/2023.05")).isNull();
				assertThat(git.exactRef("refs/tags/published/2023.04")).isNotNull();
			}
			assertThat(b.publishedVersions()).contains("2023.02", "2023.03", "2023.04").doesNotContain("2023.05");
			assertThat(b.publication("2023.05")).isEmpty();

			// looked again, b publishes on top
			b.publish("2023.05", Map.of(), "dora", "Publish 2023.05",
					Publications.tagMessage("2023.05", "s", "bo", "dora"));
			assertThat(a.publishedVersions()).contains("2023.02", "2023.03", "2023.04", "2023.05");
		}
	}

	@Test
	void aPublicationWhoseTagTheRemoteRefusesLeavesNeitherMainNorTheTagMoved() throws IOException {
		Path shared = sharedRepository();
		try (VersionStore store = new VersionStore(this.temp.resolve("a.git"), shared.toUri().toString())) {
			Seed.into(store, RuleFolders.packaged());
			store.createDraft("2023.02", Map.of("2023.02/version.yaml", "id: \"2023.02\"\n"), "anne", "Draft");
			ObjectId main;
			try (Repository git = FileRepositoryBuilder.create(shared.toFile())) {
				main = git.exactRef(VersionStore.MAIN).getObjectId();
			}
			// the remote cannot write the tag (a lock left behind): it must take main
			// neither
			Path lock = shared.resolve("refs/tags/published/2023.02.lock");
			Files.createDirectories(lock.getParent());
			Files.writeString(lock, "");

			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> store.publish("2023.02", Map.of(), "carl", "Publish 2023.02",
						Publications.tagMessage("2023.02", "s", "anne", "carl")))
				.isInstanceOfAny(WrittenElsewhere.class, SharedRepositoryUnavailable.class);

			try (Repository git = FileRepositoryBuilder.create(shared.toFile())) {
				assertThat(git.exactRef(VersionStore.MAIN).getObjectId()).isEqualTo(main);
				assertThat(git.exactRef("refs/tags/published/2023.02")).isNull();
			}
			try (Repository git = FileRepositoryBuilder.create(this.temp.resolve("a.git").toFile())) {
				assertThat(git.exactRef(VersionStore.MAIN).getObjectId()).isEqualTo(main);
				assertThat(git.exactRef("refs/tags/published/2023.02")).isNull();
			}
			assertThat(store.publishedVersions()).doesNotContain("2023.02");

			Files.delete(lock);
			store.publish("2023.02", Map.of(), "carl", "Publish 2023.02",
					Publications.tagMessage("2023.02", "s", "anne", "carl"));
			assertThat(store.publishedVersions()).contains("2023.02");
			assertThat(store.publication("2023.02")).isPresent();
		}
	}

	private Path sharedRepository() throws IOException {
		Path remote = this.temp.resolve("shared.git");
		try (Repository shared = FileRepositoryBuilder.create(remote.toFile())) {
			shared.create(true);
			// a push's automatic gc in the foreground: nothing outlives the test's folder
			shared.getConfig().setBoolean("gc", null, "autoDetach", false);
			shared.getConfig().save();
		}
		return remote;
	}

	@Test
	void writesMainOutForTheLoaderVersionByVersion() throws IOException {
		ServedFolder served = new ServedFolder(this.temp.resolve("served"));
		served.update(Map.of("sources.yaml", "documents: []\n", "2023.01/version.yaml", "id: \"2023.01\"\n",
				"2023.01/flags.drl", "// one\n"));
		assertThat(Files.readString(this.temp.resolve("served/2023.01/flags.drl"))).isEqualTo("// one\n");
		assertThat(Files.readString(this.temp.resolve("served/sources.yaml"))).isEqualTo("documents: []\n");
		served.update(Map.of("sources.yaml", "documents: []\n", "2023.01/version.yaml", "id: \"2023.01\"\n",
				"2023.01/flags.drl", "// one\n", "2023.02/version.yaml", "id: \"2023.02\"\n"));
		assertThat(RuleFolders.inDirectory(served.path()).versions()).extracting(RuleVersionFiles::folder)
			.containsExactly("2023.01", "2023.02");
		// nothing half written is left where the loader looks
		try (var entries = Files.list(served.path())) {
			assertThat(entries.map((path) -> path.getFileName().toString()).toList())
				.containsExactlyInAnyOrder("sources.yaml", "2023.01", "2023.02");
		}
	}

	private Repository open() throws IOException {
		return FileRepositoryBuilder.create(this.temp.resolve("versions.git").toFile());
	}

	private static List<RevCommit> log(Repository git, String branch) throws IOException {
		try (RevWalk walk = new RevWalk(git)) {
			ObjectId head = git.resolve(branch);
			walk.markStart(walk.parseCommit(head));
			List<RevCommit> commits = new java.util.ArrayList<>();
			walk.forEach(commits::add);
			return commits;
		}
	}

}
