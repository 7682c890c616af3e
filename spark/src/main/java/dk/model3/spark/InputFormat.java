package dk.model3.spark;

import java.util.Locale;

/** The formats the job reads. */
enum InputFormat {

	PARQUET, CSV, JSONL;

	/** The format a file's name says: .parquet, .csv (.csv.gz), else JSON Lines. */
	static InputFormat fromName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".parquet")) {
			return PARQUET;
		}
		if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
			return CSV;
		}
		return JSONL;
	}

}
