package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIdentifyLimiterTests {

	private static final Duration TURN = LocalIdentifyLimiter.WINDOW.plus(LocalIdentifyLimiter.MARGIN);

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
		assertThat(wait).isEqualTo(TURN.minusSeconds(1));
		assertThat(LocalIdentifyLimiter.MARGIN).isPositive();
	}

	@Test
	void shardsOfOneBucketQueueInTurn() {
		this.limiter.reserve(0);
		assertThat(this.limiter.reserve(2)).isEqualTo(TURN);
		assertThat(this.limiter.reserve(4)).isEqualTo(TURN.multipliedBy(2));
		this.now.addAndGet(TURN.toNanos());
		assertThat(this.limiter.reserve(3)).as("bucket 1, never used").isZero();
	}

	@Test
	void anExhaustedBudgetWaitsForTheResetInsteadOfIdentifying() {
		LocalIdentifyLimiter exhausted = new LocalIdentifyLimiter(new SessionStartLimit(1000, 1, 60_000, 1),
				this.now::get);
		assertThat(exhausted.reserve(0)).isZero();
		assertThat(exhausted.reserve(0)).isEqualTo(Duration.ofSeconds(60));
	}

}
