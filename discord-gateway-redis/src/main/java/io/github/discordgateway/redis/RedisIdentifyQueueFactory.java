package io.github.discordgateway.redis;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.IdentifyQueueFactory;
import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.Scheduler;
import io.github.discordgateway.sharding.LocalIdentifyQueue;

/**
 * Makes {@link RedisIdentifyQueue}s, which share the identify buckets and the daily session start budget with
 * every process of the bot. Owns the thread the queues call Redis on; {@link #close() close} it with the client.
 *
 * @since 0.1.0
 */
public final class RedisIdentifyQueueFactory implements IdentifyQueueFactory, AutoCloseable {

	/** Discord's 5 s identify window and the margin for an Identify's way there. */
	public static final Duration DEFAULT_WINDOW = LocalIdentifyQueue.WINDOW.plus(LocalIdentifyQueue.MARGIN);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration window;

	private final ScheduledExecutorService redisThread = CoordinationThreads.single("discord-gateway-redis-identify");

	/**
	 * @param redis where the buckets and the budget live
	 * @param keys the bot's key names
	 */
	public RedisIdentifyQueueFactory(StringRedisTemplate redis, RedisKeys keys) {
		this(redis, keys, DEFAULT_WINDOW);
	}

	/**
	 * @param redis where the buckets and the budget live
	 * @param keys the bot's key names
	 * @param window how long a bucket stays taken after each turn (Discord's window plus a margin)
	 */
	public RedisIdentifyQueueFactory(StringRedisTemplate redis, RedisKeys keys, Duration window) {
		this.redis = redis;
		this.keys = keys;
		this.window = window;
	}

	@Override
	public IdentifyQueue create(SessionStartLimit limit, Scheduler timers) {
		return new RedisIdentifyQueue(this.redis, this.keys, limit, this.window, this.redisThread);
	}

	@Override
	public void close() {
		this.redisThread.shutdownNow();
	}

}
