package dk.model3.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users who may sign in with a password, found by their name whatever its case
 * ({@link UserNames}): {@code Policy} signs in as {@code policy}, and the user found
 * carries the name as defined, so the sign-in, the history and the decision log record
 * that one name. Two users whose names differ only in case cannot both exist.
 */
final class UserStore implements UserDetailsService {

	private final Map<String, UserDetails> users = new LinkedHashMap<>();

	UserStore(List<UserDetails> users) {
		for (UserDetails user : users) {
			UserDetails earlier = this.users.putIfAbsent(UserNames.key(user.getUsername()), user);
			if (earlier != null) {
				throw new IllegalStateException("the user \"" + user.getUsername() + "\" is defined twice"
						+ (earlier.getUsername().equals(user.getUsername()) ? "" : " (as \"" + earlier.getUsername()
								+ "\"; user names do not distinguish upper and lower case)"));
			}
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails user = (username != null) ? this.users.get(UserNames.key(username)) : null;
		if (user == null) {
			throw new UsernameNotFoundException("no such user");
		}
		// a copy: Spring Security erases the password of what it is given after sign-in
		return User.withUserDetails(user).build();
	}

	List<String> names() {
		return this.users.values().stream().map(UserDetails::getUsername).toList();
	}

}
