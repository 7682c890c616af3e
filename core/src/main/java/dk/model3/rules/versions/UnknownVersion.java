package dk.model3.rules.versions;

import java.util.List;

/** The request pinned a rule version the service does not run. */
public class UnknownVersion extends RuntimeException {

	public UnknownVersion(String version, List<String> known) {
		super("rule version \"" + version + "\" is not active; active versions: " + String.join(", ", known));
	}

}
