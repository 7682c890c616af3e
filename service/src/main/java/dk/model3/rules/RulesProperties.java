package dk.model3.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code triage.rules.*} settings.
 *
 * @param dir a folder of rule versions; empty for the rules packaged in the jar
 * @param watch whether to reload when files in {@code dir} change
 * @param watchQuiet how long the folder must be quiet after a change before reloading
 * @param completeness how a version without a recorded full check is checked before it
 * serves
 */
@ConfigurationProperties("triage.rules")
public record RulesProperties(@DefaultValue("") String dir, @DefaultValue("true") boolean watch,
		@DefaultValue("500ms") Duration watchQuiet, @DefaultValue("FULL") Completeness completeness) {

	/** How much checking a version needs before it serves, when none is recorded. */
	public enum Completeness {

		/**
		 * The full check (minutes), off the request path; the version serves once it
		 * passed.
		 */
		FULL,
		/**
		 * A check around every age threshold (seconds), on the loading thread; for
		 * development and tests, not a proof.
		 */
		QUICK,
		/** No check: a version serves once its scenarios pass. For development only. */
		OFF

	}

	/** The rules folder, or null for the rules packaged in the jar. */
	public Path directory() {
		return this.dir.isBlank() ? null : Path.of(this.dir);
	}

}
