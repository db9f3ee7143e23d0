package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIdentifyLimiterTests {

	private final AtomicLong now = new AtomicLong(0);

	@Test
	void eachBucketIdentifiesOncePerFiveSeconds() {
		LocalIdentifyLimiter limiter = new LocalIdentifyLimiter(new SessionStartLimit(1000, 1000, 86_400_000, 2),
				this.now::get);
		assertThat(limiter.reserve(0)).isZero();
		assertThat(limiter.reserve(1)).as("another bucket").isZero();
		assertThat(limiter.reserve(2)).as("bucket 0 again").isEqualTo(Duration.ofSeconds(5));
		assertThat(limiter.reserve(4)).as("bucket 0, queued behind shard 2").isEqualTo(Duration.ofSeconds(10));
		this.now.addAndGet(Duration.ofSeconds(6).toNanos());
		assertThat(limiter.reserve(3)).as("bucket 1 after its window").isZero();
	}

	@Test
	void anExhaustedBudgetWaitsForTheResetInsteadOfIdentifying() {
		LocalIdentifyLimiter limiter = new LocalIdentifyLimiter(new SessionStartLimit(1000, 1, 60_000, 1),
				this.now::get);
		assertThat(limiter.reserve(0)).isZero();
		assertThat(limiter.reserve(0)).isEqualTo(Duration.ofSeconds(60));
	}

}
