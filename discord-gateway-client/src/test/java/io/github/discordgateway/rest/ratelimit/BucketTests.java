package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void anUnknownBucketLetsTheFirstRequestGo() {
		assertThat(new Bucket().nanosUntilSendable(0)).isZero();
	}

	@Test
	void aBucketWithRequestsLeftLetsTheNextGo() {
		Bucket bucket = new Bucket();
		bucket.update(headers(1, Duration.ofSeconds(5)), 10 * SECOND);
		assertThat(bucket.nanosUntilSendable(10 * SECOND)).isZero();
	}

	@Test
	void anEmptyBucketWaitsUntilItResetsCountedFromTheResponse() {
		Bucket bucket = new Bucket();
		bucket.update(headers(0, Duration.ofMillis(1500)), 10 * SECOND);
		assertThat(bucket.nanosUntilSendable(10 * SECOND)).isEqualTo(1_500_000_000L);
		assertThat(bucket.nanosUntilSendable(11 * SECOND)).isEqualTo(500_000_000L);
		assertThat(bucket.nanosUntilSendable(12 * SECOND)).isZero();
	}

	@Test
	void a429EmptiesTheBucketForRetryAfter() {
		Bucket bucket = new Bucket();
		bucket.update(headers(3, Duration.ofSeconds(5)), 0);
		bucket.exhaust(Duration.ofSeconds(7), SECOND);
		assertThat(bucket.nanosUntilSendable(SECOND)).isEqualTo(7 * SECOND);
		assertThat(bucket.idle(7 * SECOND)).isFalse();
		assertThat(bucket.idle(8 * SECOND)).isTrue();
	}

	@Test
	void aResponseWithoutBucketHeadersChangesNothing() {
		Bucket bucket = new Bucket();
		bucket.update(headers(0, Duration.ofSeconds(1)), 0);
		bucket.update(new RateLimitHeaders(null, null, null, null, false, null, null), 0);
		assertThat(bucket.nanosUntilSendable(0)).isEqualTo(SECOND);
	}

	@Test
	void timesThatWrapAroundStillCompare() {
		Bucket bucket = new Bucket();
		bucket.update(headers(0, Duration.ofSeconds(1)), Long.MAX_VALUE - 10);
		assertThat(bucket.nanosUntilSendable(Long.MAX_VALUE)).isEqualTo(SECOND - 10);
	}

	private static RateLimitHeaders headers(int remaining, Duration resetAfter) {
		return new RateLimitHeaders("hash", 5, remaining, resetAfter, false, null, null);
	}

}
