package io.github.discordgateway.rest.ratelimit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.discordgateway.rest.DiscordApiBase;

/**
 * Keeps a {@link org.springframework.web.client.RestClient} within Discord's REST rate limits, as JDA's and
 * Discord4J's requesters do: requests of one route and major parameters go one at a time, and one whose bucket
 * (learned from {@code X-RateLimit-Bucket}, shared by the routes with the same hash) is empty waits for it to
 * refill before it is sent; all
 * requests share the bot's global limit; a 429 is waited out ({@code retry_after}) and retried a bounded number
 * of times, then fails with {@link RateLimitExceededException}. A caller blocks while it waits, which costs
 * nothing on a virtual thread. Requests to hosts other than the API base pass through untouched.
 */
public final class RateLimitInterceptor implements ClientHttpRequestInterceptor {

	private static final int PURGE_THRESHOLD = 1024;

	private static final int MAX_WAITS_PER_ATTEMPT = 1000;

	private final DiscordApiBase base;

	private final RateLimitSettings settings;

	private final RateLimitObserver observer;

	private final RateLimitClock clock;

	private final GlobalLimit globalLimit;

	private final Map<String, BucketQueue> queues = new ConcurrentHashMap<>();

	private final Map<String, Bucket> sharedBuckets = new ConcurrentHashMap<>();

	/**
	 * @param base the API base; only requests under it are limited
	 * @param settings retries and the global limit
	 * @param observer hears responses, 429s and waits
	 * @param clock time and waiting
	 */
	public RateLimitInterceptor(DiscordApiBase base, RateLimitSettings settings, RateLimitObserver observer,
			RateLimitClock clock) {
		this.base = base;
		this.settings = settings;
		this.observer = observer;
		this.clock = clock;
		this.globalLimit = new GlobalLimit(settings.globalRequestsPerSecond());
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.base.covers(request.getURI())) {
			return execution.execute(request, body);
		}
		Route route = Route.of(request.getMethod().name(), this.base.relativePath(request.getURI()));
		BucketQueue queue = queueOf(route);
		long waited = 0;
		try {
			queue.permit.acquire();
			try {
				for (int attempt = 1;; attempt++) {
					waited += awaitTurn(queue.bucket(), route);
					ClientHttpResponse response = execution.execute(request, body);
					long now = this.clock.nanoTime();
					RateLimitHeaders headers = RateLimitHeaders.from(response.getHeaders());
					learn(route, queue, headers, now);
					int status = response.getStatusCode().value();
					this.observer.responseReceived(route.template(), status);
					if (status != 429) {
						return response;
					}
					TooManyRequests tooMany = TooManyRequests.read(headers, response);
					response.close();
					this.observer.rateLimited(route.template(), tooMany.scope());
					if (tooMany.global()) {
						this.globalLimit.pause(tooMany.retryAfter(), now);
					}
					else {
						queue.bucket().exhaust(tooMany.retryAfter(), now);
					}
					if (attempt > this.settings.maxRetries()) {
						throw new RateLimitExceededException(route.template(), tooMany.scope(), tooMany.retryAfter(),
								attempt);
					}
				}
			}
			finally {
				queue.permit.release();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for Discord's rate limit of " + route);
		}
		finally {
			if (waited > 0) {
				this.observer.waited(route.template(), Duration.ofNanos(waited));
			}
		}
	}

	private long awaitTurn(Bucket bucket, Route route) throws InterruptedException {
		long waited = 0;
		for (int i = 0; i < MAX_WAITS_PER_ATTEMPT; i++) {
			long now = this.clock.nanoTime();
			long wait = bucket.nanosUntilSendable(now);
			if (wait == 0 && route.global()) {
				wait = this.globalLimit.tryAcquire(now);
			}
			if (wait == 0) {
				return waited;
			}
			this.clock.sleep(wait);
			waited += wait;
		}
		throw new RateLimitExceededException(route.template(), "local", Duration.ofNanos(waited),
				MAX_WAITS_PER_ATTEMPT);
	}

	private void learn(Route route, BucketQueue queue, RateLimitHeaders headers, long now) {
		if (headers.bucket() != null) {
			// Routes with the same hash and major parameters share one bucket.
			queue.share(this.sharedBuckets.computeIfAbsent(headers.bucket() + "|" + route.majorParameters(),
					(key) -> new Bucket()));
		}
		queue.bucket().update(headers, now);
	}

	private BucketQueue queueOf(Route route) {
		if (this.queues.size() > PURGE_THRESHOLD) {
			long now = this.clock.nanoTime();
			this.queues.values().removeIf((queue) -> queue.idle(now));
			this.sharedBuckets.values().removeIf((bucket) -> bucket.idle(now));
		}
		return this.queues.computeIfAbsent(route.template() + "|" + route.majorParameters(),
				(key) -> new BucketQueue());
	}

	@Override
	public String toString() {
		return "RateLimitInterceptor[base=" + this.base.uri() + ", buckets=" + this.queues.size() + "]";
	}

	/**
	 * The queue of one route's requests (per major parameters) and the bucket they draw on.
	 */
	private static final class BucketQueue {

		final Semaphore permit = new Semaphore(1, true);

		private volatile Bucket bucket = new Bucket();

		Bucket bucket() {
			return this.bucket;
		}

		void share(Bucket shared) {
			this.bucket = shared;
		}

		boolean idle(long now) {
			return this.permit.availablePermits() == 1 && !this.permit.hasQueuedThreads() && this.bucket.idle(now);
		}

	}

}
