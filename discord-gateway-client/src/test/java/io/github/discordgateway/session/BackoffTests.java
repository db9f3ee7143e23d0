package io.github.discordgateway.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@Test
	void firstRetryIsImmediate() {
		assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.99).delay(0)).isZero();
	}

	@Test
	void ceilingDoublesPerFailureUpToTheCap() {
		Backoff atCeiling = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0);
		assertThat(atCeiling.delay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(atCeiling.delay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(atCeiling.delay(6)).isEqualTo(Duration.ofSeconds(32));
		assertThat(atCeiling.delay(7)).isEqualTo(Duration.ofSeconds(60));
		assertThat(atCeiling.delay(10_000)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void jitterSpansTheWholeRange() {
		assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0).delay(5)).isZero();
		assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.25).delay(5))
			.isEqualTo(Duration.ofSeconds(4));
	}

}
