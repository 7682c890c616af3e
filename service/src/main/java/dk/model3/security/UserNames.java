package dk.model3.security;

import java.util.Locale;

/**
 * User names do not distinguish upper and lower case: {@code Policy} is the user
 * {@code policy}, and a users file may not hold both {@code anna} and {@code Anna}. The
 * key is the name in lower case; names with characters outside ASCII keep their case (no
 * stored name has any, so they match nobody, and Unicode's case rules cannot turn one
 * into a stored name: the Kelvin sign is not a {@code k} here).
 */
final class UserNames {

	private UserNames() {
	}

	/** What two spellings of one user name have in common. */
	static String key(String name) {
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) > 0x7f) {
				return name;
			}
		}
		return name.toLowerCase(Locale.ROOT);
	}

}
