package dk.model3.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users who may sign in with a password, found by their exact name: {@code Policy} is
 * not {@code policy}. (Spring's in-memory store ignores case, which doubles the names a
 * guesser may try and makes two spellings one account.)
 */
final class UserStore implements UserDetailsService {

	private final Map<String, UserDetails> users = new LinkedHashMap<>();

	UserStore(List<UserDetails> users) {
		for (UserDetails user : users) {
			if (this.users.putIfAbsent(user.getUsername(), user) != null) {
				throw new IllegalStateException("the user \"" + user.getUsername() + "\" is defined twice");
			}
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails user = this.users.get(username);
		if (user == null) {
			throw new UsernameNotFoundException("no such user");
		}
		// a copy: Spring Security erases the password of what it is given after sign-in
		return User.withUserDetails(user).build();
	}

	List<String> names() {
		return List.copyOf(this.users.keySet());
	}

}
