package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTests {

	@Test
	void readsDiscordsBucketHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-RateLimit-Limit", "5");
		headers.set("X-RateLimit-Remaining", "4");
		headers.set("X-RateLimit-Reset-After", "1.234");
		headers.set("X-RateLimit-Bucket", "abcd1234");
		RateLimitHeaders read = RateLimitHeaders.from(headers);
		assertThat(read.bucket()).isEqualTo("abcd1234");
		assertThat(read.limit()).isEqualTo(5);
		assertThat(read.remaining()).isEqualTo(4);
		assertThat(read.resetAfter()).isEqualTo(Duration.ofMillis(1234));
		assertThat(read.describesBucket()).isTrue();
		assertThat(read.global()).isFalse();
	}

	@Test
	void readsTheScopeOfA429() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-RateLimit-Global", "true");
		headers.set("X-RateLimit-Scope", "global");
		headers.set("Retry-After", "2");
		RateLimitHeaders read = RateLimitHeaders.from(headers);
		assertThat(read.global()).isTrue();
		assertThat(read.scope()).isEqualTo("global");
		assertThat(read.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(read.describesBucket()).isFalse();
	}

	@Test
	void unreadableValuesReadAsAbsent() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-RateLimit-Remaining", "-1");
		headers.set("X-RateLimit-Reset-After", "soon");
		headers.set("Retry-After", "NaN");
		RateLimitHeaders read = RateLimitHeaders.from(headers);
		assertThat(read.remaining()).isNull();
		assertThat(read.resetAfter()).isNull();
		assertThat(read.retryAfter()).isNull();
	}

	@Test
	void fractionsOfAMillisecondRoundUpSoAWaitIsNeverEarly() {
		assertThat(RateLimitHeaders.seconds("0.0000001")).isEqualTo(Duration.ofNanos(100));
	}

}
