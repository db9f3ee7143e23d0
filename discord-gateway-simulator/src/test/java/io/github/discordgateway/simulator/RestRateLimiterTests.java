package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestRateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	private final RestRateLimiter limiter = new RestRateLimiter(RestRateLimit.of(2, Duration.ofSeconds(5), 3),
			this.now::get);

	@Test
	void everyAnswerCarriesTheBucketHeaders() {
		RestRateLimiter.Verdict first = this.limiter.check("messages", "1", true);
		assertThat(first.limited()).isFalse();
		assertThat(first.headers()).containsEntry("X-RateLimit-Limit", "2")
			.containsEntry("X-RateLimit-Remaining", "1")
			.containsEntry("X-RateLimit-Reset-After", "5.000")
			.containsEntry("X-RateLimit-Bucket", "messages")
			.containsKey("X-RateLimit-Reset");
		this.now.set(Duration.ofMillis(1500).toNanos());
		assertThat(this.limiter.check("messages", "1", true).headers()).containsEntry("X-RateLimit-Remaining", "0")
			.containsEntry("X-RateLimit-Reset-After", "3.500");
	}

	@Test
	void aRequestOverTheBucketGets429WithRetryAfterAndUserScope() {
		this.limiter.check("messages", "1", true);
		this.limiter.check("messages", "1", true);
		this.now.set(Duration.ofSeconds(1).toNanos());
		RestRateLimiter.Verdict limited = this.limiter.check("messages", "1", true);
		assertThat(limited.limited()).isTrue();
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(4));
		assertThat(limited.headers()).containsEntry("X-RateLimit-Scope", "user")
			.containsEntry("Retry-After", "4")
			.doesNotContainKey("X-RateLimit-Global");
		assertThat(limited.body()).contains("\"retry_after\":4.000").contains("\"global\":false");
	}

	@Test
	void theBucketRefillsWhenItsWindowEnds() {
		this.limiter.check("messages", "1", true);
		this.limiter.check("messages", "1", true);
		this.now.set(Duration.ofSeconds(5).toNanos());
		assertThat(this.limiter.check("messages", "1", true).limited()).isFalse();
	}

	@Test
	void anotherMajorParameterHasItsOwnBucket() {
		this.limiter.check("messages", "1", true);
		this.limiter.check("messages", "1", true);
		assertThat(this.limiter.check("messages", "2", true).limited()).isFalse();
	}

	@Test
	void theGlobalLimitCountsAcrossBuckets() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.check("messages", Integer.toString(i), true).limited()).isFalse();
		}
		RestRateLimiter.Verdict limited = this.limiter.check("messages", "9", true);
		assertThat(limited.limited()).isTrue();
		assertThat(limited.headers()).containsEntry("X-RateLimit-Global", "true")
			.containsEntry("X-RateLimit-Scope", "global");
		assertThat(limited.body()).contains("\"global\":true");
		assertThat(this.limiter.check("interaction", "9", false).limited()).isFalse();
	}

	@Test
	void aForced429ComesOnceWithTheGivenScope() {
		this.limiter.forceNext(Duration.ofMillis(250), "shared");
		RestRateLimiter.Verdict forced = this.limiter.check("messages", "1", true);
		assertThat(forced.limited()).isTrue();
		assertThat(forced.headers()).containsEntry("X-RateLimit-Scope", "shared");
		assertThat(forced.body()).contains("\"retry_after\":0.250");
		assertThat(this.limiter.check("messages", "1", true).limited()).isFalse();
	}

	@Test
	void offSendsNoHeadersAndNever429s() {
		RestRateLimiter off = new RestRateLimiter(RestRateLimit.OFF, this.now::get);
		for (int i = 0; i < 100; i++) {
			RestRateLimiter.Verdict verdict = off.check("messages", "1", true);
			assertThat(verdict.limited()).isFalse();
			assertThat(verdict.headers()).isEmpty();
		}
	}

}
