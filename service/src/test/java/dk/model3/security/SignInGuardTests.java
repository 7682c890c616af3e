package dk.model3.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SignInGuardTests {

	private final AtomicLong nanos = new AtomicLong();

	private final SignInGuard guard = new SignInGuard(new SecurityProperties.SignIn(3, 5, Duration.ofMinutes(5)),
			this.nanos::get);

	private void fail(String user, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.guard.check(user, address);
			this.guard.failed(user, address);
		}
	}

	@Test
	void refusesAUserAfterTooManyFailuresEvenFromAnotherAddress() {
		fail("anne", "10.0.0.1", 3);
		assertThatExceptionOfType(SignInThrottled.class).isThrownBy(() -> this.guard.check("anne", "10.0.0.2"));
		assertThatNoException().isThrownBy(() -> this.guard.check("bo", "10.0.0.2"));
	}

	@Test
	void refusesAnAddressAfterTooManyFailuresWhateverTheName() {
		for (int i = 0; i < 5; i++) {
			fail("name-" + i, "10.0.0.9", 1);
		}
		assertThatExceptionOfType(SignInThrottled.class).isThrownBy(() -> this.guard.check("anne", "10.0.0.9"));
		assertThatNoException().isThrownBy(() -> this.guard.check("anne", "10.0.0.10"));
	}

	@Test
	void letsTheUserTryAgainOnceTheLockoutHasPassedSinceTheLastFailure() {
		fail("anne", "10.0.0.1", 3);
		this.nanos.addAndGet(Duration.ofMinutes(4).toNanos());
		assertThatExceptionOfType(SignInThrottled.class).isThrownBy(() -> this.guard.check("anne", "10.0.0.1"));
		this.nanos.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());
		assertThatNoException().isThrownBy(() -> this.guard.check("anne", "10.0.0.1"));
	}

	@Test
	void forgetsAUsersFailuresWhenTheySignIn() {
		fail("anne", "10.0.0.1", 2);
		this.guard.succeeded("anne");
		fail("anne", "10.0.0.1", 2);
		assertThatNoException().isThrownBy(() -> this.guard.check("anne", "10.0.0.1"));
	}

	@Test
	void countsAUserNameWhateverItsCase() {
		// one account, one count: Anne and ANNE are anne
		fail("anne", "10.0.0.1", 1);
		fail("Anne", "10.0.0.2", 1);
		fail("ANNE", "10.0.0.3", 1);
		assertThatExceptionOfType(SignInThrottled.class).isThrownBy(() -> this.guard.check("aNnE", "10.0.0.4"));
		this.guard.succeeded("Anne");
		assertThatNoException().isThrownBy(() -> this.guard.check("anne", "10.0.0.4"));
	}

}
