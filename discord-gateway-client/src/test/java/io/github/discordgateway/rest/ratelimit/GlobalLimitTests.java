package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalLimitTests {

	private static final long MILLI = 1_000_000L;

	@Test
	void letsTheLimitThroughInAnySecondThenWaitsForTheOldestToAge() {
		GlobalLimit limit = new GlobalLimit(3);
		assertThat(limit.tryAcquire(0)).isZero();
		assertThat(limit.tryAcquire(100 * MILLI)).isZero();
		assertThat(limit.tryAcquire(200 * MILLI)).isZero();
		assertThat(limit.tryAcquire(300 * MILLI)).isEqualTo(700 * MILLI);
		assertThat(limit.tryAcquire(1000 * MILLI)).isZero();
		assertThat(limit.tryAcquire(1000 * MILLI)).isEqualTo(100 * MILLI);
	}

	@Test
	void aGlobal429StopsEveryRequestForRetryAfter() {
		GlobalLimit limit = new GlobalLimit(50);
		limit.pause(Duration.ofMillis(250), 0);
		assertThat(limit.tryAcquire(0)).isEqualTo(250 * MILLI);
		assertThat(limit.tryAcquire(200 * MILLI)).isEqualTo(50 * MILLI);
		assertThat(limit.tryAcquire(250 * MILLI)).isZero();
	}

	@Test
	void aShorterPauseDoesNotCutALongerOneShort() {
		GlobalLimit limit = new GlobalLimit(50);
		limit.pause(Duration.ofMillis(500), 0);
		limit.pause(Duration.ofMillis(100), 0);
		assertThat(limit.tryAcquire(0)).isEqualTo(500 * MILLI);
	}

}
