package dk.model3.versions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.RuleVersionFiles;

/**
 * Fills the repository with the packaged versions it lacks: on first start all of them,
 * after an upgrade of the service the versions new in its jar; one commit per version, by
 * {@value VersionStore#SERVICE}, each tagged {@code published/<id>} with its checksum, so
 * the history starts with what the service shipped. A version the repository has already
 * is never replaced: a published version does not change.
 */
final class Seed {

	private Seed() {
	}

	static void into(VersionStore store, RuleFolders packaged) {
		boolean first = !store.hasMain();
		Set<String> present = store.publishedVersions();
		for (RuleVersionFiles version : packaged.versions()) {
			if (present.contains(version.folder()) || store.hasDraft(version.folder())) {
				continue;
			}
			Map<String, String> put = new LinkedHashMap<>();
			if (first) {
				put.put(RuleFolders.SOURCES, packaged.sourcesYaml());
				put.put(CompletenessRecords.FILE, packaged.rootFile(CompletenessRecords.FILE));
				first = false;
			}
			else {
				// a version new in an upgraded jar brings its recorded check along
				put.put(CompletenessRecords.FILE,
						withRecordsOf(version, store.mainFiles().getOrDefault(CompletenessRecords.FILE, ""),
								packaged.rootFile(CompletenessRecords.FILE)));
			}
			version.files().forEach((name, text) -> put.put(version.folder() + "/" + name, text));
			store.commitToMain(put, "Seed: packaged rule version " + version.folder(),
					Map.of(version.folder(), Publications.tagMessage(version.folder(), version.checksum(),
							VersionStore.SERVICE, VersionStore.SERVICE)));
		}
	}

	/**
	 * The packaged rules root as {@code main} would hold it: every version, sources and
	 * records.
	 */
	static Map<String, String> files(RuleFolders packaged) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(RuleFolders.SOURCES, packaged.sourcesYaml());
		files.put(CompletenessRecords.FILE, packaged.rootFile(CompletenessRecords.FILE));
		for (RuleVersionFiles version : packaged.versions()) {
			version.files().forEach((name, text) -> files.put(version.folder() + "/" + name, text));
		}
		return files;
	}

	static String withRecordsOf(RuleVersionFiles version, String log, String packagedLog) {
		String merged = log;
		for (String line : packagedLog.split("\n")) {
			if (line.startsWith(version.checksum() + " ")) {
				merged = CompletenessRecords.withLine(merged, line);
			}
		}
		return merged;
	}

}
