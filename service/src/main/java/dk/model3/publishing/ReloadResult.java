package dk.model3.publishing;

import java.util.List;

import dk.model3.rules.RuleProblem;

/**
 * What one reload did to each version folder it looked at.
 *
 * @param versions one line per folder, oldest first
 */
public record ReloadResult(List<VersionReload> versions) {

	/** What happened to one version folder. */
	public record VersionReload(String version, Outcome outcome, String checksum, String previousChecksum,
			List<RuleProblem> problems) {

	}

	public enum Outcome {

		/** New or changed, compiled, its scenarios passed: now serving. */
		ACTIVATED,
		/**
		 * New or changed, compiled, its scenarios passed, its completeness check under
		 * way: not serving yet; an older load of it keeps serving.
		 */
		CHECKING,
		/** New or changed but broken: not serving; an older load of it keeps serving. */
		REFUSED,
		/** Same checksum as last time: nothing to do. */
		UNCHANGED,
		/**
		 * The folder of a serving version is gone (or has no {@code version.yaml}): the
		 * version keeps serving from memory until a valid folder with its id appears, and
		 * is never silently replaced by an older version.
		 */
		KEPT,
		/** The folder of a version that did not serve (refused, checking) is gone. */
		RETIRED

	}

	public boolean changedAnything() {
		return this.versions.stream().anyMatch((version) -> version.outcome() != Outcome.UNCHANGED);
	}

}
