package dk.model3.security;

import java.util.Set;

/** The service's roles. POLICY may do everything CASEWORKER may, and administer rules. */
final class Roles {

	static final String CASEWORKER = "CASEWORKER";

	static final String POLICY = "POLICY";

	static final Set<String> ALL = Set.of(CASEWORKER, POLICY);

	private Roles() {
	}

}
