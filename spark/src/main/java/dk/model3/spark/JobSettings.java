package dk.model3.spark;

import java.nio.file.Path;

/**
 * What one run of the evaluation takes.
 *
 * @param input a file or folder of Parquet, CSV or JSON Lines
 * @param format the input format, or null to take it from the file names
 * @param output the folder the job writes (must not exist)
 * @param rulesRoot the rule versions shipped with the job: {@code sources.yaml} and one
 * folder per version
 * @param rules the version every row is classified under, and its checksum
 * @param compare a second version and its checksum, or null
 * @param responses also write the full contract response of every row as JSON Lines
 */
record JobSettings(String input, InputFormat format, String output, Path rulesRoot, VersionPin rules,
		VersionPin compare, boolean responses) {

	/** A version id and the checksum its files must have. */
	record VersionPin(String version, String checksum) {

		/** Reads {@code 2021.03=sha256:…}. */
		static VersionPin parse(String text) {
			int at = text.indexOf('=');
			if (at <= 0 || at == text.length() - 1) {
				throw new IllegalArgumentException(
						"a rule version is given as VERSION=CHECKSUM, e.g. 2021.03=sha256:…; got " + text);
			}
			return new VersionPin(text.substring(0, at), text.substring(at + 1));
		}

	}

}
