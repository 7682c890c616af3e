package dk.model3.workbench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.SourceDocument;

/**
 * The versions the checks of drafts compiled and verified, the latest per draft and at
 * most a few drafts (each holds a compiled rule base): the publication of a draft takes
 * its version from here instead of compiling the same files again, when the checksum and
 * the sources it was compiled with are still the draft's.
 */
final class CheckedRules {

	private record Checked(CompiledRules rules, List<SourceDocument> sources) {
	}

	private final int drafts;

	// the draft least recently checked first
	private final Map<String, Checked> latest = new LinkedHashMap<>();

	CheckedRules(int drafts) {
		this.drafts = drafts;
	}

	/** Keeps what the checks of a draft compiled, in place of any earlier run's. */
	synchronized void keep(String id, CompiledRules rules, List<SourceDocument> sources) {
		this.latest.remove(id);
		this.latest.put(id, new Checked(rules, List.copyOf(sources)));
		while (this.latest.size() > this.drafts) {
			this.latest.remove(this.latest.keySet().iterator().next());
		}
	}

	/**
	 * Takes the version the checks compiled for the draft, if it was compiled from files
	 * with this checksum and these sources; null when not (then it is compiled again).
	 */
	synchronized CompiledRules take(String id, String checksum, List<SourceDocument> sources) {
		Checked checked = this.latest.remove(id);
		if (checked == null || !checked.rules().files().checksum().equals(checksum)
				|| !checked.sources().equals(sources)) {
			return null;
		}
		return checked.rules();
	}

}
