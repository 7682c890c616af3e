package dk.model3.security;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTests {

	private final AtomicInteger bcryptChecks = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	// the real bcrypt encoder, counting how often it is asked
	private final PasswordEncoder counted = new PasswordEncoder() {

		@Override
		public String encode(CharSequence rawPassword) {
			return VerifiedPasswordCacheTests.this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			VerifiedPasswordCacheTests.this.bcryptChecks.incrementAndGet();
			return VerifiedPasswordCacheTests.this.bcrypt.matches(rawPassword, encodedPassword);
		}

	};

	private final VerifiedPasswordCache cache = new VerifiedPasswordCache(this.counted, this.nanos::get);

	private final String stored = this.cache.encode("the-right-password");

	@Test
	void checksAVerifiedPasswordOnceInAWhile() {
		forgetAll();
		assertThat(this.cache.matches("the-right-password", this.stored)).isTrue();
		assertThat(this.cache.matches("the-right-password", this.stored)).isTrue();
		assertThat(this.bcryptChecks).hasValue(1);
		forgetAll();
		assertThat(this.cache.matches("the-right-password", this.stored)).isTrue();
		assertThat(this.bcryptChecks).hasValue(2);
	}

	@Test
	void needsNoCheckForAPasswordItHashedItselfUntilItForgetsIt() {
		assertThat(this.cache.matches("the-right-password", this.stored)).isTrue();
		assertThat(this.bcryptChecks).hasValue(0);
		assertThat(this.cache.matches("a-wrong-password", this.stored)).isFalse();
		assertThat(this.bcryptChecks).hasValue(1);
		forgetAll();
		assertThat(this.cache.matches("the-right-password", this.stored)).isTrue();
		assertThat(this.bcryptChecks).hasValue(2);
	}

	@Test
	void checksEveryWrongPasswordInFull() {
		this.cache.matches("the-right-password", this.stored);
		assertThat(this.cache.matches("a-wrong-password", this.stored)).isFalse();
		assertThat(this.cache.matches("a-wrong-password", this.stored)).isFalse();
		assertThat(this.bcryptChecks).hasValue(2);
	}

	@Test
	void remembersAPasswordOnlyForTheHashItMatched() {
		String otherUsers = this.cache.encode("another-password");
		this.cache.matches("the-right-password", this.stored);
		assertThat(this.cache.matches("the-right-password", otherUsers)).isFalse();
	}

	@Test
	void checksAPasswordOnceWhenManyRequestsBringItAtOnce() throws Exception {
		forgetAll();
		ExecutorService requests = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> answers = requests
				.invokeAll(Collections.nCopies(8, () -> this.cache.matches("the-right-password", this.stored)));
			for (Future<Boolean> answer : answers) {
				assertThat(answer.get()).isTrue();
			}
		}
		finally {
			requests.shutdownNow();
		}
		assertThat(this.bcryptChecks).hasValue(1);
	}

	private void forgetAll() {
		this.nanos.addAndGet(VerifiedPasswordCache.REMEMBER.plusSeconds(1).toNanos());
	}

	@Test
	void storesBcryptHashes() {
		assertThat(this.stored).startsWith("$2a$04$").doesNotContain("the-right-password");
	}

}
