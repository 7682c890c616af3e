package dk.model3.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts failed sign-ins per user name and per client address, and refuses further
 * attempts once either count reaches its limit, until the lockout has passed since the
 * last failure. While refused, even the right password is refused, or guessing would go
 * on. Bounded: counts are kept for at most 100,000 names and addresses, each forgotten a
 * lockout after its last failure. A user name is counted by its {@link UserNames#key}, so
 * {@code Policy} and {@code policy} share one count, as they share one account.
 */
final class SignInGuard {

	private final SecurityProperties.SignIn limits;

	private final Cache<String, Integer> failuresByUser;

	private final Cache<String, Integer> failuresByAddress;

	SignInGuard(SecurityProperties.SignIn limits, Ticker ticker) {
		this.limits = limits;
		this.failuresByUser = counter(limits.lockout(), ticker);
		this.failuresByAddress = counter(limits.lockout(), ticker);
	}

	private static Cache<String, Integer> counter(Duration lockout, Ticker ticker) {
		return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lockout).ticker(ticker).build();
	}

	/** Throws when the user or the address has failed too often lately. */
	void check(String user, String address) {
		if (count(this.failuresByUser, UserNames.key(user)) >= this.limits.maxFailuresPerUser()
				|| count(this.failuresByAddress, address) >= this.limits.maxFailuresPerAddress()) {
			throw new SignInThrottled(this.limits.lockout());
		}
	}

	void failed(String user, String address) {
		this.failuresByUser.asMap().merge(UserNames.key(user), 1, Integer::sum);
		this.failuresByAddress.asMap().merge(address, 1, Integer::sum);
	}

	void succeeded(String user) {
		this.failuresByUser.invalidate(UserNames.key(user));
	}

	private static int count(Cache<String, Integer> failures, String key) {
		Integer count = failures.getIfPresent(key);
		return (count != null) ? count : 0;
	}

}
