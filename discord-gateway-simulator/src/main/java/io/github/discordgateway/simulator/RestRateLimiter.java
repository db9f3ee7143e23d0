package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Enforces {@link RestRateLimit}: a fixed window per bucket (a route's bucket hash with its major parameter) and
 * one-second windows for the global limit. Answers each request with the headers Discord sends, or with a 429.
 */
final class RestRateLimiter {

	private static final long GLOBAL_WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

	private final RestRateLimit limits;

	private final LongSupplier nanoTime;

	private final Map<String, Window> buckets = new ConcurrentHashMap<>();

	private final Window global = new Window();

	private final AtomicReference<Forced> forced = new AtomicReference<>();

	RestRateLimiter(RestRateLimit limits, LongSupplier nanoTime) {
		this.limits = limits;
		this.nanoTime = nanoTime;
	}

	/** Answers the next bucketed request with a 429 of this scope and {@code retry_after}. */
	void forceNext(Duration retryAfter, String scope) {
		this.forced.set(new Forced(retryAfter, scope));
	}

	/** Forgets a forced 429 that no request has met yet. */
	void clearForced() {
		this.forced.set(null);
	}

	/**
	 * @param bucket the bucket hash of the route, {@code null} for an unlimited route
	 * @param majorParameter the major parameter value (e.g. the channel id), or empty
	 * @param countsGlobally whether the request counts towards the global limit
	 * @return the verdict
	 */
	Verdict check(String bucket, String majorParameter, boolean countsGlobally) {
		if (!this.limits.enabled() || bucket == null) {
			return Verdict.allowed(Map.of());
		}
		Forced forced = this.forced.getAndSet(null);
		long now = this.nanoTime.getAsLong();
		if (forced != null) {
			return Verdict.limited(forced.retryAfter(), forced.scope(), Map.of());
		}
		if (countsGlobally) {
			long wait = this.global.take(this.limits.globalLimit(), GLOBAL_WINDOW_NANOS, now);
			if (wait > 0) {
				return Verdict.limited(Duration.ofNanos(wait), "global", Map.of());
			}
		}
		Window window = this.buckets.computeIfAbsent(bucket + "|" + majorParameter, (key) -> new Window());
		long windowNanos = this.limits.bucketWindow().toNanos();
		long wait = window.take(this.limits.bucketLimit(), windowNanos, now);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-RateLimit-Limit", Integer.toString(this.limits.bucketLimit()));
		headers.put("X-RateLimit-Remaining", Integer.toString(window.remaining(this.limits.bucketLimit())));
		long resetAfter = window.nanosUntilReset(windowNanos, now);
		headers.put("X-RateLimit-Reset", seconds(System.currentTimeMillis() * 1_000_000L + resetAfter));
		headers.put("X-RateLimit-Reset-After", seconds(resetAfter));
		headers.put("X-RateLimit-Bucket", bucket);
		if (wait > 0) {
			return Verdict.limited(Duration.ofNanos(wait), "user", headers);
		}
		return Verdict.allowed(headers);
	}

	/** Seconds with millisecond precision, rounded up so that a client waiting this long is never early. */
	private static String seconds(long nanos) {
		long millis = (nanos + 999_999) / 1_000_000;
		return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
	}

	/**
	 * The answer to one request.
	 *
	 * @param retryAfter how long to wait, {@code null} when allowed
	 * @param scope the 429's scope, {@code null} when allowed
	 * @param headers rate limit headers to send
	 */
	record Verdict(Duration retryAfter, String scope, Map<String, String> headers) {

		static Verdict allowed(Map<String, String> headers) {
			return new Verdict(null, null, headers);
		}

		static Verdict limited(Duration retryAfter, String scope, Map<String, String> headers) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			long millis = Math.max(1, (retryAfter.toNanos() + 999_999) / 1_000_000);
			all.put("Retry-After", Long.toString((millis + 999) / 1000));
			all.put("X-RateLimit-Scope", scope);
			if (scope.equals("global")) {
				all.put("X-RateLimit-Global", "true");
			}
			return new Verdict(Duration.ofMillis(millis), scope, all);
		}

		boolean limited() {
			return this.retryAfter != null;
		}

		/** The 429 body: {@code message}, {@code retry_after} in seconds, {@code global}. */
		String body() {
			return "{\"message\":\"You are being rate limited.\",\"retry_after\":"
					+ String.format(Locale.ROOT, "%.3f", this.retryAfter.toMillis() / 1000d) + ",\"global\":"
					+ this.scope.equals("global") + "}";
		}

	}

	private record Forced(Duration retryAfter, String scope) {
	}

	/**
	 * A fixed window that starts with its first request.
	 */
	private static final class Window {

		private long start;

		private int used;

		private boolean open;

		/** Takes a place; returns 0, or how long until the window resets when it is full. */
		synchronized long take(int limit, long windowNanos, long now) {
			if (!this.open || now - this.start >= windowNanos) {
				this.open = true;
				this.start = now;
				this.used = 0;
			}
			if (this.used >= limit) {
				return Math.max(1, windowNanos - (now - this.start));
			}
			this.used++;
			return 0;
		}

		synchronized int remaining(int limit) {
			return Math.max(0, limit - this.used);
		}

		synchronized long nanosUntilReset(long windowNanos, long now) {
			return Math.max(0, windowNanos - (now - this.start));
		}

	}

}
