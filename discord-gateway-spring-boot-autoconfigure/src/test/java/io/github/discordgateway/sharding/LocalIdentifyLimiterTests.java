package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIdentifyLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final LocalIdentifyLimiter limiter = new LocalIdentifyLimiter(
			new SessionStartLimit(1000, 1000, Duration.ofDays(1).toMillis(), 2), this.now::get);

	@Test
	void theFirstIdentifyOfABucketGoesAtOnce() {
		assertThat(this.limiter.reserve(0)).isZero();
		assertThat(this.limiter.reserve(1)).as("another bucket").isZero();
	}

	@Test
	void theNextIdentifyOfABucketWaitsMoreThanTheWindowSoThatItCannotArriveInsideIt() {
		this.limiter.reserve(0);
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		Duration wait = this.limiter.reserve(2);
		assertThat(wait).isEqualTo(LocalIdentifyLimiter.WINDOW.plus(LocalIdentifyLimiter.MARGIN).minusSeconds(1));
		assertThat(LocalIdentifyLimiter.MARGIN).isPositive();
	}

}
